package io.newspipe.ingest.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.DeadLetters;
import io.newspipe.schemas.FeedHealth;
import io.newspipe.schemas.FeedState;
import io.newspipe.schemas.Topic;
import io.newspipe.schemas.TopicSet;
import io.newspipe.schemas.metrics.StageMeters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes articles to the raw topic and rejected documents to the dead-letter topic.
 *
 * <p>One idempotent producer ({@code enable.idempotence=true}, {@code acks=all}) carries both, so
 * retries never duplicate an article. Articles are keyed by id and stamped with their event time
 * ({@link RecordTimestamps}). Thread-safe; sends are asynchronous: call {@link #flush()} before
 * reporting counts.
 */
public final class ArticlePublisher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ArticlePublisher.class);

  /** The {@link DeadLetters#STAGE} value of everything ingest dead-letters. */
  public static final String STAGE = "ingest";

  /** Header set on a dead letter whose payload was cut to fit: the original size in bytes. */
  public static final String ORIGINAL_SIZE_HEADER = "newspipe.dlq.original.size";

  /** Dead-letter payloads are cut to this, below Kafka's default 1 MiB request size. */
  public static final int MAX_DEAD_LETTER_PAYLOAD_BYTES = 900 * 1024;

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Producer<byte[], byte[]> producer;
  private final TopicSet topics;
  private final Map<String, Object> clientProps;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final StageMeters meters;
  private final KafkaClientMetrics clientMetrics;
  private volatile boolean brokerReached;
  private volatile String brokerProblem = "the brokers were not asked yet";

  /**
   * @param kafkaProps producer properties ({@code bootstrap.servers}, TLS/SASL, ...); serializers
   *     are set here, and idempotence and {@code acks=all} are enforced
   * @param topics the raw and dead-letter topics to write
   * @throws IllegalArgumentException if the properties switch idempotence off or weaken acks
   */
  public ArticlePublisher(Map<String, Object> kafkaProps, TopicSet topics) {
    this(kafkaProps, topics, StageMeters.detached());
  }

  /**
   * As {@link #ArticlePublisher(Map, TopicSet)}, counting in the process's meter registry: the
   * {@link StageMeters} of stage {@value #STAGE}, the feed meters and the producer's metrics.
   */
  public ArticlePublisher(Map<String, Object> kafkaProps, TopicSet topics, MeterRegistry registry) {
    this(new KafkaProducer<>(producerConfig(kafkaProps)), topics, kafkaProps, registry);
  }

  /** For tests: publishes through the given producer. */
  ArticlePublisher(Producer<byte[], byte[]> producer, TopicSet topics) {
    this(producer, topics, Map.of(), StageMeters.detached());
  }

  private ArticlePublisher(
      Producer<byte[], byte[]> producer,
      TopicSet topics,
      Map<String, Object> clientProps,
      MeterRegistry registry) {
    this.producer = Objects.requireNonNull(producer, "producer");
    this.topics = Objects.requireNonNull(topics, "topics");
    this.clientProps = Map.copyOf(clientProps);
    this.meters = StageMeters.of(registry, STAGE);
    this.clientMetrics = new KafkaClientMetrics(producer);
    clientMetrics.bindTo(registry);
  }

  /**
   * Ingest's stage meters: records in (articles and rejected documents handed to this publisher),
   * out (articles acknowledged), dead letters by reason, and processing time (hand-over to
   * acknowledgement). Feed sources register their meters in the same registry.
   */
  public StageMeters meters() {
    return meters;
  }

  /**
   * The connection properties this publisher was built with (bootstrap servers, TLS/SASL), for the
   * feed state reader; empty for a publisher built around a given producer.
   */
  public Map<String, Object> clientProps() {
    return clientProps;
  }

  /** The topics this publisher writes. */
  public TopicSet topics() {
    return topics;
  }

  /**
   * Writes a feed's polling state to the compacted state topic, keyed by feed id. Call after the
   * articles it records are flushed, so that a crash re-emits rather than loses items.
   */
  public CompletableFuture<RecordMetadata> publishState(FeedState state) {
    return publishKeyed(
        topics.ingestState(), state.getFeedId(), state, "state of feed " + state.getFeedId());
  }

  /**
   * Writes a feed's health after a poll to the compacted health topic ({@link
   * TopicSet#feedHealth()}), keyed by feed id.
   */
  public CompletableFuture<RecordMetadata> publishHealth(FeedHealth health) {
    return publishKeyed(
        topics.feedHealth(), health.getFeedId(), health, "health of feed " + health.getFeedId());
  }

  private <V> CompletableFuture<RecordMetadata> publishKeyed(
      Topic<String, V> topic, String key, V value, String what) {
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(
            topic.name(),
            topic.keySerde().serializer().serialize(topic.name(), key),
            topic.valueSerde().serializer().serialize(topic.name(), value));
    return send(record, new AtomicLong(), what);
  }

  static Map<String, Object> producerConfig(Map<String, Object> kafkaProps) {
    Map<String, Object> config = new HashMap<>(kafkaProps);
    Object idempotence = config.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG);
    if (idempotence != null && !"true".equalsIgnoreCase(idempotence.toString())) {
      throw new IllegalArgumentException(
          "enable.idempotence="
              + idempotence
              + " is not allowed for ingest: retries would duplicate articles; remove the"
              + " setting");
    }
    Object acks = config.get(ProducerConfig.ACKS_CONFIG);
    if (acks != null && !"all".equals(acks.toString()) && !"-1".equals(acks.toString())) {
      throw new IllegalArgumentException(
          "acks="
              + acks
              + " is not allowed for ingest: an article acknowledged by one broker can be lost;"
              + " remove the setting (ingest uses acks=all)");
    }
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newspipe-ingest");
    // A bulk import sends thousands of ~1 KB articles a second: fuller batches (a few ms of
    // linger, 128 KiB) compressed with lz4 cost the broker and enrich fewer requests and bytes.
    // Each is a default the caller's kafka.* settings may override.
    config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 10);
    config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
    config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return config;
  }

  /**
   * Sends one article to the raw topic, keyed by its id.
   *
   * @return completes when the brokers acknowledged it, or exceptionally (also counted in {@link
   *     #failed()} and logged)
   */
  public CompletableFuture<RecordMetadata> publish(Article article) {
    String topic = topics.raw().name();
    ProducerRecord<byte[], byte[]> record;
    try {
      record =
          new ProducerRecord<>(
              topic,
              null,
              RecordTimestamps.of(article),
              topics.raw().keySerde().serializer().serialize(topic, article.getId()),
              topics.raw().valueSerde().serializer().serialize(topic, article));
    } catch (RuntimeException e) {
      return failure("article " + article.getId(), e);
    }
    String what = "article " + article.getId() + " from " + sourceOf(article);
    meters.recordsIn(1);
    return send(record, published, what)
        .exceptionallyCompose(
            error -> {
              Throwable cause = error instanceof CompletionException ? error.getCause() : error;
              if (!(cause instanceof RecordTooLargeException)) {
                return CompletableFuture.failedFuture(error);
              }
              // Not retriable: without a dead letter the article would vanish from the pipeline.
              return deadLetter(
                      what,
                      record.value(),
                      new RecordTooLargeException(
                          what
                              + " is "
                              + record.value().length
                              + " bytes encoded, more than a Kafka record may hold here ("
                              + cause.getMessage()
                              + ")"),
                      "Raise the producer's max.request.size and the topics' max.message.bytes,"
                          + " then ingest the document again")
                  .thenCompose(ignored -> CompletableFuture.failedFuture(error));
            });
  }

  /**
   * Sends a document that could not be ingested to the dead-letter topic: its bytes as the value,
   * the document description as key and in {@link DeadLetters#SOURCE}, and the reason in the {@link
   * DeadLetters} headers with stage {@value #STAGE}.
   */
  public CompletableFuture<RecordMetadata> deadLetter(
      String sourceDescription, byte[] payload, Throwable reason) {
    return deadLetter(
        sourceDescription,
        payload,
        reason,
        "Fix the document at its source (a file is re-read when saved again)");
  }

  /**
   * As {@link #deadLetter(String, byte[], Throwable)}, with the advice the log line gives (what the
   * operator should do about this kind of source).
   */
  public CompletableFuture<RecordMetadata> deadLetter(
      String sourceDescription, byte[] payload, Throwable reason, String whatToDo) {
    LOG.warn(
        "dead-lettering {}: {}. {}; the bytes received are kept on topic {}",
        sourceDescription,
        reason.getMessage(),
        whatToDo,
        topics.dlq().name());
    byte[] bytes = payload == null ? new byte[0] : payload;
    RecordHeaders headers = new RecordHeaders();
    DeadLetters.describe(headers, STAGE, reason, null, null, null);
    DeadLetters.put(headers, DeadLetters.SOURCE, sourceDescription);
    if (bytes.length > MAX_DEAD_LETTER_PAYLOAD_BYTES) {
      DeadLetters.put(headers, ORIGINAL_SIZE_HEADER, Integer.toString(bytes.length));
      bytes = Arrays.copyOf(bytes, MAX_DEAD_LETTER_PAYLOAD_BYTES);
    }
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(
            topics.dlq().name(),
            null,
            null,
            sourceDescription.getBytes(StandardCharsets.UTF_8),
            bytes,
            headers);
    meters.recordsIn(1);
    String reasonName = reason.getClass().getSimpleName();
    return send(record, deadLettered, "dead letter for " + sourceDescription)
        .thenApply(
            metadata -> {
              meters.deadLetter(reasonName);
              return metadata;
            });
  }

  private CompletableFuture<RecordMetadata> send(
      ProducerRecord<byte[], byte[]> record, AtomicLong counter, String what) {
    CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
    long started = System.nanoTime();
    try {
      producer.send(
          record,
          (metadata, error) -> {
            if (error == null) {
              reached();
              counter.incrementAndGet();
              if (counter == published) {
                meters.recordsOut(1);
                meters.processing().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
              }
              result.complete(metadata);
            } else {
              if (!(error instanceof RecordTooLargeException)) {
                brokerProblem = "the last send failed: " + error;
              }
              fail(what, error);
              result.completeExceptionally(error);
            }
          });
    } catch (RuntimeException e) {
      return failure(what, e);
    }
    return result;
  }

  private CompletableFuture<RecordMetadata> failure(String what, Throwable error) {
    fail(what, error);
    return CompletableFuture.failedFuture(error);
  }

  private void fail(String what, Throwable error) {
    failed.incrementAndGet();
    LOG.error(
        "could not publish {}: {}. Check that the brokers are reachable and the topics exist;"
            + " a record too large needs a higher max.request.size and message.max.bytes",
        what,
        error.toString());
  }

  private static String sourceOf(Article article) {
    var source = article.getSource();
    return source.getUrl() != null ? source.getUrl() : source.getId();
  }

  /**
   * Asks the brokers for the raw topic's partitions (a metadata fetch, blocking up to the
   * producer's {@code max.block.ms}) and records whether they answered; see {@link
   * #brokerProblem()}.
   */
  public boolean checkBroker() {
    try {
      producer.partitionsFor(topics.raw().name());
      reached();
      return true;
    } catch (RuntimeException e) {
      brokerProblem = "the brokers do not answer: " + e.getMessage();
      return false;
    }
  }

  private void reached() {
    brokerReached = true;
    brokerProblem = null;
  }

  /**
   * Empty when the brokers answered the last metadata fetch or acknowledged the last send; else why
   * not. Cheap: it asks nobody.
   */
  public Optional<String> brokerProblem() {
    String problem = brokerProblem;
    return brokerReached && problem == null ? Optional.empty() : Optional.of(problem);
  }

  /** Blocks until every send so far is acknowledged or failed. */
  public void flush() {
    producer.flush();
  }

  /** Articles acknowledged by the brokers. */
  public long published() {
    return published.get();
  }

  /** Dead letters acknowledged by the brokers. */
  public long deadLettered() {
    return deadLettered.get();
  }

  /** Sends (articles or dead letters) that failed. */
  public long failed() {
    return failed.get();
  }

  /** Flushes and closes the producer, waiting up to 30 s for outstanding sends. */
  @Override
  public void close() {
    producer.close(CLOSE_TIMEOUT);
    clientMetrics.close();
  }
}
