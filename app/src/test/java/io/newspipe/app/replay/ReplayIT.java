package io.newspipe.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.enrich.taxonomy.Taxonomy;
import io.newspipe.ingest.publish.ArticlePublisher;
import io.newspipe.read.ArticleLines;
import io.newspipe.read.Clients;
import io.newspipe.read.Dates;
import io.newspipe.read.MergedReader;
import io.newspipe.read.OffsetRanges;
import io.newspipe.read.replay.PrintOutput;
import io.newspipe.read.replay.ReplayOutput;
import io.newspipe.read.replay.ReplayRequest;
import io.newspipe.read.replay.Replayer;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.TopicSet;
import io.newspipe.testkit.Articles;
import io.newspipe.testkit.KafkaClusterExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Replay by event time against a real broker: windows, versions, order, pacing, archives. */
class ReplayIT {

  @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant JAN_1 = Instant.parse("2024-01-01T00:00:00Z");
  private static final long STEP_MS = Duration.ofDays(30).toMillis() / 1000; // 43.2 minutes

  private TopicSet topics;

  @BeforeEach
  void setUp(TestInfo info) {
    topics = KAFKA.topics(info.getTestMethod().orElseThrow().getName());
  }

  @Test
  void shouldPrintEachMiddleEastArticleOfTheWindowOnceAsItsLatestVersionInPublicationOrder()
      throws Exception {
    List<String> expected = new ArrayList<>();
    try (Coverage coverage = new Coverage(KAFKA)) {
      for (int i = 0; i < 1000; i++) {
        Instant published = JAN_1.plusMillis(i * STEP_MS);
        String id = "wire:" + i;
        List<String> v1Tags =
            i % 3 == 0 ? List.of("middle-east") : i % 3 == 1 ? List.of("narcotics") : List.of();
        Article v1 = Coverage.article(id, 1, published, "Story " + i, "Body " + i);
        coverage.send(topics.raw(), id, v1, published);
        coverage.send(topics.tagged(), id, tagged(v1, v1Tags), published);
        List<String> latest = v1Tags;
        if (i % 10 == 0) { // an update: every other one drops the tag
          Article v2 = Coverage.article(id, 2, published, "Story " + i + " (updated)", "Body");
          latest = i % 20 == 0 ? v1Tags : List.of();
          coverage.send(topics.raw(), id, v2, published);
          coverage.send(topics.tagged(), id, tagged(v2, latest), published);
        }
        boolean inWindow =
            !published.isBefore(Instant.parse("2024-01-10T00:00:00Z"))
                && published.isBefore(Instant.parse("2024-01-21T00:00:00Z"));
        if (inWindow && latest.contains("middle-east")) {
          expected.add(id);
        }
      }
      coverage.flush();
    }

    StringWriter out = new StringWriter();
    Replayer.Stats stats =
        replay(
            new ReplayRequest(
                Dates.since("2024-01-10"),
                Dates.until("2024-01-20"),
                Set.of("middle-east"),
                null,
                0),
            new PrintOutput(new PrintWriter(out), ArticleLines.Format.JSON, Set.of("middle-east")));

    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      lines.add(JSON.readTree(line));
    }
    assertThat(lines)
        .extracting(l -> l.at("/article/id").asText())
        .containsExactlyElementsOf(expected);
    assertThat(expected).hasSizeBetween(100, 130).contains("wire:300"); // 2024-01-10T00:00Z exactly
    assertThat(lines)
        .filteredOn(l -> l.at("/article/id").asText().equals("wire:360"))
        .singleElement()
        .satisfies(l -> assertThat(l.at("/article/version").asInt()).isEqualTo(2));
    assertThat(stats.emitted()).isEqualTo(expected.size());
  }

  @Test
  void shouldReproduceTheOriginalSpacingDividedBySpeed() throws Exception {
    long[] offsetsSeconds = {0, 360, 1080, 1440, 2520}; // at --speed 3600: 100, 200, 100, 300 ms
    Instant base = Instant.parse("2024-02-01T06:00:00Z");
    try (Coverage coverage = new Coverage(KAFKA)) {
      for (int i = 0; i < offsetsSeconds.length; i++) {
        Instant published = base.plusSeconds(offsetsSeconds[i]);
        Article a = Coverage.article("paced:" + i, 1, published, "Paced " + i, "Body");
        coverage.send(topics.tagged(), a.getId(), tagged(a, List.of("narcotics")), published);
      }
      coverage.flush();
    }
    List<Long> wall = new ArrayList<>();
    replay(
        new ReplayRequest(base, null, Set.of(), null, 3600),
        new ReplayOutput() {
          @Override
          public void write(ConsumerRecord<byte[], byte[]> record, TaggedArticle article) {
            wall.add(System.nanoTime());
          }

          @Override
          public void close() {}
        });

    assertThat(wall).hasSize(offsetsSeconds.length);
    for (int i = 1; i < wall.size(); i++) {
      double expectedMs = (offsetsSeconds[i] - offsetsSeconds[i - 1]) * 1000 / 3600.0;
      double actualMs = (wall.get(i) - wall.get(i - 1)) / 1e6;
      // 10% of the gap, plus a little for a busy machine's scheduler
      assertThat(actualMs).as("gap %d", i).isCloseTo(expectedMs, within(expectedMs * 0.1 + 15));
    }
    double span = (wall.get(wall.size() - 1) - wall.get(0)) / 1e6;
    assertThat(span).isCloseTo(700.0, within(70.0));
  }

  @Test
  void shouldReplayAnArchiveArticleFrom2019ByItsPublicationDate() throws Exception {
    Instant published2019 = Instant.parse("2019-03-05T09:30:00Z");
    Article archive =
        Articles.builder(
                "archive:captagon-2019",
                "Captagon haul seized",
                "Jordanian troops seized captagon pills.")
            .setPublishedAt(published2019)
            .build();
    Article recent =
        Articles.builder("wire:recent", "Cocaine seized", "Police seized cocaine at the port.")
            .setPublishedAt(Instant.parse("2024-05-01T10:00:00Z"))
            .build();
    try (ArticlePublisher ingest = new ArticlePublisher(KAFKA.producerProps(), topics)) {
      ingest.publish(recent).get();
      ingest.publish(archive).get(); // imported after newer coverage
    }
    Taxonomy taxonomy = Taxonomy.loadDefault();
    taxonomy.tagIds().forEach(id -> KAFKA.createTopics(topics.tag(id)));
    new Retagger(KAFKA.producerProps(), topics, new Tagger(taxonomy))
        .run(null, (done, total) -> {});

    // A committed transaction's markers reach each partition shortly after commit returns; until
    // then a read_committed reader's end offsets stop before the re-tagged records.
    StringWriter out = new StringWriter();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              out.getBuffer().setLength(0);
              replay(
                  new ReplayRequest(
                      Dates.since("2019-03-01"), Dates.until("2019-03-31"), Set.of(), null, 0),
                  new PrintOutput(new PrintWriter(out), ArticleLines.Format.JSON, Set.of()));
              assertThat(out.toString()).isNotBlank();
            });

    JsonNode line = JSON.readTree(out.toString().strip());
    assertThat(line.at("/article/id").asText()).isEqualTo("archive:captagon-2019");
    assertThat(line.at("/article/publishedAt").asText()).isEqualTo("2019-03-05T09:30:00Z");
    try (KafkaConsumer<byte[], byte[]> consumer = Clients.reader(KAFKA.producerProps())) {
      OffsetRanges raw = OffsetRanges.since(consumer, List.of(topics.raw().name()), published2019);
      List<Long> timestamps = new ArrayList<>();
      new MergedReader(consumer, raw).forEach(r -> timestamps.add(r.timestamp()));
      assertThat(timestamps).contains(published2019.toEpochMilli());
    }
  }

  @Test
  void shouldSortAPartitionWhoseCoverageWasImportedOutOfOrder() throws Exception {
    Instant may = Instant.parse("2024-05-01T00:00:00Z");
    Instant april = Instant.parse("2024-04-01T00:00:00Z");
    Instant march = Instant.parse("2024-03-01T00:00:00Z");
    try (Coverage coverage = new Coverage(KAFKA)) {
      for (Instant t : List.of(may, april, march)) {
        Article a = Coverage.article("imported:" + t, 1, t, "Imported " + t, "Body");
        coverage.sendTo(topics.tagged(), 0, a.getId(), tagged(a, List.of()), t);
      }
      coverage.flush();
    }
    List<Instant> order = new ArrayList<>();
    replay(
        new ReplayRequest(Dates.since("2024-03-15"), null, Set.of(), null, 0),
        new ReplayOutput() {
          @Override
          public void write(ConsumerRecord<byte[], byte[]> record, TaggedArticle article) {
            order.add(article.getArticle().getPublishedAt());
          }

          @Override
          public void close() {}
        });

    assertThat(order).containsExactly(april, may);
  }

  private Replayer.Stats replay(ReplayRequest request, ReplayOutput output) throws Exception {
    try (KafkaConsumer<byte[], byte[]> consumer = Clients.reader(KAFKA.producerProps());
        output) {
      return new Replayer(consumer, topics).run(request, output);
    }
  }

  private static TaggedArticle tagged(Article article, List<String> tags) {
    return Articles.tagged(article, tags.stream().map(Articles::tag).toArray(Tag[]::new));
  }
}
