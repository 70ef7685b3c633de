package io.newspipe.schemas;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** The catalogue of newspipe's topics: the only place a topic name is written. */
public final class Topics {

  private Topics() {}

  /** Prefix of the per-tag fan-out topics, {@code news.tags.<tag-id>}. */
  public static final String TAG_TOPIC_PREFIX = "news.tags.";

  private static final Pattern TAG_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,100}");

  /** Raw articles: the system of record read by replay and re-tagging, never deleted by time. */
  public static final Topic<String, Article> RAW =
      new Topic<>(
          "news.articles.raw",
          Serdes.String(),
          AvroSerde.of(Article.class),
          Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));

  /**
   * Records carry publication time (event time), so time-based retention would delete archive
   * coverage (an article from 1987) at once; derived topics keep history like the raw topic.
   */
  private static final Map<String, String> KEEP_FOREVER =
      Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");

  /** Every tagged version of every article; consumed by the sink and by subscribers. */
  public static final Topic<String, TaggedArticle> TAGGED =
      new Topic<>(
          "news.articles.tagged", Serdes.String(), AvroSerde.of(TaggedArticle.class), KEEP_FOREVER);

  /**
   * Dead letters: the original key and bytes, with headers (see {@link DeadLetters}) saying why.
   */
  public static final Topic<byte[], byte[]> DLQ =
      new Topic<>("news.dlq", Serdes.ByteArray(), Serdes.ByteArray(), Map.of());

  /**
   * HTTP feed polling state, one {@link FeedState} per feed id. Compacted: only the latest state of
   * a feed matters, and it must survive forever so a restarted ingest does not re-emit items.
   */
  public static final Topic<String, FeedState> INGEST_STATE =
      new Topic<>(
          "news.ingest.state",
          Serdes.String(),
          AvroSerde.of(FeedState.class),
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

  /**
   * Feed health, one {@link FeedHealth} per feed id, written by ingest after every poll of an HTTP
   * feed and read by the web ({@code GET /api/feeds}). Compacted: only a feed's latest health
   * matters.
   */
  public static final Topic<String, FeedHealth> FEED_HEALTH =
      new Topic<>(
          "news.feeds.health",
          Serdes.String(),
          AvroSerde.of(FeedHealth.class),
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

  /**
   * Re-tagging's word to enrich, one {@link ArticleHistory} per re-tagged article id: the tags its
   * latest version now carries, so the next live version tells subscribers of those tags when it
   * leaves them. Enrich reads it beside the raw topic, partition by partition, so it must have at
   * least the raw topic's partitions. Compacted: only an article's latest re-tagging matters.
   */
  public static final Topic<String, ArticleHistory> RETAGGED =
      new Topic<>(
          "news.enrich.retagged",
          Serdes.String(),
          AvroSerde.of(ArticleHistory.class),
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

  /** Prefix of the per-watch match topics, {@code news.watch.<watch-id>}. */
  public static final String WATCH_TOPIC_PREFIX = "news.watch.";

  private static final Map<String, String> COMPACTED =
      Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);

  /**
   * Saved searches, one {@link Watch} per watch id; a tombstone deletes one. Compacted: every
   * instance reads the whole topic to know the current definitions.
   */
  public static final Topic<String, Watch> WATCHES =
      new Topic<>("news.watches", Serdes.String(), AvroSerde.of(Watch.class), COMPACTED);

  /** Story lifecycle events, keyed by story id (created, grew, tagged, withdrawn). */
  public static final Topic<String, StoryEvent> STORIES =
      new Topic<>("news.stories", Serdes.String(), AvroSerde.of(StoryEvent.class), KEEP_FOREVER);

  /** Alerts, keyed by rule id + ':' + story id; each at most once per story and rule. */
  public static final Topic<String, Alert> ALERTS =
      new Topic<>("news.alerts", Serdes.String(), AvroSerde.of(Alert.class), KEEP_FOREVER);

  /**
   * Webhook delivery status, keyed by webhook id + ':' + alert id. Compacted: the latest counts.
   */
  public static final Topic<String, Delivery> DELIVERIES =
      new Topic<>(
          "news.alerts.deliveries", Serdes.String(), AvroSerde.of(Delivery.class), COMPACTED);

  /**
   * The match topic of one saved search, {@code news.watch.<watchId>}.
   *
   * @throws IllegalArgumentException when the id cannot name a topic
   */
  public static Topic<String, TaggedArticle> watch(String watchId) {
    if (watchId == null || !TAG_ID.matcher(watchId).matches()) {
      throw new IllegalArgumentException(
          "invalid watch id '"
              + watchId
              + "': watch ids are lower-case letters, digits and '-' (they name Kafka topics)");
    }
    return new Topic<>(
        WATCH_TOPIC_PREFIX + watchId,
        Serdes.String(),
        AvroSerde.of(TaggedArticle.class),
        KEEP_FOREVER);
  }

  /** Whether {@code id} can be a watch id (lower-case letters, digits and '-'). */
  public static boolean isValidWatchId(String id) {
    return id != null && TAG_ID.matcher(id).matches();
  }

  /** The fixed topics every deployment needs, in creation order. */
  public static final List<Topic<?, ?>> CORE = List.of(RAW, TAGGED, DLQ, RETAGGED, FEED_HEALTH);

  /** The fan-out topic of one taxonomy tag, {@code news.tags.<tagId>}. */
  public static Topic<String, TaggedArticle> tag(String tagId) {
    if (tagId == null || !TAG_ID.matcher(tagId).matches()) {
      throw new IllegalArgumentException(
          "invalid tag id '"
              + tagId
              + "': tag ids are lower-case letters, digits and '-' (they name Kafka topics)");
    }
    return new Topic<>(
        TAG_TOPIC_PREFIX + tagId, Serdes.String(), AvroSerde.of(TaggedArticle.class), KEEP_FOREVER);
  }

  /** The serde for a value class, for code that is generic over topics. */
  public static <T extends org.apache.avro.specific.SpecificRecord> Serde<T> serde(Class<T> type) {
    return AvroSerde.of(type);
  }
}
