package io.newspipe.app.cli;

import static io.newspipe.testkit.Articles.builder;
import static io.newspipe.testkit.Articles.tag;
import static io.newspipe.testkit.Articles.tagged;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.schemas.Entity;
import io.newspipe.schemas.EntityKind;
import io.newspipe.schemas.Evidence;
import io.newspipe.schemas.Signal;
import io.newspipe.schemas.Source;
import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.store.SqliteStore;
import io.newspipe.store.StoredArticles;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newspipe replay --from-store} against a real SQLite store file; no broker needed. */
class ReplayFromStoreTest {
  private static final Instant DAY10 = Instant.parse("2024-06-10T00:00:00Z");

  @TempDir Path dir;
  private String storeUrl;
  private final CliRun cli = new CliRun();
  private final StringWriter out = cli.out;
  private final StringWriter err = cli.err;

  @BeforeEach
  void writeStore() {
    Path db = dir.resolve("newspipe.db");
    storeUrl = "sqlite:" + db;
    try (SqliteStore store = SqliteStore.open(db)) {
      store.write(
          List.of(
              // Written out of publication order: the replay must sort them.
              story("me-late", DAY10.plusSeconds(5 * 86_400), 1, "middle-east"),
              story("me-before", DAY10.minusSeconds(60), 1, "middle-east"),
              story("me-first", DAY10.plusSeconds(3600), 1, "middle-east", "narcotics"),
              story("other-tag", DAY10.plusSeconds(7200), 1, "narcotics"),
              story("me-updated", DAY10.plusSeconds(86_400), 1, "middle-east"),
              story("me-withdrawn", DAY10.plusSeconds(2 * 86_400), 1, "middle-east"),
              story("me-after", Instant.parse("2024-06-21T00:00:00Z"), 1, "middle-east")),
          "newspipe-sink",
          Map.of());
      store.write(
          List.of(
              story("me-updated", DAY10.plusSeconds(86_400), 2, "middle-east"),
              tagged(
                  builder("me-withdrawn", "me-withdrawn", "Body.")
                      .setVersion(2)
                      .setSignal(Signal.CANCELED)
                      .setPublishedAt(DAY10.plusSeconds(2 * 86_400))
                      .build())),
          "newspipe-sink",
          Map.of());
    }
  }

  private static TaggedArticle story(String id, Instant published, int version, String... tags) {
    return tagged(
        builder(id, id + " v" + version, "Body of " + id + ".")
            .setVersion(version)
            .setPublishedAt(published)
            .build(),
        List.of(tags).stream().map(t -> tag(t)).toArray(Tag[]::new));
  }

  private int run(String... args) {
    List<String> all = new ArrayList<>(List.of("replay", "--from-store", "--store=" + storeUrl));
    all.addAll(List.of(args));
    return cli.execute(all.toArray(String[]::new));
  }

  @Test
  void shouldPrintTheTaggedArticlesOfTheWindowOnceEachInPublicationOrder() throws Exception {
    int code =
        run(
            "--since",
            "2024-06-10",
            "--until",
            "2024-06-20",
            "--tag",
            "middle-east",
            "--to",
            "-",
            "--format",
            "json");

    assertThat(code).as(err.toString()).isZero();
    ObjectMapper json = new ObjectMapper();
    List<String> ids = new ArrayList<>();
    List<Integer> versions = new ArrayList<>();
    for (String line : out.toString().strip().split("\n")) {
      var article = json.readTree(line).get("article");
      ids.add(article.get("id").asText());
      versions.add(article.get("version").asInt());
    }
    assertThat(ids).containsExactly("me-first", "me-updated", "me-late");
    assertThat(versions).containsExactly(1, 2, 1);
    assertThat(err.toString()).contains("replayed 3 articles from sqlite:");
  }

  @Test
  void shouldPrintTextLinesWithTheLatestHeadlineAndFilterBySource() {
    assertThat(run("--since", "2024-06-10", "--until", "2024-06-12", "--source", "test")).isZero();

    assertThat(out.toString().strip().split("\n"))
        .hasSize(3)
        .satisfiesExactly(
            first -> assertThat(first).contains("me-first v1"),
            second -> assertThat(second).contains("other-tag v1"),
            third -> assertThat(third).contains("me-updated v2"));

    out.getBuffer().setLength(0);
    assertThat(run("--since", "2024-06-10", "--source", "elsewhere")).isZero();
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void shouldRefuseToCombineFromStoreWithRetagAndSayWhy() {
    assertThat(run("--retag", "--since", "2024-06-10")).isNotZero();

    assertThat(err.toString()).contains("--from-store cannot be combined with --retag");
  }

  @Test
  void shouldTurnAStoredArticleBackIntoTheEventItWasStoredFrom() {
    TaggedArticle original =
        TaggedArticle.newBuilder(
                tagged(
                    builder("full", "Captagon seized", "Police seized captagon.")
                        .setSource(new Source("wire", "Wire", null, "rss"))
                        .setPublishedAt(DAY10)
                        .setLanguage("en")
                        .setUrgency(3)
                        .build(),
                    Tag.newBuilder(tag("narcotics"))
                        .setEvidence(
                            List.of(new Evidence("headline", 0, 8, "Captagon", "phrase:captagon")))
                        .build()))
            .setEntities(List.of(new Entity(EntityKind.PLACE, "Amman", 2)))
            .setStoryId("story-1")
            .build();
    Path db = dir.resolve("roundtrip.db");
    try (SqliteStore store = SqliteStore.open(db)) {
      store.write(List.of(original), "g", Map.of());
      TaggedArticle back = StoredArticles.toTagged(store.article("full").orElseThrow());

      assertThat(back).isEqualTo(original);
    }
  }
}
