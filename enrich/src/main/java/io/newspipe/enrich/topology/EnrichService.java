package io.newspipe.enrich.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.newspipe.enrich.story.StoryRules;
import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.schemas.Topic;
import io.newspipe.schemas.TopicPolicy;
import io.newspipe.schemas.TopicProvisioner;
import io.newspipe.schemas.TopicSet;
import io.newspipe.schemas.lifecycle.Health;
import io.newspipe.schemas.lifecycle.Service;
import io.newspipe.schemas.metrics.StageMeters;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link EnrichTopology} as a Kafka Streams application: {@code exactly_once_v2}, bad
 * records to the dead-letter topic, and the topics it writes created at start. Scale out by
 * starting more instances with the same {@code application.id}.
 *
 * <pre>{@code
 * EnrichService service = new EnrichService(tagger, TopicSet.DEFAULT, "localhost:9092", Map.of());
 * service.start();
 * service.awaitReady(Duration.ofMinutes(1));
 * ...
 * service.close(Duration.ofSeconds(30));
 * }</pre>
 *
 * <p>Ready while Streams is {@code RUNNING}; live but not ready while it rebalances; down once it
 * stopped or failed.
 */
public final class EnrichService implements Service {

  /** {@code application.id} unless the client properties give another. */
  public static final String DEFAULT_APPLICATION_ID = "newspipe-enrich";

  private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);
  private static final int MAX_THREAD_REPLACEMENTS = 5;

  private final Tagger tagger;
  private final TopicSet topics;
  private final StoryRules storyRules;
  private final Clock clock;
  private final Properties config;
  private final MeterRegistry registry;
  private final EnrichMeters counters;
  private KafkaStreamsMetrics streamsMetrics;
  private final AtomicInteger threadReplacements = new AtomicInteger();
  private TopicPolicy topicPolicy = TopicPolicy.DEFAULT;
  private volatile KafkaStreams streams;

  /**
   * @param bootstrapServers the Kafka cluster, e.g. {@code localhost:9092}; null to take {@code
   *     bootstrap.servers} from {@code clientProperties}
   * @param clientProperties any Streams, consumer, producer or admin property (TLS, SASL, {@code
   *     application.id}, {@code state.dir}, ...); they override the defaults here
   */
  public EnrichService(
      Tagger tagger, TopicSet topics, String bootstrapServers, Map<String, ?> clientProperties) {
    this(tagger, topics, bootstrapServers, clientProperties, Clock.systemUTC());
  }

  /**
   * As {@link #EnrichService(Tagger, TopicSet, String, Map)}, grouping articles into stories by
   * {@code storyRules}.
   */
  public EnrichService(
      Tagger tagger,
      TopicSet topics,
      String bootstrapServers,
      Map<String, ?> clientProperties,
      StoryRules storyRules) {
    this(tagger, topics, bootstrapServers, clientProperties, storyRules, Clock.systemUTC());
  }

  public EnrichService(
      Tagger tagger,
      TopicSet topics,
      String bootstrapServers,
      Map<String, ?> clientProperties,
      Clock clock) {
    this(tagger, topics, bootstrapServers, clientProperties, StoryRules.DEFAULTS, clock);
  }

  public EnrichService(
      Tagger tagger,
      TopicSet topics,
      String bootstrapServers,
      Map<String, ?> clientProperties,
      StoryRules storyRules,
      Clock clock) {
    this(
        tagger,
        topics,
        bootstrapServers,
        clientProperties,
        storyRules,
        clock,
        StageMeters.detached());
  }

  /**
   * @param registry the process's meter registry: enrich's {@link EnrichMeters} and the Kafka
   *     Streams client metrics are registered there
   */
  public EnrichService(
      Tagger tagger,
      TopicSet topics,
      String bootstrapServers,
      Map<String, ?> clientProperties,
      StoryRules storyRules,
      Clock clock,
      MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.counters = new EnrichMeters(registry);
    this.tagger = Objects.requireNonNull(tagger, "tagger");
    this.topics = Objects.requireNonNull(topics, "topics");
    this.storyRules = Objects.requireNonNull(storyRules, "storyRules");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.config = streamsConfig(bootstrapServers, clientProperties);
  }

  /**
   * The Streams configuration this service runs with. Throws {@link IllegalArgumentException}
   * naming the key when bootstrap servers are missing.
   */
  private Properties streamsConfig(String bootstrapServers, Map<String, ?> clientProperties) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, DEFAULT_APPLICATION_ID);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    // The raw topic and the retagged topic share a task; their records need no ordering between
    // them (Enrichment.learn holds in any order), so a raw record never waits for the other.
    props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
    // Bounded memory: the RocksDB stores share one cache (see BoundedRocksDb).
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
    if (clientProperties != null) {
      clientProperties.forEach((k, v) -> props.put(k, v));
    }
    if (bootstrapServers != null && !bootstrapServers.isBlank()) {
      props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }
    Object servers = props.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
    if (servers == null || servers.toString().isBlank()) {
      throw new IllegalArgumentException(
          "enrich needs "
              + StreamsConfig.BOOTSTRAP_SERVERS_CONFIG
              + " (e.g. localhost:9092): pass the Kafka bootstrap servers");
    }
    // Dead-letter handling is not optional: without it one bad record would stop the service.
    props.putAll(EnrichTopology.errorHandling(topics));
    props.put(DeadLetterHandler.COUNTERS_CONFIG, counters);
    return props;
  }

  /**
   * How the topics this service creates (core and tag topics) are partitioned and replicated: the
   * deployment's one policy, so a tag topic looks the same whichever command created it. {@link
   * TopicPolicy#DEFAULT} unless set; call before {@link #start()}.
   */
  public synchronized EnrichService topicPolicy(TopicPolicy policy) {
    this.topicPolicy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  @Override
  public String name() {
    return "enrich";
  }

  /** Creates the topics enrich needs (idempotent), then starts processing in the background. */
  @Override
  public synchronized void start() {
    if (streams != null) {
      throw new IllegalStateException("enrich is already started; create a new EnrichService");
    }
    createTopics();
    streams =
        new KafkaStreams(EnrichTopology.build(tagger, topics, clock, counters, storyRules), config);
    streams.setStateListener(this::onStateChange);
    streams.setUncaughtExceptionHandler(this::onUncaughtException);
    streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
    LOG.info(
        "enrich starting: application.id {}, {} -> {} and {}<tag> for {} tags, dead letters to {},"
            + " taxonomy {} from {}, stories within {} at similarity {}",
        config.get(StreamsConfig.APPLICATION_ID_CONFIG),
        topics.raw().name(),
        topics.tagged().name(),
        topics.tagPrefix(),
        tagger.taxonomy().tagIds().size(),
        topics.dlq().name(),
        tagger.taxonomy().version(),
        tagger.taxonomy().source(),
        storyRules.window(),
        storyRules.similarity());
    streams.start();
  }

  /** Waits until the app is processing; false if it did not get there in time. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      KafkaStreams.State state = state();
      if (state == KafkaStreams.State.RUNNING) {
        return true;
      }
      if (state != null && !state.isRunningOrRebalancing() && state != KafkaStreams.State.CREATED) {
        return false;
      }
      Thread.sleep(50);
    }
    return false;
  }

  /** Ready once Streams runs; false at once if it stopped or failed. */
  @Override
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    return awaitRunning(timeout);
  }

  @Override
  public Health health() {
    KafkaStreams.State state = state();
    if (state == null) {
      return Health.notReady("enrich is not started");
    }
    return switch (state) {
      case RUNNING -> Health.ready("Streams RUNNING");
      case CREATED -> Health.notReady("Streams starting");
      case REBALANCING ->
          Health.notReady("Streams REBALANCING: partitions are being assigned among instances");
      case PENDING_ERROR, ERROR ->
          Health.down("Streams " + state + ": enrich failed, see the errors logged before");
      case PENDING_SHUTDOWN, NOT_RUNNING -> Health.down("Streams " + state + ": enrich stopped");
    };
  }

  /** The Streams state, or null before {@link #start()}. */
  public KafkaStreams.State state() {
    KafkaStreams s = streams;
    return s == null ? null : s.state();
  }

  /** What this instance has done since it started (its meters in the registry). */
  public EnrichMeters counters() {
    return counters;
  }

  /** Stops processing, committing what was done, waiting at most {@code timeout}. */
  @Override
  public synchronized void close(Duration timeout) {
    if (streams == null) {
      return;
    }
    LOG.info(
        "enrich stopping: {} articles tagged, {} dead letters",
        counters.tagged(),
        counters.deadLetters());
    // Leave the group on close: otherwise the next start (a restart, the next `up --once`) waits
    // a whole session timeout (45 s) for this member to be declared dead before rebalancing.
    CloseOptions options =
        CloseOptions.timeout(timeout)
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
    if (!streams.close(options)) {
      LOG.warn(
          "enrich did not stop within {}; it will be fenced when restarted, no data is lost",
          timeout);
    }
    streamsMetrics.close();
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  private void createTopics() {
    List<Topic<?, ?>> wanted = new ArrayList<>(topics.core());
    wanted.add(topics.stories());
    wanted.addAll(EnrichTopology.tagTopics(tagger, topics));
    new TopicProvisioner(adminConfig(), topicPolicy).ensure(wanted);
  }

  private Map<String, Object> adminConfig() {
    Map<String, Object> admin = new LinkedHashMap<>();
    for (String name : AdminClientConfig.configNames()) {
      if (config.containsKey(name)) {
        admin.put(name, config.get(name));
      }
    }
    admin.putIfAbsent(
        CommonClientConfigs.CLIENT_ID_CONFIG,
        config.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-admin");
    return admin;
  }

  private void onStateChange(KafkaStreams.State now, KafkaStreams.State before) {
    switch (now) {
      case RUNNING -> LOG.info("enrich is running (was {})", before);
      case REBALANCING -> LOG.info("enrich is rebalancing partitions among instances");
      case ERROR ->
          LOG.error(
              "enrich stopped with an error and processes nothing: see the errors above, fix"
                  + " the cause (broker, permissions, configuration) and restart it");
      case NOT_RUNNING -> LOG.info("enrich stopped");
      default -> LOG.debug("enrich state {} (was {})", now, before);
    }
  }

  private StreamThreadExceptionResponse onUncaughtException(Throwable error) {
    // Bad records never get here (they go to the dead-letter topic), so this is infrastructure:
    // worth a few retries, not a hot loop.
    int failures = threadReplacements.incrementAndGet();
    if (failures > MAX_THREAD_REPLACEMENTS) {
      LOG.error(
          "enrich stream thread failed {} times, giving up and stopping: {}. Check that the"
              + " brokers at {} are reachable and that enrich may read {} and write {}, then"
              + " restart it",
          failures,
          error.toString(),
          config.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG),
          topics.raw().name(),
          topics.tagged().name(),
          error);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    LOG.error(
        "enrich stream thread failed ({} of {} tolerated), replacing it: {}",
        failures,
        MAX_THREAD_REPLACEMENTS,
        error.toString(),
        error);
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }
}
