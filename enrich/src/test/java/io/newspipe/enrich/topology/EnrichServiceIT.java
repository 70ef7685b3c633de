package io.newspipe.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.enrich.tagging.SeedArticle;
import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.enrich.taxonomy.Taxonomy;
import io.newspipe.schemas.DeadLetters;
import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.TopicSet;
import io.newspipe.testkit.Articles;
import io.newspipe.testkit.KafkaClusterExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Enrich against a real broker: exactly-once on one node, dead letters, per-tag topics. */
class EnrichServiceIT {

  @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Tagger TAGGER = new Tagger(Taxonomy.loadDefault());

  @Test
  void shouldTagArticlesExactlyOnceAndDeadLetterPoisonWithoutStopping(@TempDir Path stateDir)
      throws Exception {
    TopicSet topics = KAFKA.topics("enrich");
    SeedArticle seed = SeedArticle.load();
    KAFKA.produceRaw(
        topics.raw().name(), "poison".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3, 4, 5});
    KAFKA.produce(topics.raw(), "seed-1", Articles.article("seed-1", seed.headline(), seed.body()));
    KAFKA.produce(topics.raw(), "weather", Articles.article("weather", "Sunny", "Warm spell."));

    try (EnrichService service =
        new EnrichService(
            TAGGER,
            topics,
            KAFKA.bootstrapServers(),
            Map.of(
                StreamsConfig.APPLICATION_ID_CONFIG,
                "enrich-it-" + System.nanoTime(),
                StreamsConfig.STATE_DIR_CONFIG,
                stateDir.toString(),
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                100))) {
      service.start();
      assertThat(service.awaitRunning(WAIT)).as("enrich reaches RUNNING").isTrue();

      List<ConsumerRecord<String, TaggedArticle>> tagged = KAFKA.consume(topics.tagged(), 2, WAIT);
      assertThat(tagged)
          .extracting(ConsumerRecord::key)
          .containsExactlyInAnyOrder("seed-1", "weather");
      TaggedArticle seedTagged =
          tagged.stream().filter(r -> r.key().equals("seed-1")).findFirst().orElseThrow().value();
      assertThat(seedTagged.getTags())
          .extracting(Tag::getId)
          .contains("election-interference", "narcotics", "middle-east");
      assertThat(seedTagged.getStoryId()).as("a story of its own").isEqualTo("seed-1");

      List<ConsumerRecord<String, TaggedArticle>> narcotics =
          KAFKA.consume(topics.tag("narcotics"), 1, WAIT);
      assertThat(narcotics).extracting(ConsumerRecord::key).containsExactly("seed-1");

      List<ConsumerRecord<byte[], byte[]>> dead = KAFKA.consume(topics.dlq(), 1, WAIT);
      assertThat(dead).hasSize(1);
      assertThat(new String(dead.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("poison");
      assertThat(dead.get(0).value()).containsExactly(1, 2, 3, 4, 5);
      assertThat(DeadLetters.get(dead.get(0).headers(), DeadLetters.STAGE)).isEqualTo("enrich");
      assertThat(DeadLetters.get(dead.get(0).headers(), DeadLetters.SOURCE_TOPIC))
          .isEqualTo(topics.raw().name());

      // Still processing after the poison record.
      KAFKA.produce(topics.raw(), "later", Articles.article("later", "Cocaine haul", "Seized."));
      assertThat(KAFKA.consume(topics.tagged(), 3, WAIT)).hasSize(3);
      assertThat(service.state()).isEqualTo(KafkaStreams.State.RUNNING);
      assertThat(service.counters().tagged()).isGreaterThanOrEqualTo(3);
      assertThat(service.counters().deadLetters()).isGreaterThanOrEqualTo(1);
      // Every taxonomy tag has its topic, even those nothing was tagged with yet.
      try (Admin admin =
          Admin.create(
              Map.<String, Object>of(
                  AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
        assertThat(admin.listTopics().names().get())
            .containsAll(
                TAGGER.taxonomy().tagIds().stream().map(id -> topics.tag(id).name()).toList());
      }
    }
  }
}
