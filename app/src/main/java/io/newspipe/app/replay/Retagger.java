package io.newspipe.app.replay;

import io.newspipe.app.run.TopicAdmin;
import io.newspipe.enrich.retag.Retagging;
import io.newspipe.enrich.retag.TagChanges;
import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.read.Clients;
import io.newspipe.read.MergedReader;
import io.newspipe.read.OffsetRanges;
import io.newspipe.schemas.Topic;
import io.newspipe.schemas.TopicSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-tags the raw history with another taxonomy and writes the results through the normal path —
 * the Kafka side of re-tagging: what is written for each raw record is enrich's decision ({@link
 * Retagging}, by the same rule as the live topology); this class reads the topics and writes it.
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
  private final int batchSize;
  private final java.util.function.Consumer<List<Topic<?, ?>>> provisioner;
  private final Retagging retagging;
  private volatile boolean stopped;

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
    this.retagging = new Retagging(topics, tagger);
  }

  /** The consumer group (and transactional id stem) of this taxonomy version. */
  public String group() {
    return retagging.group();
  }

  /** Stops after the current batch, which is aborted; a later run resumes from there. */
  public void stop() {
    stopped = true;
  }

  /** Re-tags raw records published at or after {@code since} (everything if null). */
  public Result run(Instant since, Listener listener) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      readPreviousTags();
      retagging.existingTopics(consumer.listTopics(Duration.ofSeconds(30)).keySet());
      OffsetRanges fresh = OffsetRanges.since(consumer, List.of(topics.raw().name()), since);
      int partitions = fresh.partitions().size();
      checkRetaggedTopic(consumer, partitions);
      ensureTagTopics(partitions);
      plan(fresh.ends());
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
        copy(consumer, producer, ranges, listener);
        return new Result(
            retagging.retagged(),
            retagging.superseded(),
            retagging.undecodable(),
            !resumeAt.isEmpty(),
            stopped,
            retagging.changes());
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
  private void plan(Map<TopicPartition, Long> ends) {
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
          if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
            retagging.plan(r);
          }
        }
        List<TopicPartition> done =
            open.stream().filter(tp -> reader.position(tp) >= ends.get(tp)).toList();
        open.removeAll(done);
        reader.pause(done);
      }
    }
    LOG.info("retag plan: {} articles in {}", retagging.plannedArticles(), topics.raw().name());
  }

  /** The tags each article had before (its latest tagged version), and its story. */
  private void readPreviousTags() {
    try (KafkaConsumer<byte[], byte[]> reader = Clients.reader(clientProps)) {
      OffsetRanges all = OffsetRanges.since(reader, List.of(topics.tagged().name()), null);
      new MergedReader(reader, all).forEach(retagging::learnTagged);
    }
  }

  private void copy(
      KafkaConsumer<byte[], byte[]> consumer,
      KafkaProducer<byte[], byte[]> producer,
      OffsetRanges ranges,
      Listener listener) {
    List<TopicPartition> open = new ArrayList<>(ranges.nonEmpty());
    consumer.assign(open);
    open.forEach(tp -> consumer.seek(tp, ranges.start(tp)));
    long total = ranges.size();
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
      Retagging.Batch out = retagging.retag(batch, Instant.now().truncatedTo(ChronoUnit.MILLIS));
      out.records().forEach(producer::send);
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
      retagging.committed(out); // only what is committed counts
      List<TopicPartition> finished = new ArrayList<>();
      for (TopicPartition tp : open) {
        if (positions.get(tp).offset() >= ranges.end(tp)) {
          finished.add(tp);
        }
      }
      open.removeAll(finished);
      consumer.pause(finished);
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
