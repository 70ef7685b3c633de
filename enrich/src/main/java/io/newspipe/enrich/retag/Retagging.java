package io.newspipe.enrich.retag;

import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.enrich.topology.Enrichment;
import io.newspipe.enrich.topology.RetagPlan;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.ArticleHistory;
import io.newspipe.schemas.AvroSerde;
import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.TopicSet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What re-tagging the raw history with another taxonomy writes, record by record, by enrich's own
 * rule ({@link RetagPlan}, {@link Enrichment}): a first pass ({@link #plan}) replays the versions
 * enrich gave every raw record, a second ({@link #retag}) re-tags each article's latest content
 * once, at that version; a withdrawal stays an untagged withdrawal. Each article keeps the story id
 * enrich gave it ({@link #learnTagged}). Outputs: the {@code TaggedArticle} to the tagged topic and
 * to the tag topics of its new tags and of the tags it lost (so their subscribers see it leave),
 * and its new history to the retagged topic on the partition number of its raw record, where enrich
 * learns it, so its next live version leaves the re-tagged tags.
 *
 * <p>No Kafka clients here: the caller reads the topics and writes each {@link Batch} in a
 * transaction, then reports it {@link #committed}.
 */
public final class Retagging {
  private static final Logger LOG = LoggerFactory.getLogger(Retagging.class);

  private final TopicSet topics;
  private final Tagger tagger;
  private final AvroSerde<Article> articles = AvroSerde.of(Article.class);
  private final AvroSerde<TaggedArticle> taggedSerde = AvroSerde.of(TaggedArticle.class);
  private final AvroSerde<ArticleHistory> histories = AvroSerde.of(ArticleHistory.class);
  private final RetagPlan plan = new RetagPlan();
  private final TagChanges changes = new TagChanges();
  private final Map<String, String> stories = new HashMap<>();
  private final Set<String> missingTopicsLogged = new HashSet<>();
  private Set<String> existingTopics = Set.of();
  private long retagged;
  private long undecodable;
  private long superseded;

  public Retagging(TopicSet topics, Tagger tagger) {
    this.topics = Objects.requireNonNull(topics, "topics");
    this.tagger = Objects.requireNonNull(tagger, "tagger");
  }

  /** The consumer group (and transactional id stem) of a taxonomy version. */
  public static String groupOf(String taxonomyVersion) {
    return "newspipe-retag-"
        + taxonomyVersion.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
  }

  /** The group of this run's taxonomy version. */
  public String group() {
    return groupOf(tagger.taxonomy().version());
  }

  /** The topics that exist: a tag topic that does not is not written to (it was deleted). */
  public void existingTopics(Set<String> names) {
    existingTopics = Set.copyOf(names);
  }

  /**
   * Learns from a record of the tagged topic an article's story and the tags it had: before
   * (another taxonomy) or after (an earlier, interrupted run of this one).
   */
  public void learnTagged(ConsumerRecord<byte[], byte[]> record) {
    TaggedArticle t = decode(taggedSerde, record.value());
    if (t == null) {
      return;
    }
    Article a = t.getArticle();
    if (t.getStoryId() != null) {
      stories.put(a.getId(), t.getStoryId());
    }
    List<String> ids = t.getTags().stream().map(Tag::getId).toList();
    long at = t.getEnrichedAt().toEpochMilli();
    if (tagger.taxonomy().version().equals(t.getTaxonomyVersion())) {
      changes.after(a.getId(), a.getVersion(), at, ids);
    } else {
      changes.before(a.getId(), a.getVersion(), at, ids);
    }
  }

  /** First pass: replays enrich's versioning over a raw record (in offset order). */
  public void plan(ConsumerRecord<byte[], byte[]> raw) {
    Article article = decode(articles, raw.value()); // undecodable: counted in the second pass
    String id = key(raw);
    if (article != null && id != null) {
      plan.add(id, raw.partition(), raw.offset(), article);
    }
  }

  /** Articles the first pass found. */
  public int plannedArticles() {
    return plan.articles();
  }

  /** Second pass: what to write for these raw records; nothing counts until {@link #committed}. */
  public Batch retag(List<ConsumerRecord<byte[], byte[]>> raw, Instant now) {
    Batch batch = new Batch();
    for (ConsumerRecord<byte[], byte[]> r : raw) {
      retag(r, now, batch);
    }
    return batch;
  }

  private void retag(ConsumerRecord<byte[], byte[]> r, Instant now, Batch batch) {
    Article article;
    try {
      article = articles.decode(r.value());
    } catch (SerializationException e) {
      LOG.warn(
          "skipping undecodable raw record {}@{}: {}", r.partition(), r.offset(), e.getMessage());
      batch.undecodable++;
      return;
    }
    String id = key(r);
    if (article == null || id == null) {
      return; // tombstone, or a record enrich cannot key either
    }
    if (!plan.isLatest(id, r.partition(), r.offset())) {
      batch.superseded++; // an earlier version, or a repeat of the latest content
      return;
    }
    Enrichment.Output out = plan.retag(id, article, changes.tagsBefore(id), tagger, now);
    TaggedArticle tagged = out.tagged();
    tagged.setStoryId(stories.get(id));
    byte[] value = taggedSerde.encode(tagged);
    batch.records.add(
        new ProducerRecord<>(topics.tagged().name(), null, r.timestamp(), r.key(), value));
    for (String tag : out.routeTags()) {
      String topic = topics.tag(tag).name();
      // Subscribers of a tag the article lost learn it there, as they do from enrich.
      if (!out.tagIds().contains(tag) && !existingTopics.contains(topic)) {
        if (missingTopicsLogged.add(topic)) {
          LOG.warn(
              "tag topic {} no longer exists, so its subscribers are not told which articles"
                  + " left tag {}",
              topic,
              tag);
        }
        continue;
      }
      batch.records.add(new ProducerRecord<>(topic, null, r.timestamp(), r.key(), value));
    }
    batch.records.add(
        new ProducerRecord<>(
            topics.retagged().name(),
            r.partition(),
            r.timestamp(),
            r.key(),
            histories.encode(out.history())));
    batch.changes.after(id, tagged.getArticle().getVersion(), now.toEpochMilli(), out.tagIds());
    batch.retagged++;
  }

  /** The batch was committed: its articles count, and their new tags are the ones now. */
  public void committed(Batch batch) {
    retagged += batch.retagged;
    undecodable += batch.undecodable;
    superseded += batch.superseded;
    changes.addAfter(batch.changes);
  }

  /** Articles re-tagged in committed batches. */
  public long retagged() {
    return retagged;
  }

  /** Raw records that could not be decoded, in committed batches. */
  public long undecodable() {
    return undecodable;
  }

  /** Raw records skipped as earlier versions or repeats, in committed batches. */
  public long superseded() {
    return superseded;
  }

  /** The tag changes over every run of this taxonomy version. */
  public TagChanges changes() {
    return changes;
  }

  private static String key(ConsumerRecord<byte[], byte[]> r) {
    return r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
  }

  private static <T extends SpecificRecord> T decode(AvroSerde<T> serde, byte[] value) {
    try {
      return serde.decode(value);
    } catch (SerializationException e) {
      return null;
    }
  }

  /** What one batch of raw records becomes: records to send, in order, and what it counts. */
  public static final class Batch {
    private final List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    private final TagChanges changes = new TagChanges();
    private long retagged;
    private long undecodable;
    private long superseded;

    /** The records to send, in this order, in one transaction. */
    public List<ProducerRecord<byte[], byte[]>> records() {
      return records;
    }
  }
}
