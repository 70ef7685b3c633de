package io.newspipe.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.newspipe.enrich.retag.TagChanges;
import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.enrich.taxonomy.Taxonomy;
import io.newspipe.enrich.topology.EnrichService;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.Signal;
import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.TopicSet;
import io.newspipe.sink.consume.SinkService;
import io.newspipe.store.SqliteStore;
import io.newspipe.store.StoredArticle;
import io.newspipe.store.StoredTag;
import io.newspipe.testkit.Articles;
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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.StreamsConfig;
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

  /**
   * Re-tags what a real enrich decided (versions, withdrawals, stories) and checks the three rules
   * re-tagging must share with live enrich: a withdrawal stays withdrawn and untagged, an article
   * edited in a file is re-tagged at the version enrich gave it, and the live enrich that runs
   * after the re-tag announces an article leaving a re-tagged tag.
   */
  @Test
  void shouldRetagAtEnrichsVersionsKeepWithdrawalsAndStoriesAndTeachLiveEnrichTheNewTags(
      TestInfo info) throws Exception {
    TopicSet topics = KAFKA.topics(info.getTestMethod().orElseThrow().getName());
    Tagger oldTagger = new Tagger(Taxonomy.loadDefault());
    Tagger newTagger =
        new Tagger(Taxonomy.load(Files.writeString(dir.resolve("v2.yaml"), NEW_TAXONOMY)));
    Instant published = Instant.parse("2024-06-03T08:00:00Z");
    Article latestEdit = publishEnrichScenario(topics, published);
    String app = "retag-it-enrich-" + System.nanoTime();
    Path state = Files.createDirectories(dir.resolve("enrich-state"));

    try (SqliteStore store = SqliteStore.open(dir.resolve("newspipe.db"));
        SinkService sink =
            new SinkService(KAFKA.producerProps(), topics, store, topics.raw().name() + "-sink")) {
      Thread sinkThread = new Thread(sink::run, "test-sink");
      sinkThread.start();
      try (EnrichService enrich = enrich(oldTagger, topics, app, state)) {
        enrich.start();
        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(() -> assertThat(store.article("l")).isPresent());
        publishSecondReport(topics, published);
        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(
                () -> {
                  assertThat(store.article("w").map(StoredArticle::withdrawn)).contains(true);
                  assertThat(store.article("e").map(StoredArticle::version)).contains(3);
                  assertThat(store.article("l2").map(StoredArticle::storyId)).isPresent();
                });
      }
      String storyOfL2 = store.article("l2").orElseThrow().storyId();
      String storyOfW = store.article("w").orElseThrow().storyId();
      assertThat(storyOfL2).as("enrich put both reports in one story").isEqualTo("l");

      String whalingTopic = topics.tag("whaling").name();
      assertThat(topicNames()).as("whaling is new").doesNotContain(whalingTopic);

      new Retagger(KAFKA.producerProps(), topics, newTagger).run(null, (done, total) -> {});

      assertThat(topicNames()).as("re-tagging creates the new tag's topic").contains(whalingTopic);

      Set<String> latestEditTags = ids(newTagger.enrich(latestEdit, Instant.now()));
      assertThat(latestEditTags).contains("whaling", "narcotics");
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                StoredArticle e = store.article("e").orElseThrow();
                assertThat(e.taxonomyVersion()).isEqualTo("2025.01-test");
                assertThat(e.version()).isEqualTo(3);
                assertThat(tagIds(store, "e")).isEqualTo(latestEditTags);
                assertThat(store.article("l").orElseThrow().taxonomyVersion())
                    .isEqualTo("2025.01-test");
              });
      StoredArticle w = store.article("w").orElseThrow();
      assertThat(w.withdrawn()).as("a withdrawal stays withdrawn").isTrue();
      assertThat(w.tags()).isEmpty();
      assertThat(w.storyId()).isEqualTo(storyOfW);
      assertThat(store.article("l2").orElseThrow().storyId()).isEqualTo(storyOfL2);
      assertThat(tagIds(store, "l")).containsExactly("whaling");

      assertWithdrawalStaysUntaggedOnTopics(topics, newTagger);

      // Live enrich, switched to the new taxonomy, gets an edit of "l" that is not about whaling:
      // whaling's subscribers must learn that "l" left it.
      try (EnrichService enrich = enrich(newTagger, topics, app, state)) {
        enrich.start();
        Article edit =
            Coverage.article(
                "l", 1, published, "Central bank holds rates", "The bank held its rate steady.");
        KAFKA.produce(topics.raw(), "l", edit);
        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(
                () -> assertThat(store.article("l").map(StoredArticle::version)).contains(2));
      }
      assertThat(KAFKA.consume(topics.tag("whaling"), 10, Duration.ofSeconds(3)))
          .filteredOn(r -> r.key().equals("l") && r.value().getArticle().getVersion() == 2)
          .as("the LEFT notice of l on news.tags.whaling")
          .singleElement()
          .satisfies(r -> assertThat(ids(r.value())).doesNotContain("whaling"));
      sink.close();
      sinkThread.join(30_000);
    }
  }

  /**
   * Raw records as ingest writes them: "w" published and withdrawn, "e" from a file edited twice
   * (every edit version 1), "l" and "l2" two reports of one event. Returns e's latest content.
   */
  private static Article publishEnrichScenario(TopicSet topics, Instant published)
      throws Exception {
    String withdrawnBody =
        "Jordanian troops seized captagon pills smuggled from Syria into Jordan.";
    Article withdrawn =
        Coverage.article("w", 1, published, "Captagon haul seized in Jordan", withdrawnBody);
    Article withdrawal =
        Articles.builder("w", "Captagon haul seized in Jordan", "Withdrawn.")
            .setPublishedAt(published)
            .setSignal(Signal.CANCELED)
            .build();
    // A file article edited twice: every edit arrives as version 1, enrich numbers it 1, 2, 3.
    List<Article> edits =
        List.of(
            Coverage.article("e", 1, published, "Fleet sets sail", "The fleet left port."),
            Coverage.article("e", 1, published, "Fleet sets sail", "The fleet left port at dawn."),
            Coverage.article(
                "e",
                1,
                published,
                // Not the whaling fleet's return ("l"): a story must not start from this edit.
                "Customs find captagon pills on cargo vessel",
                "Customs officers found captagon pills on a cargo vessel once used for whaling."));
    Article live =
        Coverage.article(
            "l",
            1,
            published,
            "Whaling fleet returns to port after hunt",
            "The whaling fleet returned to port after a whale hunt in the Southern Ocean.");
    try (Coverage coverage = new Coverage(KAFKA)) {
      for (Article a : List.of(withdrawn, withdrawal, edits.get(0), edits.get(1), edits.get(2))) {
        coverage.send(topics.raw(), a.getId(), a, published);
      }
      coverage.send(topics.raw(), live.getId(), live, published);
      coverage.flush();
    }
    return edits.get(2);
  }

  /**
   * A second report of the whaling fleet's return ("l"), sent once "l" is stored: a story is named
   * after the report that started it, and two reports on different partitions could otherwise reach
   * the story stage in either order.
   */
  private static void publishSecondReport(TopicSet topics, Instant published) throws Exception {
    Article sameStory =
        Coverage.article(
            "l2",
            1,
            published.plusSeconds(60),
            "Whaling fleet returns to port after the hunt",
            "The whaling fleet returned to port after its whale hunt in the Southern Ocean.");
    try (Coverage coverage = new Coverage(KAFKA)) {
      coverage.send(topics.raw(), sameStory.getId(), sameStory, published.plusSeconds(60));
      coverage.flush();
    }
  }

  private static void assertWithdrawalStaysUntaggedOnTopics(TopicSet topics, Tagger newTagger) {
    List<TaggedArticle> retaggedW =
        KAFKA.consume(topics.tagged(), 20, Duration.ofSeconds(3)).stream()
            .filter(r -> r.key().equals("w"))
            .map(ConsumerRecord::value)
            .filter(t -> t.getTaxonomyVersion().equals("2025.01-test"))
            .toList();
    assertThat(retaggedW)
        .as("news.articles.tagged sees the withdrawal once, untagged")
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.getArticle().getSignal()).isEqualTo(Signal.CANCELED);
              assertThat(t.getTags()).isEmpty();
              assertThat(t.getArticle().getVersion()).isEqualTo(2);
            });
    for (String tag : newTagger.taxonomy().tagIds()) {
      assertThat(KAFKA.consume(topics.tag(tag), 10, Duration.ofSeconds(2)))
          .as("re-tagging never puts the withdrawn article tagged on news.tags.%s", tag)
          .filteredOn(r -> r.key().equals("w"))
          .filteredOn(r -> r.value().getTaxonomyVersion().equals("2025.01-test"))
          .allSatisfy(r -> assertThat(r.value().getTags()).isEmpty());
    }
  }

  private static Set<String> topicNames() throws Exception {
    try (Admin admin =
        Admin.create(
            Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
      return admin.listTopics().names().get();
    }
  }

  private static EnrichService enrich(Tagger tagger, TopicSet topics, String app, Path state) {
    return new EnrichService(
        tagger,
        topics,
        KAFKA.bootstrapServers(),
        Map.of(
            StreamsConfig.APPLICATION_ID_CONFIG,
            app,
            StreamsConfig.STATE_DIR_CONFIG,
            state.toString(),
            StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
            100));
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
