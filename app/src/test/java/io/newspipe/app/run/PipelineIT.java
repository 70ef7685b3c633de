package io.newspipe.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.app.config.ConfigLoader;
import io.newspipe.app.config.Settings;
import io.newspipe.schemas.DeadLetters;
import io.newspipe.schemas.TopicSet;
import io.newspipe.schemas.lifecycle.Service;
import io.newspipe.store.SqliteStore;
import io.newspipe.store.StoredArticle;
import io.newspipe.store.StoredEvidence;
import io.newspipe.store.StoredTag;
import io.newspipe.testkit.KafkaClusterExtension;
import io.newspipe.web.WebService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The seed article through ingest -> raw -> enrich -> tagged/tag topics -> sink -> SQLite. */
class PipelineIT {

  @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

  private static final Path SEED = Path.of("../seeds/blinken-meets-xi.txt");

  @TempDir Path work;
  private Path sources;
  private TopicSet topics;
  private Settings settings;

  @BeforeEach
  void setUp(TestInfo info) throws Exception {
    String name = info.getTestMethod().orElseThrow().getName();
    sources = Files.createDirectories(work.resolve("seeds"));
    topics = KAFKA.topics(name);
    String unique = topics.raw().name().replace(".news.articles.raw", "");
    Map<String, Object> flags = new HashMap<>();
    flags.put(Settings.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
    flags.put(Settings.DATA_DIR, work.resolve("data").toString());
    flags.put(Settings.SOURCES, List.of(sources.toString()));
    flags.put(Settings.ENRICH_APPLICATION_ID, unique + "-enrich");
    flags.put(Settings.SINK_GROUP_ID, unique + "-sink");
    settings = ConfigLoader.load(null, Map.of(), flags);
  }

  @Test
  void shouldStoreTheSeedArticleWithEvidencedCoreTags() throws Exception {
    Files.copy(SEED, sources.resolve("blinken-meets-xi.txt"));

    Pipeline.Summary summary;
    try (Pipeline pipeline = Pipeline.startOnce(settings, topics)) {
      summary = pipeline.runOnce();
    }

    assertThat(summary.ingest().published()).isEqualTo(1);
    assertThat(summary.stored()).isEqualTo(1);
    assertThat(summary.deadLettered()).isZero();
    try (SqliteStore store = SqliteStore.open(work.resolve("data/newspipe.db"))) {
      StoredArticle article = store.article("seeds:blinken-meets-xi.txt").orElseThrow();
      assertThat(article.headline()).isEqualTo("Blinken Meets China’s President Xi");
      assertThat(article.tags())
          .extracting(StoredTag::tagId)
          .contains("election-interference", "narcotics", "middle-east");
      for (StoredTag tag : article.tags()) {
        assertThat(tag.evidence()).as(tag.tagId()).isNotEmpty();
        for (StoredEvidence e : tag.evidence()) {
          String text = e.field().equals("headline") ? article.headline() : article.body();
          assertThat(text.substring(e.start(), e.end())).as(tag.tagId()).isEqualTo(e.text());
        }
      }
    }
    List<ConsumerRecord<String, io.newspipe.schemas.TaggedArticle>> narcotics =
        KAFKA.consume(topics.tag("narcotics"), 1, Duration.ofSeconds(10));
    assertThat(narcotics)
        .extracting(ConsumerRecord::key)
        .containsExactly("seeds:blinken-meets-xi.txt");
  }

  @Test
  void shouldServeTheStoredSeedArticleAndItsEvidenceOnTheWebApiUntilClosed() throws Exception {
    Files.copy(SEED, sources.resolve("blinken-meets-xi.txt"));
    Map<String, Object> flags = new HashMap<>(settings.originals());
    flags.put(Settings.WEB_PORT, 0);
    Settings withWeb = ConfigLoader.load(null, Map.of(), flags);

    URI api;
    try (Pipeline pipeline = Pipeline.start(withWeb, topics)) {
      pipeline.runOnce();
      WebService web = pipeline.startWeb("");
      assertThat(pipeline.services())
          .extracting(Service::name)
          .containsExactly("enrich", "notify", "sink", "ingest", "web");
      assertThat(pipeline.services())
          .filteredOn(s -> !s.name().equals("ingest")) // imported once and finished
          .allSatisfy(s -> assertThat(s.health().ready()).as(s.health().detail()).isTrue());
      api = URI.create(web.url() + "api/");
      assertThat(web.url()).startsWith("http://localhost:");

      JsonNode list = getJson(api.resolve("articles?q=Blinken"));
      assertThat(list.get("articles").get(0).get("id").asText())
          .isEqualTo("seeds:blinken-meets-xi.txt");
      JsonNode article = getJson(api.resolve("articles/seeds:blinken-meets-xi.txt"));
      assertThat(article.get("headline").asText()).isEqualTo("Blinken Meets China’s President Xi");
      List<String> tags = new ArrayList<>();
      article.get("tags").forEach(t -> tags.add(t.get("id").asText()));
      assertThat(tags).contains("election-interference", "narcotics", "middle-east");
      JsonNode taxonomy = getJson(api.resolve("tags"));
      assertThat(taxonomy.get("tags").get(0).get("label").asText()).isNotBlank();
      assertThat(getJson(api.resolve("health")).get("live").asText()).isEqualTo("live");
    }

    assertThatThrownBy(() -> getJson(api.resolve("health")))
        .as("the web service stops with the pipeline")
        .isInstanceOf(java.io.IOException.class);
  }

  private static JsonNode getJson(URI uri) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(uri.toString()).isEqualTo(200);
    return new ObjectMapper().readTree(r.body());
  }

  @Test
  void shouldDeadLetterAPoisonRecordAndStillStoreTheNextGoodArticle() throws Exception {
    byte[] junk = new byte[128];
    new Random(7).nextBytes(junk);
    KAFKA.produceRaw(topics.raw().name(), "poison".getBytes(StandardCharsets.UTF_8), junk);
    Files.writeString(
        sources.resolve("captagon.txt"),
        "Jordan seizes captagon pills on Syrian border\n\n"
            + "Jordanian troops seized millions of captagon pills smuggled from Syria, the army said,"
            + " in the latest blow against drug trafficking networks.\n");

    Pipeline.Summary summary;
    try (Pipeline pipeline = Pipeline.startOnce(settings, topics)) {
      summary = pipeline.runOnce();
    }

    List<ConsumerRecord<byte[], byte[]>> dead =
        KAFKA.consume(topics.dlq(), 1, Duration.ofSeconds(10));
    assertThat(dead).hasSize(1);
    ConsumerRecord<byte[], byte[]> letter = dead.get(0);
    assertThat(letter.value()).isEqualTo(junk);
    assertThat(DeadLetters.get(letter.headers(), DeadLetters.STAGE)).isEqualTo("enrich");
    assertThat(DeadLetters.get(letter.headers(), DeadLetters.MESSAGE)).contains("Article");
    assertThat(DeadLetters.get(letter.headers(), DeadLetters.SOURCE_TOPIC))
        .isEqualTo(topics.raw().name());
    assertThat(summary.stored()).isEqualTo(1);
    try (SqliteStore store = SqliteStore.open(work.resolve("data/newspipe.db"))) {
      assertThat(store.article("seeds:captagon.txt").orElseThrow().tags())
          .extracting(StoredTag::tagId)
          .contains("narcotics", "middle-east");
    }
  }

  @Test
  void shouldStoreAFileDroppedIntoAWatchedDirectoryAndNotDuplicateOnRerun() throws Exception {
    Files.copy(SEED, sources.resolve("blinken-meets-xi.txt"));
    ExecutorService runner = Executors.newSingleThreadExecutor();
    Path db = work.resolve("data/newspipe.db");
    try (Pipeline pipeline = Pipeline.start(settings, topics)) {
      Future<?> running =
          runner.submit(
              () -> {
                pipeline.runUntilStopped();
                return null;
              });
      Files.writeString(
          sources.resolve("vote-hack.txt.tmp"),
          "Hackers targeted voter registration systems\n\n"
              + "Officials said foreign hackers tried to breach the voter registration database"
              + " before the election in an attempt to disrupt the vote.\n");
      Files.move(sources.resolve("vote-hack.txt.tmp"), sources.resolve("vote-hack.txt"));
      long dropped = System.nanoTime();
      // A bound for correctness, not speed (that is bench's job): generous for a loaded machine.
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> storedIds(db).contains("seeds:vote-hack.txt"));
      assertThat(pipeline.services())
          .extracting(Service::name)
          .containsExactly("enrich", "notify", "sink", "ingest");
      assertThat(pipeline.services())
          .allSatisfy(s -> assertThat(s.health().ready()).as(s.health().detail()).isTrue());
      System.out.printf(
          "dropped file stored after %d ms%n", (System.nanoTime() - dropped) / 1_000_000);
      pipeline.close();
      running.get();
      assertThat(pipeline.services())
          .as("closed services are no longer live")
          .allSatisfy(s -> assertThat(s.health().live()).as(s.name()).isFalse());
    } finally {
      runner.shutdownNow();
    }

    try (Pipeline again = Pipeline.startOnce(settings, topics)) {
      again.runOnce();
    }
    try (SqliteStore store = SqliteStore.open(db)) {
      assertThat(store.articleCount()).isEqualTo(2);
      assertThat(store.versionCount("seeds:vote-hack.txt")).isEqualTo(1);
      assertThat(store.versionCount("seeds:blinken-meets-xi.txt")).isEqualTo(1);
    }
  }

  private static List<String> storedIds(Path db) {
    if (!Files.exists(db)) {
      return List.of();
    }
    try (SqliteStore store = SqliteStore.open(db)) {
      return store.article("seeds:vote-hack.txt").map(a -> List.of(a.id())).orElse(List.of());
    }
  }
}
