package io.newspipe.app.run;

import io.newspipe.app.config.Settings;
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
import io.newspipe.sink.consume.SinkService;
import io.newspipe.store.ArticleStore;
import io.newspipe.store.Stores;
import io.newspipe.web.WebService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
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
  private final List<AutoCloseable> opened = new ArrayList<>();
  private KafkaConnection kafka;
  private EnrichService enrich;
  private Taxonomy taxonomy;
  private ArticleStore store;
  private SinkService sink;
  private ArticlePublisher publisher;
  private IngestService ingest;
  private Thread sinkThread;
  private volatile boolean closed;

  private Pipeline(Settings settings, TopicSet topics) {
    this.settings = settings;
    this.topics = topics;
  }

  /** Connects to (or starts) Kafka, creates topics, and starts enrich; ingest/sink wait for run. */
  public static Pipeline start(Settings settings, TopicSet topics) {
    Pipeline p = new Pipeline(settings, topics);
    try {
      p.open();
      return p;
    } catch (RuntimeException e) {
      p.close();
      throw e;
    }
  }

  private void open() {
    IngestConfig ingestConfig = ingestConfig(settings); // validate sources before starting Kafka
    kafka = KafkaConnection.open(settings);
    opened.add(kafka);
    LOG.info("{}", kafka.describe());
    TopicAdmin.ensureCore(kafka, settings, topics);

    taxonomy = Taxonomies.load(settings);
    InstanceId enrichId = InstanceId.claim(settings, "enrich");
    opened.add(enrichId);
    enrich =
        new EnrichService(
            new Tagger(taxonomy),
            topics,
            kafka.bootstrapServers(),
            enrichProps(settings, kafka, enrichId),
            storyRules(settings));
    enrich.topicPolicy(TopicAdmin.policy(settings));
    opened.add(() -> enrich.close(Duration.ofSeconds(30)));
    enrich.start();

    store = Stores.open(settings.storeUrl());
    opened.add(store);
    InstanceId sinkId = InstanceId.claim(settings, "sink");
    opened.add(sinkId);
    sink =
        new SinkService(
            sinkProps(kafka, sinkId), topics, store, settings.getString(Settings.SINK_GROUP_ID));
    opened.add(sink);

    publisher = new ArticlePublisher(kafka.clientProps(), topics);
    opened.add(publisher);
    ingest = new IngestService(ingestConfig, publisher);
    opened.add(ingest);
  }

  /**
   * Starts the web UI and API on its own connection to the store (reads never queue behind the
   * sink's writes); {@link #close()} stops it first.
   *
   * @param otherwise appended to the advice when the port is taken
   */
  public synchronized WebService startWeb(String otherwise) {
    if (closed) {
      throw new IllegalStateException("the pipeline is stopping");
    }
    ArticleStore reads = Stores.open(settings.storeUrl());
    opened.add(reads);
    WebService web = WebServer.start(settings, reads, kafka, topics, taxonomy, otherwise);
    opened.add(web);
    return web;
  }

  /** Imports every source once, waits until all of it is tagged and stored, and reports. */
  public Summary runOnce() throws IOException, InterruptedException {
    long started = System.nanoTime();
    // The sink joins its group and stores while ingest and enrich still work (the stages overlap);
    // it starts watching for the end only once enrich has consumed everything.
    AtomicBoolean upstreamDone = new AtomicBoolean();
    CompletableFuture<Void> stored = new CompletableFuture<>();
    sinkThread =
        new Thread(
            () -> {
              try {
                sink.runUntilIdle(Duration.ofMillis(300), upstreamDone::get);
                stored.complete(null);
              } catch (RuntimeException | Error e) {
                stored.completeExceptionally(e);
              }
            },
            "newspipe-sink");
    sinkThread.start();
    IngestSummary read;
    try {
      read = ingest.runOnce();
      // Waits for raw and then for enrich's repartition topics (the story stage) to be consumed.
      Progress.awaitConsumed(
          kafka.clientProps(),
          settings.getString(Settings.ENRICH_APPLICATION_ID),
          topics.raw().name(),
          Duration.ofMinutes(2));
    } catch (IOException | InterruptedException | RuntimeException e) {
      sink.close();
      throw e;
    }
    upstreamDone.set(true);
    try {
      stored.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }
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

  /** Runs until {@link #close()} (Ctrl-C): sources are watched, new files flow through. */
  public void runUntilStopped() throws IOException {
    sinkThread = new Thread(sink::run, "newspipe-sink");
    sinkThread.start();
    ingest.run(); // blocks until close()
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    // Stop the flow from its start: sources first, Kafka last.
    List<AutoCloseable> reversed = new ArrayList<>(opened);
    java.util.Collections.reverse(reversed);
    for (AutoCloseable c : reversed) {
      try {
        c.close();
        if (c == sink && sinkThread != null) {
          sinkThread.join(Duration.ofSeconds(30).toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        LOG.warn("error while stopping {}: {}", c.getClass().getSimpleName(), e.toString());
      }
    }
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
    Map<String, Object> props = new HashMap<>(kafka.clientProps());
    props.put(
        StreamsConfig.APPLICATION_ID_CONFIG, settings.getString(Settings.ENRICH_APPLICATION_ID));
    props.putIfAbsent(
        StreamsConfig.STATE_DIR_CONFIG, settings.dataDir().resolve("streams").toString());
    // Two threads: tagging (one task per raw partition) and the story stage (its own task behind
    // the repartition topic) then run side by side instead of taking turns on one thread. Which
    // thread runs a task does not change its results.
    props.putIfAbsent(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
    return id.applyTo(props);
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
            HttpSettings.DEFAULTS.userAgent());
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
