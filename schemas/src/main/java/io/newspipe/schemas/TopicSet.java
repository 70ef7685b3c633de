package io.newspipe.schemas;

import java.util.List;
import java.util.Objects;

/**
 * The topics one pipeline deployment uses. Services take a {@code TopicSet} rather than reaching
 * for {@link Topics} directly, so that tests (and side-by-side deployments on one cluster) can run
 * isolated pipelines under a namespace without spelling topic names anywhere.
 */
public record TopicSet(
    Topic<String, Article> raw,
    Topic<String, TaggedArticle> tagged,
    Topic<byte[], byte[]> dlq,
    String tagPrefix) {

  /** The production topics from {@link Topics}. */
  public static final TopicSet DEFAULT =
      new TopicSet(Topics.RAW, Topics.TAGGED, Topics.DLQ, Topics.TAG_TOPIC_PREFIX);

  public TopicSet {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(tagged, "tagged");
    Objects.requireNonNull(dlq, "dlq");
    Objects.requireNonNull(tagPrefix, "tagPrefix");
  }

  /** The same topics with {@code namespace + "."} in front of every name. */
  public TopicSet withNamespace(String namespace) {
    String p = namespace + ".";
    return new TopicSet(
        raw.withName(p + raw.name()),
        tagged.withName(p + tagged.name()),
        dlq.withName(p + dlq.name()),
        p + tagPrefix);
  }

  /** The fan-out topic of one tag in this set. */
  public Topic<String, TaggedArticle> tag(String tagId) {
    Topic<String, TaggedArticle> canonical = Topics.tag(tagId); // validates the id
    return canonical.withName(tagPrefix + tagId);
  }

  /**
   * The feed polling state topic of this set: {@link Topics#INGEST_STATE} under the same namespace
   * as {@link #raw()} (created by ingest when it polls feeds, not one of the core topics).
   */
  public Topic<String, FeedState> ingestState() {
    return Topics.INGEST_STATE.withName(namespace() + Topics.INGEST_STATE.name());
  }

  /**
   * The feed health topic of this set: {@link Topics#FEED_HEALTH} under the same namespace as
   * {@link #raw()}; one of the core topics (ingest writes it, the web reads it).
   */
  public Topic<String, FeedHealth> feedHealth() {
    return Topics.FEED_HEALTH.withName(namespace() + Topics.FEED_HEALTH.name());
  }

  /**
   * Where re-tagging tells enrich the tags it gave: {@link Topics#RETAGGED} under the same
   * namespace as {@link #raw()}. One of the core topics, so it is created with the raw topic's
   * partitions.
   */
  public Topic<String, ArticleHistory> retagged() {
    return Topics.RETAGGED.withName(namespace() + Topics.RETAGGED.name());
  }

  /** Saved-search definitions: {@link Topics#WATCHES} under this set's namespace. */
  public Topic<String, Watch> watches() {
    return Topics.WATCHES.withName(namespace() + Topics.WATCHES.name());
  }

  /** The match topic of one saved search under this set's namespace. */
  public Topic<String, TaggedArticle> watch(String watchId) {
    Topic<String, TaggedArticle> canonical = Topics.watch(watchId); // validates the id
    return canonical.withName(namespace() + canonical.name());
  }

  /** Story lifecycle events: {@link Topics#STORIES} under this set's namespace. */
  public Topic<String, StoryEvent> stories() {
    return Topics.STORIES.withName(namespace() + Topics.STORIES.name());
  }

  /** Alerts: {@link Topics#ALERTS} under this set's namespace. */
  public Topic<String, Alert> alerts() {
    return Topics.ALERTS.withName(namespace() + Topics.ALERTS.name());
  }

  /** Webhook delivery status: {@link Topics#DELIVERIES} under this set's namespace. */
  public Topic<String, Delivery> deliveries() {
    return Topics.DELIVERIES.withName(namespace() + Topics.DELIVERIES.name());
  }

  private String namespace() {
    String canonical = Topics.RAW.name();
    return raw.name().endsWith(canonical)
        ? raw.name().substring(0, raw.name().length() - canonical.length())
        : "";
  }

  /** The fixed topics of this set, in creation order. */
  public List<Topic<?, ?>> core() {
    return List.of(raw, tagged, dlq, retagged(), feedHealth());
  }
}
