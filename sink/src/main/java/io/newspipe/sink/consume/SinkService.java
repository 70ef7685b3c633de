package io.newspipe.sink.consume;

import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.TopicSet;
import io.newspipe.store.ArticleWrites;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@code TopicSet.tagged()} into an {@link ArticleWrites store}, exactly once.
 *
 * <p>Exactly once comes from the store, not from Kafka: each poll's articles are written together
 * with the next offsets in one database transaction, and on partition assignment the consumer seeks
 * to the offsets the store holds (or the beginning). Kafka offsets are never committed. A crash
 * anywhere therefore re-reads exactly what the store lacks, and idempotent upserts absorb any
 * re-delivery.
 *
 * <p>A record that cannot be decoded goes to {@code TopicSet.dlq()} and its offset still advances;
 * a store failure (database locked, disk full, outage) stores nothing, and the batch is retried
 * with exponential backoff until it succeeds: nothing is dropped and nothing gets stuck.
 *
 * <p>Use from one thread: {@link #run()} (until {@link #close()}) or {@link #runUntilIdle}. {@code
 * close()} may be called from any thread, e.g. a shutdown hook. The store is the caller's to close.
 */
public final class SinkService implements AutoCloseable {

  /** The consumer group used when none is given. */
  public static final String DEFAULT_GROUP_ID = "newspipe-sink";

  private static final Logger log = LoggerFactory.getLogger(SinkService.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Consumer<byte[], byte[]> consumer;
  private final DeadLetterPublisher deadLetters;
  private final TopicSet topics;
  private final ArticleWrites store;
  private final String groupId;
  private final String offsetsKey;
  private final Deserializer<TaggedArticle> decoder;
  private final Backoff backoff;

  private final AtomicLong stored = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicBoolean closeRequested = new AtomicBoolean();
  private final CountDownLatch closeSignal = new CountDownLatch(1);

  private final Object lifecycle = new Object();
  private Thread loopThread; // guarded by lifecycle
  private boolean clientsClosed; // guarded by lifecycle

  // Touched by the polling thread only (the rebalance listener runs inside poll).
  private final Set<TopicPartition> unpositioned = new HashSet<>();
  private boolean subscribed;
  private int failuresInARow;

  /** A sink in consumer group {@value #DEFAULT_GROUP_ID}. */
  public SinkService(Map<String, Object> kafkaProps, TopicSet topics, ArticleWrites store) {
    this(kafkaProps, topics, store, DEFAULT_GROUP_ID);
  }

  /**
   * @param kafkaProps Kafka client properties: {@code bootstrap.servers} plus anything to pass
   *     through (TLS/SASL, tuning). Group id, isolation level, auto-commit and (de)serializers are
   *     set by the sink.
   * @param topics the pipeline's topics: reads {@code tagged()}, dead-letters to {@code dlq()}
   * @param store where articles and offsets are written; not closed by this service
   * @param groupId consumer group; also the key of the offsets in the store
   */
  public SinkService(
      Map<String, Object> kafkaProps, TopicSet topics, ArticleWrites store, String groupId) {
    // The cluster id is read first, so a Kafka that cannot be reached leaks no clients.
    this(
        offsetsKey(groupId, SinkClientConfigs.clusterId(kafkaProps)),
        kafkaProps,
        topics,
        store,
        groupId);
  }

  private SinkService(
      String offsetsKey,
      Map<String, Object> kafkaProps,
      TopicSet topics,
      ArticleWrites store,
      String groupId) {
    this(
        new KafkaConsumer<>(SinkClientConfigs.consumer(kafkaProps, groupId)),
        new KafkaProducer<>(SinkClientConfigs.deadLetterProducer(kafkaProps)),
        topics,
        store,
        groupId,
        offsetsKey,
        Backoff.DEFAULT.copy());
  }

  /** For tests with mock clients: offsets are stored under the bare group id. */
  SinkService(
      Consumer<byte[], byte[]> consumer,
      Producer<byte[], byte[]> deadLetterProducer,
      TopicSet topics,
      ArticleWrites store,
      String groupId,
      Backoff backoff) {
    this(consumer, deadLetterProducer, topics, store, groupId, groupId, backoff);
  }

  private SinkService(
      Consumer<byte[], byte[]> consumer,
      Producer<byte[], byte[]> deadLetterProducer,
      TopicSet topics,
      ArticleWrites store,
      String groupId,
      String offsetsKey,
      Backoff backoff) {
    this.consumer = Objects.requireNonNull(consumer, "consumer");
    this.topics = Objects.requireNonNull(topics, "topics");
    this.store = Objects.requireNonNull(store, "store");
    this.groupId = Objects.requireNonNull(groupId, "groupId");
    this.offsetsKey = Objects.requireNonNull(offsetsKey, "offsetsKey");
    this.deadLetters = new DeadLetterPublisher(deadLetterProducer, topics.dlq().name());
    this.decoder = topics.tagged().valueSerde().deserializer();
    this.backoff = backoff;
  }

  /** Consumes until {@link #close()} is called (from another thread). */
  public void run() {
    loop(null, () -> false);
  }

  /**
   * Consumes until the sink has reached the end of the tagged topic as it was when this method was
   * called, and then no record arrived for {@code idle}. Call it once the producers upstream are
   * done (e.g. {@code newspipe up --once} after ingest and enrich have finished) to store
   * everything they produced. Returns early if {@link #close()} is called. While the store fails it
   * keeps retrying (it never drops a record), so it returns only once the store has recovered. With
   * several sinks in the group, it waits for the partitions assigned to this one.
   */
  public void runUntilIdle(Duration idle) {
    runUntilIdle(idle, () -> true);
  }

  /**
   * As {@link #runUntilIdle(Duration)}, but consumes from the start while the producers upstream
   * are still at work, and begins watching for the end only once {@code upstreamDone} says they
   * have finished (it is asked after every poll, on this thread). This lets the sink join its group
   * and store articles while ingest and enrich are still running ({@code newspipe up --once}),
   * instead of starting after them.
   */
  public void runUntilIdle(Duration idle, BooleanSupplier upstreamDone) {
    Objects.requireNonNull(idle, "idle");
    Objects.requireNonNull(upstreamDone, "upstreamDone");
    loop(idle, upstreamDone);
  }

  /** Articles stored so far (re-deliveries included). */
  public long stored() {
    return stored.get();
  }

  /** Records sent to the dead-letter topic so far. */
  public long deadLettered() {
    return deadLettered.get();
  }

  /** The consumer group this sink consumes in. */
  public String groupId() {
    return groupId;
  }

  /**
   * The key this sink's offsets have in the store: the group and the Kafka cluster id. Offsets are
   * positions in one cluster's logs; keyed by group alone, a store kept while Kafka was replaced (a
   * new cluster, a wiped {@code data/kafka}) would seek past records it never saw. Under a new key
   * the sink re-reads from the beginning instead, which the idempotent upserts make harmless.
   */
  public String offsetsKey() {
    return offsetsKey;
  }

  static String offsetsKey(String groupId, String clusterId) {
    return groupId + "@" + clusterId;
  }

  /**
   * Stops consuming and closes the Kafka clients, waiting up to 30 s for a batch in flight to
   * finish. Safe from any thread and idempotent; the store stays open.
   */
  @Override
  public void close() {
    if (!closeRequested.compareAndSet(false, true)) {
      return;
    }
    closeSignal.countDown();
    synchronized (lifecycle) {
      if (loopThread == Thread.currentThread()) {
        return; // the loop closes the clients as it exits
      }
      if (loopThread != null) {
        consumer.wakeup();
        long deadline = System.nanoTime() + CLOSE_TIMEOUT.toNanos();
        try {
          while (loopThread != null && System.nanoTime() < deadline) {
            TimeUnit.NANOSECONDS.timedWait(lifecycle, deadline - System.nanoTime());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        if (loopThread != null) {
          log.warn(
              "sink still busy after {}; it closes its Kafka clients when done", CLOSE_TIMEOUT);
          return;
        }
      }
      closeClients();
    }
  }

  private void loop(Duration idle, BooleanSupplier upstreamDone) {
    enterLoop();
    try {
      IdleWatch watch = null;
      while (!closeRequested.get()) {
        if (watch == null && idle != null && upstreamDone.getAsBoolean()) {
          watch = new IdleWatch(endOffsetsNow(), idle);
        }
        if (!positionPending()) {
          sleep(backoff.next());
        }
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
        if (!records.isEmpty()) {
          store(records);
        }
        if (watch != null
            && watch.finished(
                !records.isEmpty(), caughtUp(watch.endOffsets()), System.nanoTime())) {
          log.info(
              "sink caught up with {}: {} stored, {} dead-lettered",
              topics.tagged().name(),
              stored(),
              deadLettered());
          return;
        }
      }
    } catch (WakeupException e) {
      if (!closeRequested.get()) {
        throw e;
      }
    } finally {
      exitLoop();
    }
  }

  private void store(ConsumerRecords<byte[], byte[]> records) {
    PolledBatch batch = PolledBatch.decode(records, decoder);
    try {
      deadLetters.publish(batch.deadLetters());
      store.write(batch.articles(), offsetsKey, batch.nextOffsets());
    } catch (WakeupException | InterruptException e) {
      throw e;
    } catch (RuntimeException e) {
      retryLater(batch, e);
      return;
    }
    if (failuresInARow > 0) {
      log.info("sink stores again after {} failed attempts", failuresInARow);
      failuresInARow = 0;
    }
    backoff.reset();
    stored.addAndGet(batch.articles().size());
    deadLettered.addAndGet(batch.deadLetters().size());
  }

  /** Nothing of the batch was acknowledged: rewind to its start and try again after a wait. */
  private void retryLater(PolledBatch batch, RuntimeException failure) {
    Duration wait = backoff.next();
    failuresInARow++;
    String message =
        "sink could not store {} records from {} (attempt {}) and will retry them from offsets {}"
            + " in {} ms; nothing was skipped. Cause: {}";
    Object[] args = {
      batch.articles().size() + batch.deadLetters().size(),
      topics.tagged().name(),
      failuresInARow,
      batch.firstOffsets(),
      wait.toMillis(),
      failure.getMessage(),
      failure // the stack trace once per outage, not once per retry
    };
    log.error(message, failuresInARow == 1 ? args : Arrays.copyOf(args, args.length - 1));
    // The start of the batch is exactly where the store's offsets point: it holds everything
    // before.
    batch.firstOffsets().forEach(consumer::seek);
    sleep(wait);
  }

  /**
   * Seeks newly assigned partitions to the offsets in the store. If the store cannot be read, the
   * partitions stay paused (so nothing is read from a wrong position) and this returns false.
   */
  private boolean positionPending() {
    if (unpositioned.isEmpty()) {
      return true;
    }
    Map<TopicPartition, Long> offsets;
    try {
      offsets = store.offsets(offsetsKey);
    } catch (RuntimeException e) {
      log.error(
          "sink cannot read its offsets from the store, so partitions {} stay paused until it can;"
              + " cause: {}",
          unpositioned,
          e.getMessage());
      consumer.pause(unpositioned);
      return false;
    }
    List<TopicPartition> fromStart = new ArrayList<>();
    List<String> positions = new ArrayList<>();
    for (TopicPartition tp : unpositioned) {
      Long next = offsets.get(tp);
      if (next == null) {
        fromStart.add(tp);
        positions.add(tp + "@beginning");
      } else {
        consumer.seek(tp, next);
        positions.add(tp + "@" + next);
      }
    }
    // Never with an empty list: Kafka reads that as "every assigned partition", which would undo
    // the seeks above and re-read the whole topic.
    if (!fromStart.isEmpty()) {
      consumer.seekToBeginning(fromStart);
    }
    consumer.resume(unpositioned);
    unpositioned.clear();
    backoff.reset();
    log.info("sink group {} reads {} (offsets from the store)", groupId, positions);
    return true;
  }

  private Map<TopicPartition, Long> endOffsetsNow() {
    List<TopicPartition> partitions =
        consumer.partitionsFor(topics.tagged().name()).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    return partitions.isEmpty() ? Map.of() : consumer.endOffsets(partitions);
  }

  /** Whether every partition this sink owns has been read up to the given end offsets. */
  private boolean caughtUp(Map<TopicPartition, Long> endOffsets) {
    Set<TopicPartition> assigned = consumer.assignment();
    if (assigned.isEmpty()) {
      return endOffsets.isEmpty();
    }
    for (TopicPartition tp : assigned) {
      if (unpositioned.contains(tp) || consumer.position(tp) < endOffsets.getOrDefault(tp, 0L)) {
        return false;
      }
    }
    return true;
  }

  private void enterLoop() {
    synchronized (lifecycle) {
      if (closeRequested.get()) {
        throw new IllegalStateException("this sink was closed; create a new SinkService");
      }
      if (loopThread != null) {
        throw new IllegalStateException("this sink is already running in " + loopThread.getName());
      }
      loopThread = Thread.currentThread();
    }
    if (!subscribed) {
      consumer.subscribe(List.of(topics.tagged().name()), new Rebalance());
      subscribed = true;
    }
  }

  private void exitLoop() {
    synchronized (lifecycle) {
      loopThread = null;
      lifecycle.notifyAll();
      if (closeRequested.get()) {
        closeClients();
      }
    }
  }

  private void closeClients() {
    if (clientsClosed) {
      return;
    }
    clientsClosed = true;
    try {
      // Leave the group even as a static member (group.instance.id): a clean stop hands the
      // partitions over at once; only a crash leaves them with this member until its session ends.
      consumer.close(
          CloseOptions.timeout(Duration.ofSeconds(10))
              .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    } catch (RuntimeException e) {
      log.warn("closing the sink's consumer failed: {}", e.getMessage());
    }
    try {
      deadLetters.close();
    } catch (RuntimeException e) {
      log.warn("closing the sink's dead-letter producer failed: {}", e.getMessage());
    }
    log.info("sink closed: {} stored, {} dead-lettered", stored(), deadLettered());
  }

  /** Waits, returning early when the sink is closed. */
  private void sleep(Duration wait) {
    try {
      closeSignal.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptException(e);
    }
  }

  /** Positions partitions from the store when they are assigned; there is nothing to commit. */
  private final class Rebalance implements ConsumerRebalanceListener {

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      unpositioned.addAll(partitions);
      positionPending();
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      unpositioned.removeAll(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      unpositioned.removeAll(partitions);
    }
  }
}
