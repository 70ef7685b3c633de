package io.newspipe.enrich.topology;

import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.Topic;
import io.newspipe.schemas.TopicSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrich topology, built by one pure method that does no I/O, so the service and the tests run
 * the very same graph:
 *
 * <pre>
 * raw (Article) -> skip-tombstones -> version-and-tag [article-versions] -> tagged (TaggedArticle)
 *                                                          \-> route-by-tag -> news.tags.&lt;id&gt;
 * </pre>
 *
 * {@link VersionAndTag} drops repeated (id, content hash), numbers changed content as the next
 * version, passes withdrawals on, and routes each version to its tags' topics and to the topics of
 * the tags the previous version had (so subscribers see an article leave a tag or be withdrawn).
 *
 * <p>Records keep their key (article id) and timestamp (publication time). Bad input is handled by
 * the {@link DeadLetterHandler} that {@link #errorHandling} configures.
 */
public final class EnrichTopology {

  private EnrichTopology() {}

  /** The topology, with nothing counted. */
  public static Topology build(Tagger tagger, TopicSet topics, Clock clock) {
    return build(tagger, topics, clock, new EnrichCounters());
  }

  /** The topology, counting tagged articles in {@code counters}. */
  public static Topology build(
      Tagger tagger, TopicSet topics, Clock clock, EnrichCounters counters) {
    Map<String, String> tagTopicNames = new LinkedHashMap<>();
    for (Topic<String, TaggedArticle> topic : tagTopics(tagger, topics)) {
      tagTopicNames.put(topic.name().substring(topics.tagPrefix().length()), topic.name());
    }
    Topic<String, TaggedArticle> tagged = topics.tagged();

    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(VersionAndTag.STORE),
                Serdes.String(),
                Serdes.String())
            .withLoggingEnabled(Map.of()));
    KStream<String, Enriched> enriched =
        builder.stream(
                topics.raw().name(),
                Consumed.with(topics.raw().keySerde(), topics.raw().valueSerde())
                    .withName("read-raw-articles"))
            .filter((id, article) -> article != null, Named.as("skip-tombstones"))
            .processValues(
                () -> new VersionAndTag(tagger, clock, counters),
                Named.as("version-and-tag"),
                VersionAndTag.STORE);
    enriched
        .mapValues(Enriched::article, Named.as("tagged-article"))
        .to(
            tagged.name(),
            Produced.with(tagged.keySerde(), tagged.valueSerde()).withName("write-tagged"));
    enriched
        .flatMapValues(e -> routes(e, topics, tagTopicNames), Named.as("route-by-tag"))
        .to(
            (id, route, context) -> route.topic(),
            Produced.with(tagged.keySerde(), TagRoute.serde(tagged.valueSerde()))
                .withName("write-tag-topics"));
    return builder.build();
  }

  /**
   * Streams settings that send undecodable records and tagging failures to {@code topics.dlq()} and
   * keep going. Merge them into the Streams config of anything that runs {@link #build}.
   */
  public static Map<String, Object> errorHandling(TopicSet topics) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
    config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
    // No global stores today; set so that one added later is covered too (and Streams stops
    // warning about it).
    config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    config.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.dlq().name());
    return config;
  }

  /** The fan-out topic of every tag of the tagger's taxonomy, in taxonomy order. */
  public static List<Topic<String, TaggedArticle>> tagTopics(Tagger tagger, TopicSet topics) {
    List<Topic<String, TaggedArticle>> result = new ArrayList<>();
    for (String id : tagger.taxonomy().tagIds()) {
      result.add(topics.tag(id));
    }
    return result;
  }

  private static List<TagRoute> routes(
      Enriched enriched, TopicSet topics, Map<String, String> tagTopicNames) {
    List<TagRoute> routes = new ArrayList<>(enriched.routeTags().size());
    for (String tag : enriched.routeTags()) {
      String topic = tagTopicNames.get(tag);
      routes.add(new TagRoute(topic != null ? topic : topics.tag(tag).name(), enriched.article()));
    }
    return routes;
  }
}
