package io.newspipe.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.enrich.story.StoryRules;
import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.enrich.taxonomy.Taxonomy;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.TopicSet;
import io.newspipe.testkit.KafkaClusterExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Story clusters against a real broker: the reports of one event, keyed onto different partitions
 * of news.articles.raw and processed by two enrich instances sharing the work, get one story id.
 */
class StoryClustersIT {

  @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Tagger TAGGER = new Tagger(Taxonomy.loadDefault());
  private static final int PARTITIONS = 3; // what KafkaClusterExtension creates

  @Test
  void shouldGiveReportsOfOneEventOnDifferentPartitionsOneStoryAcrossTwoInstances(
      @TempDir Path stateA, @TempDir Path stateB) throws Exception {
    TopicSet topics = KAFKA.topics("stories");
    Map<String, LabelledStories.Item> fixture =
        LabelledStories.load().stream()
            .collect(Collectors.toMap(LabelledStories.Item::id, Function.identity()));
    List<LabelledStories.Item> reports =
        List.of(fixture.get("dam-1"), fixture.get("dam-2"), fixture.get("dam-3"));
    LabelledStories.Item unrelated = fixture.get("flood-sl-1");

    String applicationId = "stories-it-" + System.nanoTime();
    try (EnrichService a = service(topics, applicationId, stateA);
        EnrichService b = service(topics, applicationId, stateB)) {
      a.start();
      b.start();
      assertThat(a.awaitRunning(WAIT)).as("first instance reaches RUNNING").isTrue();
      assertThat(b.awaitRunning(WAIT)).as("second instance reaches RUNNING").isTrue();

      // Article i goes to raw partition i: one id per partition, whatever the hash does.
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < reports.size(); i++) {
        String id = idOnPartition("dam-report-" + i, i);
        ids.add(id);
        Article article = withId(reports.get(i).article(), id);
        KAFKA.produce(topics.raw(), id, article);
      }
      KAFKA.produce(topics.raw(), unrelated.id(), unrelated.article());

      List<ConsumerRecord<String, TaggedArticle>> tagged = KAFKA.consume(topics.tagged(), 4, WAIT);
      assertThat(tagged).hasSize(4);
      Map<String, ConsumerRecord<String, TaggedArticle>> byId =
          tagged.stream().collect(Collectors.toMap(ConsumerRecord::key, Function.identity()));

      Set<Integer> partitions =
          ids.stream().map(id -> byId.get(id).partition()).collect(Collectors.toSet());
      assertThat(partitions).hasSize(3);
      Set<String> stories =
          ids.stream().map(id -> byId.get(id).value().getStoryId()).collect(Collectors.toSet());
      assertThat(stories).as("one story for the three reports").hasSize(1);
      assertThat(ids).contains(stories.iterator().next());
      assertThat(byId.get(unrelated.id()).value().getStoryId()).isEqualTo(unrelated.id());
      assertThat(a.counters().joinedStories() + b.counters().joinedStories()).isEqualTo(2);
    }
  }

  private static EnrichService service(TopicSet topics, String applicationId, Path stateDir) {
    return new EnrichService(
        TAGGER,
        topics,
        KAFKA.bootstrapServers(),
        Map.of(
            StreamsConfig.APPLICATION_ID_CONFIG,
            applicationId,
            StreamsConfig.STATE_DIR_CONFIG,
            stateDir.toString(),
            StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
            100),
        StoryRules.DEFAULTS);
  }

  /** {@code base} with the shortest numeric suffix that Kafka's default partitioner puts there. */
  private static String idOnPartition(String base, int partition) {
    for (int n = 0; ; n++) {
      String id = base + "-" + n;
      byte[] key = id.getBytes(StandardCharsets.UTF_8);
      if (Utils.toPositive(Utils.murmur2(key)) % PARTITIONS == partition) {
        return id;
      }
    }
  }

  private static Article withId(Article article, String id) {
    return Article.newBuilder(article).setId(id).build();
  }
}
