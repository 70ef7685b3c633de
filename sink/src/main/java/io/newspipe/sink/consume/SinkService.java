package io.newspipe.sink.consume;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.TopicSet;
import io.newspipe.schemas.lifecycle.CachedCheck;
import io.newspipe.schemas.lifecycle.Health;
import io.newspipe.schemas.lifecycle.Service;
import io.newspipe.schemas.logging.LogContext;
import io.newspipe.schemas.metrics.StageMeters;
import io.newspipe.store.ArticleWrites;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
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
 * to the offsets the store holds (or the beginning). A crash anywhere therefore re-reads exactly
 * what the store lacks, and idempotent upserts absorb any re-delivery. After each database commit
 * the same offsets are also committed to Kafka, only so that lag tools ({@code
 * kafka-consumer-groups}, the {@code newspipe.consumer.lag} gauge) see the sink's progress; the
 * sink itself never reads them back.
 *
 * <p>A record that cannot be decoded goes to {@code TopicSet.dlq()} and its offset still advances;
 * a store failure (database locked, disk full, outage) stores nothing, and the batch is retried
 * with exponential backoff until it succeeds: nothing is dropped and nothing gets stuck.
 *
 * <p>Run it on a thread of its own with {@link #start()} (then {@link #awaitCaughtUp} waits until
 * it stored what is there), or on the caller's thread with {@link #run()} (until {@link #close()})
 * or {@link #runUntilIdle}. {@code close()} may be called from any thread, e.g. a shutdown hook.
 * The store is the caller's to close.
 *
 * <p>Ready once a poll succeeded (partitions assigned, or none yet to assign) and the store answers
 * a query; down once closed or its thread died.
 */
public final class SinkService implements Service {

  /** The consumer group used when none is given. */
  public static final String DEFAULT_GROUP_ID = "newspipe-sink";

  private static final Logger log = LoggerFactory.getLogger(SinkService.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STORE_CHECK_TTL = Duration.ofSeconds(1);

  private final Consumer<byte[], byte[]> consumer;
  private final DeadLetterPublisher deadLetters;
  private final TopicSet topics;
  private final ArticleWrites store;
  private final String groupId;
  private final String offsetsKey;
  private final Deserializer<TaggedArticle> decoder;
  private final Backoff backoff;

  private final SinkMeters meters;
  private final List<AutoCloseable> clientMetrics = new ArrayList<>();
  private final AtomicBoolean closeRequested = new AtomicBoolean();
  private final CountDownLatch closeSignal = new CountDownLatch(1);
  private final CachedCheck storeCheck;
  private final AtomicReference<IdleRequest> idleRequest = new AtomicReference<>();
  private volatile boolean polled;
  private volatile int assignedPartitions;
  private volatile Thread ownThread;
  private volatile Throwable failure;

  private final Object lifecycle = new Object();
  private Thread loopThread; // guarded by lifecycle
  private boolean clientsClosed; // guarded by lifecycle

  // Touched by the polling thread only (the rebalance listener runs inside poll).
  private final Set<TopicPartition> unpositioned = new HashSet<>();
  private final Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
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
    this(kafkaProps, topics, store, groupId, StageMeters.detached());
  }

  /**
   * As {@link #SinkService(Map, TopicSet, ArticleWrites, String)}, with the process's meter
   * registry: the sink's meters and its Kafka clients' metrics are registered there.
   */
  public SinkService(
      Map<String, Object> kafkaProps,
      TopicSet topics,
      ArticleWrites store,
      String groupId,
      MeterRegistry registry) {
    // The cluster id is read first, so a Kafka that cannot be reached leaks no clients.
    this(
        offsetsKey(groupId, SinkClientConfigs.clusterId(kafkaProps)),
        kafkaProps,
        topics,
        store,
        groupId,
        registry);
  }

  private SinkService(
      String offsetsKey,
      Map<String, Object> kafkaProps,
      TopicSet topics,
      ArticleWrites store,
      String groupId,
      MeterRegistry registry) {
    this(
        new KafkaConsumer<>(SinkClientConfigs.consumer(kafkaProps, groupId)),
        new KafkaProducer<>(SinkClientConfigs.deadLetterProducer(kafkaProps)),
        topics,
        store,
        groupId,
        offsetsKey,
        Backoff.DEFAULT.copy(),
        registry);
  }

  /** For tests with mock clients: offsets are stored under the bare group id. */
  SinkService(
      Consumer<byte[], byte[]> consumer,
      Producer<byte[], byte[]> deadLetterProducer,
      TopicSet topics,
      ArticleWrites store,
      String groupId,
      Backoff backoff) {
    this(
        consumer,
        deadLetterProducer,
        topics,
        store,
        groupId,
        groupId,
        backoff,
        StageMeters.detached());
  }

  private SinkService(
      Consumer<byte[], byte[]> consumer,
      Producer<byte[], byte[]> deadLetterProducer,
      TopicSet topics,
      ArticleWrites store,
      String groupId,
      String offsetsKey,
      Backoff backoff,
      MeterRegistry registry) {
    this.consumer = Objects.requireNonNull(consumer, "consumer");
    this.topics = Objects.requireNonNull(topics, "topics");
    this.store = Objects.requireNonNull(store, "store");
    this.groupId = Objects.requireNonNull(groupId, "groupId");
    this.offsetsKey = Objects.requireNonNull(offsetsKey, "offsetsKey");
    this.deadLetters = new DeadLetterPublisher(deadLetterProducer, topics.dlq().name());
    this.decoder = topics.tagged().valueSerde().deserializer();
    this.backoff = backoff;
    this.meters = new SinkMeters(registry);
    KafkaClientMetrics consumerMetrics = new KafkaClientMetrics(consumer);
    consumerMetrics.bindTo(registry);
    clientMetrics.add(consumerMetrics);
    KafkaClientMetrics producerMetrics = new KafkaClientMetrics(deadLetterProducer);
    producerMetrics.bindTo(registry);
    clientMetrics.add(producerMetrics);
    this.storeCheck = new CachedCheck(STORE_CHECK_TTL, () -> store.offsets(offsetsKey));
  }

  @Override
  public String name() {
    return "sink";
  }

  /** Consumes on a thread of its own ({@code newspipe-sink}) until {@link #close()}. */
  @Override
  public void start() {
    synchronized (lifecycle) {
      if (ownThread != null) {
        throw new IllegalStateException("this sink is already started");
      }
      Thread t = new Thread(this::runOwnThread, "newspipe-sink");
      ownThread = t;
      t.start();
    }
  }

  private void runOwnThread() {
    try {
      run();
    } catch (RuntimeException | Error e) {
      failure = e;
      log.error("sink stopped: {}", e.toString(), e);
    }
  }

  /**
   * Waits until the sink, running on its own thread ({@link #start()}), has stored everything the
   * tagged topic holds now and then no record arrived for {@code idle}: {@link #runUntilIdle} for a
   * started sink. Returns early when the sink is closed.
   *
   * @throws IllegalStateException if the sink's thread failed
   */
  public void awaitCaughtUp(Duration idle) throws InterruptedException {
    IdleRequest request = new IdleRequest(Objects.requireNonNull(idle, "idle"));
    if (!idleRequest.compareAndSet(null, request)) {
      throw new IllegalStateException("another thread already waits for the sink to catch up");
    }
    try {
      while (!request.done.isDone()) {
        Thread t = ownThread;
        if (closeRequested.get() || t == null || !t.isAlive()) {
          break;
        }
        try {
          request.done.get(200, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          // check again whether the sink still runs
        } catch (ExecutionException e) {
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      idleRequest.compareAndSet(request, null);
    }
    if (failure != null) {
      throw new IllegalStateException("the sink stopped: " + failure.getMessage(), failure);
    }
  }

  @Override
  public Health health() {
    if (closeRequested.get()) {
      return Health.down("sink closed");
    }
    Throwable failed = failure;
    if (failed != null) {
      return Health.down("sink failed: " + failed.getMessage());
    }
    Thread t = ownThread;
    if (t != null && !t.isAlive()) {
      return Health.down("sink thread stopped");
    }
    if (!polled) {
      return Health.notReady("sink has not polled " + topics.tagged().name() + " yet");
    }
    var storeProblem = storeCheck.problem();
    if (storeProblem.isPresent()) {
      return Health.notReady("the store does not answer: " + storeProblem.get());
    }
    int assigned = assignedPartitions;
    return Health.ready(
        assigned == 0
            ? "polling, no partitions assigned yet"
            : assigned + " partition(s) of " + topics.tagged().name() + " assigned");
  }

  /** Consumes until {@link #close()} is called (from another thread). */
  public void run() {
    loop(null);
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
    Objects.requireNonNull(idle, "idle");
    loop(idle);
  }

  /** Articles stored so far (re-deliveries included). */
  public long stored() {
    return meters.stage().out();
  }

  /** Records sent to the dead-letter topic so far. */
  public long deadLettered() {
    return meters.stage().deadLettered();
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
    close(CLOSE_TIMEOUT);
  }

  /**
   * Stops consuming and closes the Kafka clients, waiting up to {@code deadline} for a batch in
   * flight to finish. Safe from any thread and idempotent; the store stays open.
   */
  @Override
  public void close(Duration deadline) {
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
        long until = System.nanoTime() + deadline.toNanos();
        try {
          while (loopThread != null && System.nanoTime() < until) {
            TimeUnit.NANOSECONDS.timedWait(lifecycle, until - System.nanoTime());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        if (loopThread != null) {
          log.warn("sink still busy after {}; it closes its Kafka clients when done", deadline);
          return;
        }
      }
      closeClients();
    }
  }

  private void loop(Duration idle) {
    enterLoop();
    try (LogContext ignored = LogContext.feed(null, "sink")) {
      IdleWatch watch = idle == null ? null : new IdleWatch(endOffsetsNow(), idle);
      IdleRequest request = null;
      while (!closeRequested.get()) {
        if (watch == null && (request = idleRequest.get()) != null) {
          watch = new IdleWatch(endOffsetsNow(), request.idle);
        }
        if (!positionPending()) {
          sleep(backoff.next());
        }
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
        assignedPartitions = consumer.assignment().size();
        polled = true;
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
          if (request == null) {
            return;
          }
          request.done.complete(null);
          watch = null;
          request = null;
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
    meters.stage().recordsIn(batch.size());
    long started = System.nanoTime();
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
    meters.stored(batch, System.nanoTime() - started, System.currentTimeMillis());
    commitToKafka(batch.nextOffsets());
  }

  /**
   * Tells Kafka what the store now holds, for lag tools only: asynchronous, and a failure is
   * harmless (the store keeps the offsets the sink restarts from; the next commit catches up).
   */
  private void commitToKafka(Map<TopicPartition, Long> next) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    next.forEach(
        (tp, offset) -> {
          if (consumer.assignment().contains(tp)) {
            offsets.put(tp, new OffsetAndMetadata(offset));
          }
        });
    if (offsets.isEmpty()) {
      return;
    }
    committed.putAll(offsets);
    consumer.commitAsync(
        offsets,
        (done, error) -> {
          if (error != null) {
            log.debug("sink could not commit offsets {} to Kafka: {}", done, error.toString());
          }
        });
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
    commitLast();
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
    for (AutoCloseable metrics : clientMetrics) {
      try {
        metrics.close();
      } catch (Exception e) {
        log.debug("unbinding the sink's client metrics failed: {}", e.toString());
      }
    }
    log.info("sink closed: {} stored, {} dead-lettered", stored(), deadLettered());
  }

  /** The last offsets stored, committed to Kafka synchronously so lag tools end at zero. */
  private void commitLast() {
    Map<TopicPartition, OffsetAndMetadata> last = new HashMap<>(committed);
    last.keySet().retainAll(consumer.assignment());
    if (last.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(last, Duration.ofSeconds(5));
    } catch (RuntimeException e) {
      log.debug("sink could not commit its last offsets to Kafka: {}", e.toString());
    }
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

  /** A wait for the sink's own thread to catch up ({@link #awaitCaughtUp}). */
  private static final class IdleRequest {
    final Duration idle;
    final CompletableFuture<Void> done = new CompletableFuture<>();

    IdleRequest(Duration idle) {
      this.idle = idle;
    }
  }

  /**
   * Positions partitions from the store when they are assigned. Offsets in Kafka are only for lag
   * tools, committed after each store write, so a revocation needs no commit either.
   */
  private final class Rebalance implements ConsumerRebalanceListener {

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      unpositioned.addAll(partitions);
      positionPending();
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      unpositioned.removeAll(partitions);
      committed.keySet().removeAll(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      unpositioned.removeAll(partitions);
      committed.keySet().removeAll(partitions);
    }
  }
}
