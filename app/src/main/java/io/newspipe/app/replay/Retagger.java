package io.newspipe.app.replay;

import io.newspipe.app.run.TopicAdmin;
import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.enrich.topology.Enrichment;
import io.newspipe.enrich.topology.RetagPlan;
import io.newspipe.read.Clients;
import io.newspipe.read.MergedReader;
import io.newspipe.read.OffsetRanges;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.ArticleHistory;
import io.newspipe.schemas.AvroSerde;
import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.Topic;
import io.newspipe.schemas.TopicSet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-tags the raw history with another taxonomy and writes the results through the normal path:
 * {@code TaggedArticle}s to the tagged topic (which the sink stores, replacing the tags of the same
 * version because they were enriched later) and to the tag topics: those of its new tags, and those
 * of tags it had before and lost, so that their subscribers see it leave.
 *
 * <p>What is re-tagged is decided by enrich's own rule ({@link RetagPlan}, {@link
 * io.newspipe.enrich.topology.Enrichment}): a first pass replays the versions enrich gave every raw
 * record, a second re-tags each article's latest content once, at that version; a withdrawal stays
 * an untagged withdrawal. Each article's story id is kept as enrich decided it. Each re-tagged
 * article's new tags also go to the retagged topic, on the partition number of its raw records,
 * where enrich learns them: its next live version then leaves the re-tagged tags.
 *
 * <p>Exactly once and resumable: each batch of outputs is written in a Kafka transaction together
 * with the raw offsets it consumed, under the group {@code newspipe-retag-<taxonomy version>}. An
 * interrupted run leaves an uncommitted (later aborted) transaction at most; the next run with the
 * same taxonomy version fences it and continues from the committed offsets. It stops at the end
 * offsets the raw topic had when it started.
 */
public final class Retagger {
  private static final Logger LOG = LoggerFactory.getLogger(Retagger.class);
  private static final Duration POLL = Duration.ofMillis(200);

  /** Told after each batch is sent, before it is committed. */
  public interface Listener {
    void progress(long done, long total);
  }

  /** What a run did, plus the tag changes over every run of this taxonomy version. */
  public record Result(
      long retagged,
      long superseded,
      long undecodable,
      boolean resumed,
      boolean stopped,
      TagChanges changes) {}

  private final Map<String, Object> clientProps;
  private final TopicSet topics;
  private final Tagger tagger;
  private final AvroSerde<Article> articles = AvroSerde.of(Article.class);
  private final AvroSerde<TaggedArticle> taggedSerde = AvroSerde.of(TaggedArticle.class);
  private final AvroSerde<ArticleHistory> histories = AvroSerde.of(ArticleHistory.class);
  private final int batchSize;
  private final java.util.function.Consumer<List<Topic<?, ?>>> provisioner;
  private RetagPlan plan = new RetagPlan();
  private volatile boolean stopped;
  private Set<String> existingTopics = Set.of();

  /** Each article's story, as enrich decided it: re-tagging changes tags, not stories. */
  private final Map<String, String> stories = new HashMap<>();

  private final Set<String> missingTopicsLogged = new HashSet<>();

  public Retagger(Map<String, Object> clientProps, TopicSet topics, Tagger tagger) {
    this(clientProps, topics, tagger, 500);
  }

  /** {@code batchSize}: raw records per transaction at most. */
  public Retagger(Map<String, Object> clientProps, TopicSet topics, Tagger tagger, int batchSize) {
    this(clientProps, topics, tagger, batchSize, null);
  }

  /**
   * {@code provisioner} creates the topics of the taxonomy's tags that do not exist yet (null: with
   * the raw topic's partitions and the broker's default replication).
   */
  public Retagger(
      Map<String, Object> clientProps,
      TopicSet topics,
      Tagger tagger,
      int batchSize,
      java.util.function.Consumer<List<Topic<?, ?>>> provisioner) {
    this.clientProps = clientProps;
    this.topics = topics;
    this.tagger = tagger;
    this.batchSize = batchSize;
    this.provisioner = provisioner;
  }

  /** The consumer group (and transactional id stem) of a taxonomy version. */
  public static String groupOf(String taxonomyVersion) {
    return "newspipe-retag-"
        + taxonomyVersion.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
  }

  public String group() {
    return groupOf(tagger.taxonomy().version());
  }

  /** Stops after the current batch, which is aborted; a later run resumes from there. */
  public void stop() {
    stopped = true;
  }

  /** Re-tags raw records published at or after {@code since} (everything if null). */
  public Result run(Instant since, Listener listener) {
    TagChanges changes = new TagChanges();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      readPreviousTags(changes);
      existingTopics = consumer.listTopics(Duration.ofSeconds(30)).keySet();
      OffsetRanges fresh = OffsetRanges.since(consumer, List.of(topics.raw().name()), since);
      int partitions = fresh.partitions().size();
      checkRetaggedTopic(consumer, partitions);
      ensureTagTopics(partitions);
      plan = plan(fresh.ends());
      Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(fresh.partitions());
      Map<TopicPartition, Long> resumeAt = new HashMap<>();
      committed.forEach(
          (tp, om) -> {
            if (om != null) {
              resumeAt.put(tp, om.offset());
            }
          });
      OffsetRanges ranges = fresh.withStarts(resumeAt);
      try (KafkaProducer<byte[], byte[]> producer = producer()) {
        producer.initTransactions(); // fences and aborts what an interrupted run left open
        long[] counts = copy(consumer, producer, ranges, changes, listener);
        return new Result(counts[0], counts[2], counts[1], !resumeAt.isEmpty(), stopped, changes);
      }
    }
  }

  /** Enrich reads the retagged topic partition by partition beside the raw topic. */
  private void checkRetaggedTopic(KafkaConsumer<byte[], byte[]> consumer, int rawPartitions) {
    String name = topics.retagged().name();
    int partitions = OffsetRanges.partitions(consumer, List.of(name)).size();
    if (partitions < rawPartitions) {
      throw new IllegalStateException(
          "topic "
              + name
              + " has "
              + partitions
              + " partitions and "
              + topics.raw().name()
              + " has "
              + rawPartitions
              + ": enrich reads them side by side, so give it as many (kafka-topics.sh --alter"
              + " --topic "
              + name
              + " --partitions "
              + rawPartitions
              + ")");
    }
  }

  private void ensureTagTopics(int rawPartitions) {
    List<Topic<?, ?>> wanted = new ArrayList<>();
    tagger.taxonomy().tagIds().forEach(id -> wanted.add(topics.tag(id)));
    if (provisioner != null) {
      provisioner.accept(wanted);
    } else {
      TopicAdmin.ensure(clientProps, wanted, rawPartitions, (short) -1);
    }
  }

  /** Replays enrich's versions over the raw topic up to {@code ends}, in offset order. */
  private RetagPlan plan(Map<TopicPartition, Long> ends) {
    RetagPlan result = new RetagPlan();
    try (KafkaConsumer<byte[], byte[]> reader = Clients.reader(clientProps)) {
      List<TopicPartition> open = new ArrayList<>();
      ends.forEach(
          (tp, end) -> {
            if (end > 0) {
              open.add(tp);
            }
          });
      reader.assign(open);
      reader.seekToBeginning(open);
      while (!open.isEmpty() && !stopped) {
        for (ConsumerRecord<byte[], byte[]> r : reader.poll(POLL)) {
          TopicPartition tp = new TopicPartition(r.topic(), r.partition());
          Article article = r.offset() < ends.get(tp) ? decodeRaw(r) : null;
          String id = key(r);
          if (article != null && id != null) {
            result.add(id, r.partition(), r.offset(), article);
          }
        }
        List<TopicPartition> done =
            open.stream().filter(tp -> reader.position(tp) >= ends.get(tp)).toList();
        open.removeAll(done);
        reader.pause(done);
      }
    }
    LOG.info("retag plan: {} articles in {}", result.articles(), topics.raw().name());
    return result;
  }

  /** The tags each article had before: its latest tagged version from another taxonomy. */
  private void readPreviousTags(TagChanges changes) {
    String version = tagger.taxonomy().version();
    try (KafkaConsumer<byte[], byte[]> reader = Clients.reader(clientProps)) {
      OffsetRanges all = OffsetRanges.since(reader, List.of(topics.tagged().name()), null);
      new MergedReader(reader, all)
          .forEach(
              r -> {
                TaggedArticle t = decodeTagged(r);
                if (t == null) {
                  return;
                }
                Article a = t.getArticle();
                if (t.getStoryId() != null) {
                  stories.put(a.getId(), t.getStoryId());
                }
                List<String> ids = t.getTags().stream().map(Tag::getId).toList();
                long at = t.getEnrichedAt().toEpochMilli();
                if (version.equals(t.getTaxonomyVersion())) {
                  changes.after(a.getId(), a.getVersion(), at, ids); // an earlier, interrupted run
                } else {
                  changes.before(a.getId(), a.getVersion(), at, ids);
                }
              });
    }
  }

  private long[] copy(
      KafkaConsumer<byte[], byte[]> consumer,
      KafkaProducer<byte[], byte[]> producer,
      OffsetRanges ranges,
      TagChanges changes,
      Listener listener) {
    List<TopicPartition> open = new ArrayList<>(ranges.nonEmpty());
    consumer.assign(open);
    open.forEach(tp -> consumer.seek(tp, ranges.start(tp)));
    long total = ranges.size();
    long[] counts = new long[3]; // retagged, undecodable, superseded
    Map<TopicPartition, OffsetAndMetadata> lastCommitted = Map.of();
    while (!open.isEmpty() && !stopped) {
      List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
        if (r.offset() < ranges.end(new TopicPartition(r.topic(), r.partition()))) {
          batch.add(r);
        }
      }
      Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
      for (TopicPartition tp : open) {
        positions.put(tp, new OffsetAndMetadata(Math.min(consumer.position(tp), ranges.end(tp))));
      }
      if (batch.isEmpty() && positions.equals(lastCommitted)) {
        continue;
      }
      producer.beginTransaction();
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      long[] batchCounts = new long[3];
      TagChanges batchChanges = new TagChanges();
      for (ConsumerRecord<byte[], byte[]> r : batch) {
        retag(producer, r, now, changes, batchChanges, batchCounts);
      }
      producer.sendOffsetsToTransaction(positions, consumer.groupMetadata());
      long done = 0;
      for (TopicPartition tp : ranges.partitions()) {
        long at = positions.containsKey(tp) ? positions.get(tp).offset() : ranges.end(tp);
        done += Math.max(0, at - ranges.start(tp));
      }
      listener.progress(done, total);
      if (stopped) {
        producer.abortTransaction();
        break;
      }
      producer.commitTransaction();
      lastCommitted = positions;
      counts[0] += batchCounts[0]; // only what is committed counts
      counts[1] += batchCounts[1];
      counts[2] += batchCounts[2];
      changes.addAfter(batchChanges);
      List<TopicPartition> finished = new ArrayList<>();
      for (TopicPartition tp : open) {
        if (positions.get(tp).offset() >= ranges.end(tp)) {
          finished.add(tp);
        }
      }
      open.removeAll(finished);
      consumer.pause(finished);
    }
    return counts;
  }

  private void retag(
      KafkaProducer<byte[], byte[]> producer,
      ConsumerRecord<byte[], byte[]> r,
      Instant now,
      TagChanges previous,
      TagChanges changes,
      long[] counts) {
    Article article;
    try {
      article = articles.decode(r.value());
    } catch (SerializationException e) {
      LOG.warn(
          "skipping undecodable raw record {}@{}: {}", r.partition(), r.offset(), e.getMessage());
      counts[1]++;
      return;
    }
    String id = key(r);
    if (article == null || id == null) {
      return; // tombstone, or a record enrich cannot key either
    }
    if (!plan.isLatest(id, r.partition(), r.offset())) {
      counts[2]++; // an earlier version, or a repeat of the latest content
      return;
    }
    Enrichment.Output out = plan.retag(id, article, previous.tagsBefore(id), tagger, now);
    TaggedArticle tagged = out.tagged();
    tagged.setStoryId(stories.get(id));
    byte[] value = taggedSerde.encode(tagged);
    producer.send(
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
      producer.send(new ProducerRecord<>(topic, null, r.timestamp(), r.key(), value));
    }
    producer.send(
        new ProducerRecord<>(
            topics.retagged().name(),
            r.partition(),
            r.timestamp(),
            r.key(),
            histories.encode(out.history())));
    changes.after(id, tagged.getArticle().getVersion(), now.toEpochMilli(), out.tagIds());
    counts[0]++;
  }

  private Article decodeRaw(ConsumerRecord<byte[], byte[]> r) {
    try {
      return articles.decode(r.value());
    } catch (SerializationException e) {
      return null; // counted when the second pass meets it
    }
  }

  private static String key(ConsumerRecord<byte[], byte[]> r) {
    return r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
  }

  private TaggedArticle decodeTagged(ConsumerRecord<byte[], byte[]> r) {
    try {
      return taggedSerde.decode(r.value());
    } catch (SerializationException e) {
      return null;
    }
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize);
    return Clients.groupReader(props, group());
  }

  private KafkaProducer<byte[], byte[]> producer() {
    Map<String, Object> props = new HashMap<>(clientProps);
    // One transactional id per taxonomy version and topic set: a rerun fences the interrupted one.
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, group() + "." + topics.raw().name());
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
