package io.newspipe.enrich.topology;

import io.newspipe.enrich.story.StoryIndex;
import io.newspipe.enrich.story.StoryRules;
import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.schemas.ArticleHistory;
import io.newspipe.schemas.StoryEvent;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.Topic;
import io.newspipe.schemas.TopicSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrich topology, built by one pure method that does no I/O, so the service and the tests run
 * the very same graph:
 *
 * <pre>
 * raw (Article) -> refuse-tombstones -> version-and-tag [article-versions]      (one task per raw partition)
 *   -> story-clusters repartition topic (1 partition)
 *   -> assign-story [article-stories, story-signatures, story-bands,        (one task)
 *                    story-states, story-word-counts]
 *        -> tagged (TaggedArticle)
 *        |-> route-by-tag -> news.tags.&lt;id&gt;
 *        \-> story-events [story-events] -> news.stories (StoryEvent, keyed by story id)
 * retagged (ArticleHistory) -> learn-retagged-tags [article-versions]  (version-and-tag's tasks)
 * </pre>
 *
 * {@link VersionAndTag} drops repeated (id, content hash), numbers changed content as the next
 * version, passes withdrawals on, tags, computes each version's {@link
 * io.newspipe.enrich.story.StorySignature} and names the tags' topics it must reach, including
 * those of the tags the previous version had (so subscribers see an article leave a tag or be
 * withdrawn). The rule is {@link Enrichment}'s, shared with re-tagging ({@link RetagPlan});
 * re-tagging tells enrich the tags it gave on the retagged topic ({@link LearnRetaggedTags}), so
 * the next live version of a re-tagged article is routed by its re-tagged tags.
 *
 * <h2>Story clusters</h2>
 *
 * {@link AssignStory} gives every version a story id ({@link io.newspipe.enrich.story.StoryIndex}):
 * an article joins the story of the most similar article published within the window (Jaccard
 * similarity of headline-and-lead words at or above the threshold, candidates found through MinHash
 * bands), else it starts a story named after its own id. Later versions and withdrawals keep their
 * story.
 *
 * <p>Articles are keyed, and so partitioned, by article id: the wires' versions of one event land
 * on different partitions. The story decision therefore runs on a repartition topic with a single
 * partition: one task sees every article, in the one order of that topic, and decides against one
 * index. A story id is then a function of the log alone, never of which instance or thread runs the
 * task, and survives restarts and fail-over (the index is changelog-backed). The designs that
 * partition the index by MinHash band were rejected: an article's bands live on different tasks, so
 * either each band answers on its own (story ids then depend on how the bands' partitions
 * interleave, and may name a story that no article carries), or the decision is written back to the
 * bands in a second round trip, which races exactly when clustering matters most: in a bulk import
 * every member of a new story asks before any has claimed its bands, and each starts a story of its
 * own.
 *
 * <p>The price is that assigning story ids is one thread's work: per article {@value
 * io.newspipe.enrich.story.StorySignature#BANDS} band reads and writes and up to a few hundred
 * comparisons of ~40-word sets. Measured over the 14,668 Reuters-21578 stories on a busy 2-core
 * machine: about 11,000 assignments/s in memory and 3,000-3,500/s against RocksDB stores, the order
 * of the rate the sink stores articles at, and far above any wire's rate. Everything else
 * (decoding, versioning, tagging, signatures) still runs in parallel, one task per raw partition,
 * and the single task moves to another instance like any other. Each tagged article crosses Kafka
 * once more (the repartition topic, purged by Streams as it is consumed).
 *
 * <p>Records keep their key (article id) and timestamp (publication time). Bad input is handled by
 * the {@link DeadLetterHandler} that {@link #errorHandling} configures; that includes a null value
 * (a {@link Tombstone}), which newspipe never writes to the raw topic.
 */
public final class EnrichTopology {

  private EnrichTopology() {}

  /** Name of the story repartition topic: {@code <application id>-story-clusters-repartition}. */
  static final String STORY_TOPIC = "story-clusters";

  /** The topology with the default story rules, with nothing counted. */
  public static Topology build(Tagger tagger, TopicSet topics, Clock clock) {
    return build(tagger, topics, clock, EnrichMeters.detached(), StoryRules.DEFAULTS);
  }

  /** The topology with the default story rules, counting what it does in {@code counters}. */
  public static Topology build(Tagger tagger, TopicSet topics, Clock clock, EnrichMeters counters) {
    return build(tagger, topics, clock, counters, StoryRules.DEFAULTS);
  }

  /** The topology, counting what it does in {@code counters}. */
  public static Topology build(
      Tagger tagger, TopicSet topics, Clock clock, EnrichMeters counters, StoryRules storyRules) {
    Map<String, String> tagTopicNames = new LinkedHashMap<>();
    for (Topic<String, TaggedArticle> topic : tagTopics(tagger, topics)) {
      tagTopicNames.put(topic.name().substring(topics.tagPrefix().length()), topic.name());
    }
    Topic<String, TaggedArticle> tagged = topics.tagged();

    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(store(VersionAndTag.STORE, HistorySerde.serde()));
    builder.addStateStore(store(StoryIndex.STORIES, Serdes.String()));
    builder.addStateStore(store(StoryIndex.SIGNATURES, Serdes.ByteArray()));
    builder.addStateStore(store(StoryIndex.BANDS, Serdes.ByteArray()));
    builder.addStateStore(store(StoryIndex.STORY_STATE, Serdes.ByteArray()));
    builder.addStateStore(store(StoryIndex.WORD_COUNTS, Serdes.ByteArray()));
    Topic<String, StoryEvent> stories = topics.stories();
    builder.addStateStore(store(StoryEvents.STORE, stories.valueSerde()));
    KStream<String, Enriched> enriched =
        builder.stream(
                topics.raw().name(),
                Consumed.with(topics.raw().keySerde(), topics.raw().valueSerde())
                    .withName("read-raw-articles"))
            .mapValues(Tombstone::refuse, Named.as("refuse-tombstones"))
            .processValues(
                () -> new VersionAndTag(tagger, clock, counters),
                Named.as("version-and-tag"),
                VersionAndTag.STORE)
            .repartition(
                Repartitioned.<String, Enriched>as(STORY_TOPIC)
                    .withNumberOfPartitions(1)
                    .withKeySerde(Serdes.String())
                    .withValueSerde(Enriched.serde(tagged.valueSerde())))
            .processValues(
                () -> new AssignStory(storyRules, counters),
                Named.as("assign-story"),
                StoryIndex.STORIES,
                StoryIndex.SIGNATURES,
                StoryIndex.BANDS,
                StoryIndex.STORY_STATE,
                StoryIndex.WORD_COUNTS);
    Topic<String, ArticleHistory> retagged = topics.retagged();
    builder.stream(
            retagged.name(),
            Consumed.with(retagged.keySerde(), retagged.valueSerde()).withName("read-retagged"))
        .filter((id, history) -> history != null, Named.as("skip-retagged-tombstones"))
        .process(LearnRetaggedTags::new, Named.as("learn-retagged-tags"), VersionAndTag.STORE);
    enriched
        .mapValues(Enriched::article, Named.as("tagged-article"))
        .to(
            tagged.name(),
            Produced.with(tagged.keySerde(), tagged.valueSerde()).withName("write-tagged"));
    enriched
        .process(StoryEvents::new, Named.as("story-events"), StoryEvents.STORE)
        .to(
            stories.name(),
            Produced.with(stories.keySerde(), stories.valueSerde()).withName("write-stories"));
    enriched
        .flatMapValues(e -> routes(e, topics, tagTopicNames), Named.as("route-by-tag"))
        .to(
            (id, route, context) -> route.topic(),
            Produced.with(tagged.keySerde(), TagRoute.serde(tagged.valueSerde()))
                .withName("write-tag-topics"));
    return builder.build();
  }

  private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(name), Serdes.String(), values)
        .withLoggingEnabled(Map.of());
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
