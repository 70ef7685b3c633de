package io.newspipe.app.run;

import io.micrometer.core.instrument.MeterRegistry;
import io.newspipe.app.config.Settings;
import io.newspipe.app.ops.ConsumerLag;
import io.newspipe.app.ops.Metrics;
import io.newspipe.app.ops.Operations;
import io.newspipe.enrich.story.StoryRules;
import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.enrich.taxonomy.Taxonomy;
import io.newspipe.enrich.topology.EnrichService;
import io.newspipe.ingest.IngestConfig;
import io.newspipe.ingest.IngestService;
import io.newspipe.ingest.IngestSummary;
import io.newspipe.ingest.feed.FeedSpec;
import io.newspipe.ingest.feed.HttpSettings;
import io.newspipe.ingest.publish.ArticlePublisher;
import io.newspipe.ingest.source.SourceSettings;
import io.newspipe.schemas.TopicSet;
import io.newspipe.schemas.lifecycle.Service;
import io.newspipe.sink.consume.SinkService;
import io.newspipe.store.ArticleStore;
import io.newspipe.store.Stores;
import io.newspipe.web.WebService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline in one process, as {@code newspipe up} runs it: Kafka (embedded unless
 * configured), enrich, sink, ingest and (when started) the web UI, each the same service that runs
 * alone in production. They talk only through Kafka topics and the store.
 */
public final class Pipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final Settings settings;
  private final TopicSet topics;
  private final ServiceRunner runner;
  private final Operations operations;
  private final boolean bulk;
  private IngestConfig ingestConfig;
  private KafkaConnection kafka;
  private EnrichService enrich;
  private Taxonomy taxonomy;
  private ArticleStore store;
  private SinkService sink;
  private ArticlePublisher publisher;
  private IngestService ingest;

  private Pipeline(
      Settings settings,
      TopicSet topics,
      ServiceRunner runner,
      Operations operations,
      boolean bulk) {
    this.settings = settings;
    this.topics = topics;
    this.runner = runner;
    this.operations = operations;
    this.bulk = bulk;
  }

  /**
   * Connects to (or starts) Kafka, creates topics, and starts enrich and sink, waiting until they
   * are ready; ingest starts with {@link #runOnce()} or {@link #runUntilStopped()}. Ctrl-C closes
   * it (the runner's shutdown hook).
   */
  public static Pipeline start(Settings settings, TopicSet topics) throws InterruptedException {
    return start(settings, topics, new ServiceRunner());
  }

  /** As {@link #start(Settings, TopicSet)}, running the services on {@code runner}. */
  public static Pipeline start(Settings settings, TopicSet topics, ServiceRunner runner)
      throws InterruptedException {
    return start(settings, topics, runner, new Operations(Metrics.create()));
  }

  /**
   * As {@link #start(Settings, TopicSet, ServiceRunner)}, every service counting in {@code
   * operations}' registry and reporting its health there.
   */
  public static Pipeline start(
      Settings settings, TopicSet topics, ServiceRunner runner, Operations operations)
      throws InterruptedException {
    return start(settings, topics, runner, operations, false);
  }

  /**
   * As {@link #start(Settings, TopicSet)}, for one {@link #runOnce()} over what is there: a bulk
   * import, in which no one waits for a single article, so enrich commits every {@value
   * #BULK_COMMIT_INTERVAL_MS} ms instead of every {@value #ENRICH_COMMIT_INTERVAL_MS}.
   */
  public static Pipeline startOnce(Settings settings, TopicSet topics) throws InterruptedException {
    return start(settings, topics, new ServiceRunner(), new Operations(Metrics.create()), true);
  }

  private static Pipeline start(
      Settings settings, TopicSet topics, ServiceRunner runner, Operations operations, boolean bulk)
      throws InterruptedException {
    Pipeline p = new Pipeline(settings, topics, runner, operations, bulk);
    try {
      p.open();
      return p;
    } catch (RuntimeException | InterruptedException e) {
      p.close();
      throw e;
    }
  }

  private void open() throws InterruptedException {
    ingestConfig = ingestConfig(settings); // validate sources before starting Kafka
    kafka = runner.own(KafkaConnection.open(settings));
    LOG.info("{}", kafka.describe());
    TopicAdmin.ensureCore(kafka, settings, topics);
    MeterRegistry registry = operations.metrics().registry();
    Management.attach(runner, settings, operations, kafka, true);

    taxonomy = Taxonomies.load(settings);
    InstanceId enrichId = runner.own(InstanceId.claim(settings, "enrich"));
    enrich =
        new EnrichService(
            new Tagger(taxonomy),
            topics,
            kafka.bootstrapServers(),
            enrichProps(settings, kafka, enrichId, bulk),
            storyRules(settings),
            Clock.systemUTC(),
            registry);
    enrich.topicPolicy(TopicAdmin.policy(settings));
    runner.start(enrich);
    runner.start(
        Notify.service(
            settings,
            kafka,
            topics,
            runner.own(InstanceId.claim(settings, "notify")))); // saved searches, alerts, webhooks

    store = runner.own(Stores.open(settings.storeUrl()));
    InstanceId sinkId = runner.own(InstanceId.claim(settings, "sink"));
    sink =
        runner.start(
            new SinkService(
                sinkProps(kafka, sinkId),
                topics,
                store,
                settings.getString(Settings.SINK_GROUP_ID),
                registry));

    publisher = runner.own(new ArticlePublisher(kafka.clientProps(), topics, registry));
  }

  /**
   * Starts the web UI and API on its own connection to the store (reads never queue behind the
   * sink's writes), and waits until it is ready; {@link #close()} stops it before the services
   * started earlier.
   *
   * @param otherwise appended to the advice when the port is taken
   */
  public synchronized WebService startWeb(String otherwise) throws InterruptedException {
    if (runner.stopping()) {
      throw new IllegalStateException("the pipeline is stopping");
    }
    ArticleStore reads = runner.own(Stores.open(settings.storeUrl()));
    return WebServer.start(
        runner, settings, reads, kafka, topics, taxonomy, otherwise, operations, true);
  }

  /** The services started so far (enrich, sink, then web and ingest when started). */
  public List<Service> services() {
    return runner.services();
  }

  /** Imports every source once, waits until all of it is tagged and stored, and reports. */
  public Summary runOnce() throws IOException, InterruptedException {
    long started = System.nanoTime();
    ingest = runner.start(new IngestService(ingestConfig, publisher).once());
    IngestSummary read = ingest.awaitFinished();
    // Waits for raw and then for enrich's repartition topics (the story stage) to be consumed.
    Progress.awaitConsumed(
        kafka.clientProps(),
        settings.getString(Settings.ENRICH_APPLICATION_ID),
        topics.raw().name(),
        Duration.ofMinutes(2));
    sink.awaitCaughtUp(Duration.ofMillis(300));
    return new Summary(
        kafka.describe(),
        Stores.describe(settings.storeUrl()),
        read,
        enrich.counters().tagged(),
        enrich.counters().deadLetters(),
        sink.stored(),
        sink.deadLettered(),
        store.articleCount(),
        Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * Runs until {@link #close()} (Ctrl-C): sources are watched, new files flow through.
   *
   * @throws IOException if a source directory could not be watched
   * @throws IllegalStateException if another service stopped by itself
   */
  public void runUntilStopped() throws IOException, InterruptedException {
    ingest = runner.start(new IngestService(ingestConfig, publisher));
    Optional<Service> died = runner.awaitStop();
    if (died.isPresent() && died.get() == ingest) {
      ingest.awaitFinished(); // throws what stopped it
    } else {
      ServiceRunner.failIfDied(died);
    }
  }

  /** Stops everything started, in reverse order (sources first, Kafka last). Idempotent. */
  @Override
  public void close() {
    runner.close();
  }

  /** The process's operations endpoints: metrics and the health of every service started. */
  public Operations operations() {
    return operations;
  }

  /** Lag gauges of the sink's and enrich's groups, refreshed every few seconds. */
  public static ConsumerLag lag(Settings settings, KafkaConnection kafka, MeterRegistry registry) {
    return ConsumerLag.start(
        kafka.clientProps(),
        registry,
        List.of(
            settings.getString(Settings.SINK_GROUP_ID),
            settings.getString(Settings.ENRICH_APPLICATION_ID)),
        Duration.ofSeconds(5));
  }

  /** How enrich groups articles into stories ({@code enrich.story.*}). */
  public static StoryRules storyRules(Settings settings) {
    return StoryRules.ofDays(
        settings.getInt(Settings.ENRICH_STORY_WINDOW_DAYS),
        settings.getDouble(Settings.ENRICH_STORY_SIMILARITY));
  }

  /**
   * Streams settings: pass-through client properties, application id, state under data.dir, and
   * static membership under {@code id} (Streams adds {@code -<thread>} for each stream thread).
   */
  public static Map<String, Object> enrichProps(
      Settings settings, KafkaConnection kafka, InstanceId id) {
    return enrichProps(settings, kafka, id, false);
  }

  private static Map<String, Object> enrichProps(
      Settings settings, KafkaConnection kafka, InstanceId id, boolean bulk) {
    Map<String, Object> props = enrichDefaults(settings, kafka.clientProps(), bulk);
    props.put(
        StreamsConfig.APPLICATION_ID_CONFIG, settings.getString(Settings.ENRICH_APPLICATION_ID));
    props.putIfAbsent(
        StreamsConfig.STATE_DIR_CONFIG, settings.dataDir().resolve("streams").toString());
    return id.applyTo(props);
  }

  /**
   * {@code client} plus the Streams settings enrich runs with wherever it runs ({@code up}, {@code
   * enrich}, {@code bench}): its thread count and commit interval, unless {@code client} sets them.
   */
  public static Map<String, Object> enrichDefaults(Settings settings, Map<String, Object> client) {
    return enrichDefaults(settings, client, false);
  }

  /**
   * As {@link #enrichDefaults(Settings, Map)}; {@code bulk} (a one-off import, {@code up --once})
   * commits every {@value #BULK_COMMIT_INTERVAL_MS} ms instead.
   */
  public static Map<String, Object> enrichDefaults(
      Settings settings, Map<String, Object> client, boolean bulk) {
    Map<String, Object> props = new HashMap<>(client);
    props.putIfAbsent(StreamsConfig.NUM_STREAM_THREADS_CONFIG, enrichThreads(settings));
    props.putIfAbsent(
        StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
        bulk ? BULK_COMMIT_INTERVAL_MS : ENRICH_COMMIT_INTERVAL_MS);
    return props;
  }

  /**
   * How often enrich commits in a bulk import ({@code up --once}), where throughput is what counts:
   * each commit ends two exactly-once transactions (tagging, then the story task) and waits for
   * them. {@code up --once} over 20,000 generated articles, alternated on a 2-core machine:
   * 62.1-67.8 s (median 64.6) in five runs at 50 ms, 48.1-67.9 s (median 54.9) in five at 500 or
   * 1,000 ms. The sink sees articles a commit later, at most this much. {@code
   * kafka.commit.interval.ms} overrides it.
   */
  public static final int BULK_COMMIT_INTERVAL_MS = 1000;

  /**
   * How often enrich commits its transactions (Streams' default under exactly-once is 100 ms). An
   * article is visible downstream only once the transaction that wrote it commits, and it crosses
   * two (tagging, then the story task), so this interval is most of the time from ingest to the
   * store: at 200 articles/s offered, p99 from record timestamp to store commit was 276-315 ms with
   * 100 ms and 194 ms with 50 ms; 20 ms committed so often that the tail grew (p99 537 ms). {@code
   * kafka.commit.interval.ms} overrides it.
   */
  public static final int ENRICH_COMMIT_INTERVAL_MS = 50;

  /**
   * One stream thread per enrich task: a tagging task per raw partition and the story task. The
   * story task is the slowest (one task for every article), and with fewer threads Streams gives
   * its thread a tagging task too, which took 15 % of that thread's time in the profile (JFR,
   * {@code newspipe bench}). Which thread runs a task does not change its results.
   */
  public static int enrichThreads(Settings settings) {
    return TopicAdmin.policy(settings).partitions() + 1;
  }

  /** The sink's Kafka settings: pass-through client properties and static membership. */
  public static Map<String, Object> sinkProps(KafkaConnection kafka, InstanceId id) {
    return id.applyTo(new HashMap<>(kafka.clientProps()));
  }

  public static IngestConfig ingestConfig(Settings settings) {
    List<IngestConfig.DirectorySpec> dirs = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Path dir : settings.sources()) {
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException(
            "source directory "
                + dir.toAbsolutePath()
                + " does not exist; create it, or pass --source DIR (or set sources in"
                + " newspipe.yaml)");
      }
      dirs.add(new IngestConfig.DirectorySpec(sourceId(dir, ids), dir));
    }
    SourceSettings sourceSettings =
        SourceSettings.DEFAULTS
            .withMaxDocumentBytes(settings.getLong(Settings.INGEST_MAX_FILE_BYTES))
            .withFollowLinks(settings.getBoolean(Settings.SOURCES_FOLLOW_LINKS));
    List<FeedSpec> feeds = settings.getList(Settings.FEEDS).stream().map(FeedSpec::parse).toList();
    HttpSettings http =
        new HttpSettings(
            Duration.ofMillis(settings.getLong(Settings.INGEST_HTTP_CONNECT_TIMEOUT_MS)),
            Duration.ofMillis(settings.getLong(Settings.INGEST_HTTP_READ_TIMEOUT_MS)),
            settings.getLong(Settings.INGEST_HTTP_MAX_BODY_BYTES),
            HttpSettings.DEFAULTS.maxRedirects(),
            Duration.ofMillis(settings.getLong(Settings.INGEST_HTTP_PER_HOST_INTERVAL_MS)),
            HttpSettings.DEFAULTS.maxBackoff(),
            HttpSettings.DEFAULTS.userAgent(),
            settings.getInt(Settings.INGEST_FEEDS_SILENT_FACTOR));
    return new IngestConfig(dirs, null, sourceSettings, feeds, http);
  }

  /** A stable source id from the directory name (ids are part of article ids). */
  static String sourceId(Path dir, Set<String> taken) {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    String base =
        (name == null ? "root" : name.toString())
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9._-]+", "-")
            .replaceAll("^[^a-z0-9]+", "");
    if (base.isEmpty()) {
      base = "source";
    }
    if (base.length() > 60) {
      base = base.substring(0, 60);
    }
    String id = base;
    for (int i = 2; !taken.add(id); i++) {
      id = base + "-" + i;
    }
    return id;
  }

  /** What one {@code up --once} did. */
  public record Summary(
      String kafka,
      String store,
      IngestSummary ingest,
      long tagged,
      long enrichDeadLettered,
      long stored,
      long sinkDeadLettered,
      long inStore,
      Duration took) {

    public long deadLettered() {
      return ingest.deadLettered() + enrichDeadLettered + sinkDeadLettered;
    }

    /** One screen for people. */
    public String render() {
      return String.join(
          "\n",
          String.format("newspipe up --once finished in %.1f s", took.toMillis() / 1000.0),
          "  kafka          " + kafka,
          String.format(
              "  read           %d articles from %d files (%d files rejected)",
              ingest.published(), ingest.filesRead(), ingest.filesRejected()),
          String.format("  tagged         %d articles processed by enrich", tagged),
          String.format("  stored         %d articles written (%d in %s)", stored, inStore, store),
          String.format(
              "  dead-lettered  %d (ingest %d, enrich %d, sink %d) -> news.dlq",
              deadLettered(), ingest.deadLettered(), enrichDeadLettered, sinkDeadLettered));
    }
  }
}
