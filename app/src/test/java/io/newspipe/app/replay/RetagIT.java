package io.newspipe.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.enrich.taxonomy.Taxonomy;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.TopicSet;
import io.newspipe.sink.consume.SinkService;
import io.newspipe.store.SqliteStore;
import io.newspipe.store.StoredTag;
import io.newspipe.testkit.KafkaClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Re-tagging the raw history through the normal path into a real sink and SQLite store. */
class RetagIT {

  @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

  private static final String NEW_TAXONOMY =
      """
      version: "2025.01-test"
      tags:
        - id: narcotics
          label: Narcotics
          mediaTopics: [medtop:20000096]
          threshold: 2.0
          phrases:
            - {weight: 3.0, terms: [captagon, cocaine, drug trafficking]}
        - id: whaling
          label: Whaling
          threshold: 2.0
          phrases:
            - {weight: 3.0, terms: [whaling, whale hunt]}
      """;

  @TempDir Path dir;

  @Test
  void shouldAddTheNewTagRemoveTheDroppedOneAndFinishExactlyOnceAfterAnInterruption(TestInfo info)
      throws Exception {
    TopicSet topics = KAFKA.topics(info.getTestMethod().orElseThrow().getName());
    Tagger oldTagger = new Tagger(Taxonomy.loadDefault());
    Path taxonomyFile = Files.writeString(dir.resolve("taxonomy-v2.yaml"), NEW_TAXONOMY);
    Tagger newTagger = new Tagger(Taxonomy.load(taxonomyFile));
    KAFKA.createTopics(topics.tag("whaling"), topics.tag("narcotics"), topics.tag("middle-east"));

    Map<String, Set<String>> expected = new HashMap<>();
    List<String> whaling = new ArrayList<>();
    try (Coverage coverage = new Coverage(KAFKA)) {
      for (int i = 0; i < 45; i++) {
        Instant published = Instant.parse("2024-06-01T00:00:00Z").plus(Duration.ofHours(7L * i));
        Article a = Coverage.article("hist:" + i, 1, published, headline(i), body(i));
        coverage.send(topics.raw(), a.getId(), a, published);
        TaggedArticle before = oldTagger.enrich(a, Instant.EPOCH.plusSeconds(i));
        before.setStoryId("story-" + (i % 3)); // as enrich's story clusters decided
        coverage.send(topics.tagged(), a.getId(), before, published);
        Set<String> now = ids(newTagger.enrich(a, Instant.now()));
        expected.put(a.getId(), now);
        if (now.contains("whaling")) {
          whaling.add(a.getId());
        }
      }
      coverage.flush();
    }
    assertThat(whaling).hasSize(15);

    try (SqliteStore store = SqliteStore.open(dir.resolve("newspipe.db"));
        SinkService sink =
            new SinkService(KAFKA.producerProps(), topics, store, topics.raw().name() + "-sink")) {
      Thread sinkThread = new Thread(sink::run, "test-sink");
      sinkThread.start();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(store.articleCount()).isEqualTo(45);
                assertThat(tagIds(store, "hist:1")).contains("middle-east");
              });

      int[] batches = {0};
      Retagger interrupted = new Retagger(KAFKA.producerProps(), topics, newTagger, 5);
      assertThatThrownBy(
              () ->
                  interrupted.run(
                      null,
                      (done, total) -> {
                        if (++batches[0] == 3) {
                          throw new IllegalStateException("simulated crash before commit");
                        }
                      }))
          .hasMessageContaining("simulated crash");

      Retagger.Result result =
          new Retagger(KAFKA.producerProps(), topics, newTagger, 5).run(null, (done, total) -> {});

      assertThat(result.resumed()).isTrue();
      assertThat(result.retagged()).isBetween(1L, 44L);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                for (Map.Entry<String, Set<String>> e : expected.entrySet()) {
                  assertThat(tagIds(store, e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
                }
                assertThat(store.article("hist:7").orElseThrow().storyId())
                    .as("re-tagging keeps the story")
                    .isEqualTo("story-1");
              });
      assertThat(store.articleCount()).isEqualTo(45);
      assertThat(result.changes().byTag())
          .containsEntry("whaling", new TagChanges.Count(15, 0))
          .containsEntry("middle-east", new TagChanges.Count(0, 15))
          .doesNotContainKey("narcotics");
      sink.close();
      sinkThread.join(30_000);
    }

    // Read a little past the expected count: duplicates from the interrupted run would show here.
    List<ConsumerRecord<String, TaggedArticle>> tagTopic =
        KAFKA.consume(topics.tag("whaling"), whaling.size() + 1, Duration.ofSeconds(3));
    assertThat(tagTopic)
        .extracting(ConsumerRecord::key)
        .containsExactlyInAnyOrderElementsOf(whaling);
    List<String> retaggedVersions =
        KAFKA.consume(topics.tagged(), 91, Duration.ofSeconds(3)).stream()
            .filter(r -> r.value().getTaxonomyVersion().equals("2025.01-test"))
            .map(ConsumerRecord::key)
            .toList();
    assertThat(retaggedVersions).hasSize(45).doesNotHaveDuplicates();
    // The 15 articles that lost middle-east are announced on its topic, without the tag.
    List<ConsumerRecord<String, TaggedArticle>> left =
        KAFKA.consume(topics.tag("middle-east"), 16, Duration.ofSeconds(3));
    assertThat(left).hasSize(15);
    assertThat(left)
        .allSatisfy(
            r -> {
              assertThat(r.value().getTaxonomyVersion()).isEqualTo("2025.01-test");
              assertThat(ids(r.value())).doesNotContain("middle-east");
            });
  }

  private static String headline(int i) {
    return switch (i % 3) {
      case 0 -> "Whaling fleet returns to port " + i;
      case 1 -> "Captagon haul seized in Jordan " + i;
      default -> "Central bank holds rates " + i;
    };
  }

  private static String body(int i) {
    return switch (i % 3) {
      case 0 -> "The whaling fleet returned after a whale hunt in the Southern Ocean.";
      case 1 -> "Jordanian troops seized captagon pills smuggled from Syria into Jordan.";
      default -> "The central bank held its policy rate steady for a third month.";
    };
  }

  private static Set<String> ids(TaggedArticle t) {
    return t.getTags().stream().map(Tag::getId).collect(Collectors.toSet());
  }

  private static Set<String> tagIds(SqliteStore store, String id) {
    return store.tags(id).stream().map(StoredTag::tagId).collect(Collectors.toSet());
  }
}
