package io.newspipe.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.newspipe.app.broker.EmbeddedBroker;
import io.newspipe.app.config.Settings;
import io.newspipe.app.run.KafkaConnection;
import io.newspipe.app.run.Pipeline;
import io.newspipe.app.run.Progress;
import io.newspipe.app.run.TopicAdmin;
import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.enrich.taxonomy.Taxonomy;
import io.newspipe.enrich.topology.EnrichService;
import io.newspipe.ingest.IngestService;
import io.newspipe.ingest.IngestSummary;
import io.newspipe.ingest.publish.ArticlePublisher;
import io.newspipe.schemas.EventTypes;
import io.newspipe.schemas.TopicSet;
import io.newspipe.sink.consume.SinkService;
import io.newspipe.store.ArticleStore;
import io.newspipe.store.Stores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code newspipe bench}: the machine's ceilings, each stage alone and the whole pipeline, in one
 * run on the embedded broker, printed as a table and written as JSON. See README, "Performance".
 */
public final class Bench {

  private static final Logger LOG = LoggerFactory.getLogger(Bench.class);
  private static final Duration IDLE = Duration.ofMillis(300);
  private static final Pattern FINISHED = Pattern.compile("finished in ([0-9.]+) s");
  private static final Pattern STORED = Pattern.compile("stored\\s+(\\d+) articles written");

  static final String USAGE =
      "usage: newspipe bench [--articles N (100000)] [--seed S (1)] [--source DIR]"
          + " [--rate R (200)] [--latency-seconds S (20)] [--store JDBC_URL] [--out DIR"
          + " (target/bench)] [--work-dir DIR] [--keep] [--enrich-only]";

  /** The options of one run. */
  record Options(
      int articles,
      long seed,
      Path source,
      int rate,
      int latencySeconds,
      String store,
      Path out,
      Path workDir,
      boolean keep,
      boolean enrichOnly) {

    static Options parse(String... args) {
      int articles = 100_000;
      long seed = 1;
      Path source = null;
      int rate = 200;
      int latencySeconds = 20;
      String store = null;
      Path out = Paths.get("target", "bench");
      Path work = null;
      boolean keep = false;
      boolean enrichOnly = false;
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--keep")) {
          keep = true;
          continue;
        }
        if (a.equals("--enrich-only")) {
          enrichOnly = true;
          continue;
        }
        if (a.equals("-h") || a.equals("--help")) {
          throw new IllegalArgumentException(USAGE);
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(a + " needs a value; " + USAGE);
        }
        String v = args[++i];
        switch (a) {
          case "--articles" -> articles = positive(a, v);
          case "--seed" -> seed = Long.parseLong(v);
          case "--source" -> source = Paths.get(v);
          case "--rate" -> rate = positive(a, v);
          case "--latency-seconds" -> latencySeconds = positive(a, v);
          case "--store" -> store = v;
          case "--out" -> out = Paths.get(v);
          case "--work-dir" -> work = Paths.get(v);
          default -> throw new IllegalArgumentException("unknown option " + a + "; " + USAGE);
        }
      }
      if (source != null && !Files.isDirectory(source)) {
        throw new IllegalArgumentException("--source " + source + " is not a directory");
      }
      if (store != null && !store.startsWith("jdbc:postgresql:") && !store.startsWith("sqlite:")) {
        throw new IllegalArgumentException(
            "--store takes jdbc:postgresql://HOST:PORT/DB?user=... (SQLite is the default)");
      }
      return new Options(
          articles, seed, source, rate, latencySeconds, store, out, work, keep, enrichOnly);
    }

    private static int positive(String option, String value) {
      int n = Integer.parseInt(value);
      if (n <= 0) {
        throw new IllegalArgumentException(option + " must be positive, not " + value);
      }
      return n;
    }
  }

  /** Everything one run measured. */
  record Result(
      Map<String, Object> run,
      List<Figure> figures,
      Figure pipeline,
      double ratioToSlowest,
      String slowest,
      long pipelinePeakRssBytes,
      long benchPeakRssBytes,
      Map<String, Long> latencyMillis) {}

  private final Options options;
  private final Path work;
  private final List<Figure> figures = new ArrayList<>();
  private final List<Runnable> cleanup = new ArrayList<>();

  private Bench(Options options, Path work) {
    this.options = options;
    this.work = work;
  }

  public static void main(String[] args) throws Exception {
    // Kafka and Streams leave non-daemon threads behind: end the JVM when done.
    System.exit(cli(args));
  }

  /** Runs from the command line; returns the exit code. */
  static int cli(String... args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("newspipe bench: " + e.getMessage());
      return 2;
    }
    Result result = run(options);
    Path json = write(result, options.out());
    System.out.println(render(result));
    System.out.println("JSON: " + json.toAbsolutePath());
    return 0;
  }

  /** Runs every measurement; the work directory is deleted afterwards unless {@code keep}. */
  static Result run(Options options) throws Exception {
    EventTypes.trust();
    Path work =
        options.workDir() != null
            ? Files.createDirectories(options.workDir())
            : Files.createTempDirectory("newspipe-bench-");
    Bench bench = new Bench(options, work);
    try {
      return bench.measure();
    } finally {
      for (Runnable r : bench.cleanup) {
        r.run();
      }
      if (!options.keep()) {
        deleteTree(work);
      }
    }
  }

  private Result measure() throws Exception {
    double load = loadAverage();
    Instant started = Instant.now();
    Path corpus;
    int n;
    long bytes;
    if (options.source() != null) {
      corpus = options.source();
      long[] counted = countFiles(corpus);
      n = (int) counted[0];
      bytes = counted[1];
      LOG.info("source {}: {} files, {} MB", corpus, n, bytes / 1_000_000);
    } else {
      corpus = work.resolve("corpus");
      n = options.articles();
      long t = System.nanoTime();
      bytes = new Corpus(options.seed()).write(corpus, n);
      LOG.info(
          "generated {} articles ({} MB) in {} s",
          n,
          bytes / 1_000_000,
          secs(System.nanoTime() - t));
    }
    int recordSize = (int) Math.max(1, bytes / Math.max(1, n));

    Map<String, Long> latency;
    try (EmbeddedBroker broker =
        EmbeddedBroker.start(work.resolve("kafka"), brokerPort(), controllerPort())) {
      Settings settings = settings(broker.bootstrapServers(), corpus);
      try (KafkaConnection kafka = KafkaConnection.open(settings)) {
        Map<String, Object> client = kafka.clientProps();
        TopicSet stage = TopicSet.DEFAULT.withNamespace("bench-stage");
        TopicAdmin.ensureCore(kafka, settings, stage);

        LOG.info("ceiling: Kafka produce->consume of {} records of {} bytes", n, recordSize);
        record(Ceilings.kafka(client, "bench-ceiling", n, recordSize));
        LOG.info("ceiling: Streams exactly_once_v2 passthrough");
        record(
            Ceilings.streams(
                client, "bench-ceiling", n, bytes, work.resolve("streams-ceiling").toString()));

        LOG.info("stage: import {} files -> raw", n);
        Figure imported = importStage(settings, client, stage, n, bytes);
        record(imported);
        LOG.info("stage: enrich raw -> tagged");
        Figure enriched = enrichStage(settings, client, stage, imported.items(), bytes);
        record(enriched);
        if (options.enrichOnly()) {
          // For profiling the enrich stage: import and enrich only, nothing else measured.
          return new Result(
              runInfo(started, corpus, n, bytes, load, 0),
              List.copyOf(figures),
              enriched,
              1,
              enriched.name(),
              0,
              peakRss(Path.of("/proc/self/status")),
              Map.of());
        }

        LOG.info("ceiling: store bulk insert with search index");
        try (ArticleStore store = freshStore("bulk")) {
          record(Ceilings.store(client, stage, store, (int) imported.items(), bytes));
        }
        LOG.info("stage: sink tagged -> store");
        record(sinkStage(client, stage, imported.items(), bytes));

        LOG.info(
            "latency: {} articles/s offered for {} s", options.rate(), options.latencySeconds());
        latency = latency(settings, client);
      }
    }

    LOG.info("pipeline: newspipe up --once over {} files, in a child JVM", n);
    PipelineRun pipeline = pipeline(corpus, n, bytes);
    Figure slowest =
        figures.stream().min(Comparator.comparingDouble(Figure::perSecond)).orElseThrow();
    return new Result(
        runInfo(started, corpus, n, bytes, load, pipeline.wallSeconds()),
        List.copyOf(figures),
        pipeline.figure(),
        pipeline.figure().perSecond() / slowest.perSecond(),
        slowest.name(),
        pipeline.peakRssBytes(),
        peakRss(Path.of("/proc/self/status")),
        latency);
  }

  private Map<String, Object> runInfo(
      Instant started, Path corpus, int n, long bytes, double load, double pipelineWallSeconds) {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("started", started.toString());
    run.put("articles", n);
    run.put("corpusBytes", bytes);
    run.put(
        "source",
        options.source() == null ? "generated, seed " + options.seed() : corpus.toString());
    run.put("store", options.store() == null ? "SQLite" : "PostgreSQL");
    run.put("rate", options.rate());
    run.put("latencySeconds", options.latencySeconds());
    run.put("cores", Runtime.getRuntime().availableProcessors());
    run.put("loadAverageAtStart", load);
    run.put("loadAverageAtEnd", loadAverage());
    run.put("java", System.getProperty("java.version"));
    run.put("pipelineWallSeconds", pipelineWallSeconds);
    return run;
  }

  private void record(Figure figure) {
    LOG.info("{}", figure.row());
    figures.add(figure);
  }

  private Settings settings(String bootstrap, Path corpus) {
    Map<String, Object> values = new HashMap<>();
    values.put(Settings.DATA_DIR, work.resolve("data").toString());
    values.put(Settings.BOOTSTRAP_SERVERS, bootstrap);
    values.put(Settings.SOURCES, List.of(corpus.toString()));
    values.put(Settings.INSTANCE_ID, "none");
    return new Settings(values);
  }

  private Figure importStage(
      Settings settings, Map<String, Object> client, TopicSet topics, int n, long bytes)
      throws IOException {
    long start = System.nanoTime();
    IngestSummary summary;
    try (ArticlePublisher publisher = new ArticlePublisher(client, topics);
        IngestService ingest = new IngestService(Pipeline.ingestConfig(settings), publisher)) {
      summary = ingest.runOnce();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (summary.published() + summary.deadLettered() != n) {
      LOG.warn("import: {} files but {}", n, summary);
    }
    return new Figure("stage", "import: files -> raw topic", summary.published(), bytes, seconds);
  }

  /** Prefix of the system properties passed to the bench's enrich as Streams settings. */
  private static final String STREAMS_OVERRIDE = "bench.streams.";

  /**
   * Enrich's Streams settings as {@code up} sets them ({@link Pipeline#enrichDefaults}: a thread
   * for each tagging task and the story task, its commit interval, that of {@code up --once} for
   * {@code bulk}), under an application id and state dir of its own; {@code
   * -Dbench.enrich.threads=N}, {@code -Dbench.enrich.commit.ms=N} and {@code
   * -Dbench.streams.<setting>=value} to compare.
   */
  private Map<String, Object> enrichProps(
      Settings settings, Map<String, Object> client, String applicationId, boolean bulk) {
    Map<String, Object> props = Pipeline.enrichDefaults(settings, client, bulk);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.STATE_DIR_CONFIG, work.resolve(applicationId).toString());
    Integer threads = Integer.getInteger("bench.enrich.threads");
    if (threads != null) {
      props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
    }
    Integer commitMs = Integer.getInteger("bench.enrich.commit.ms");
    if (commitMs != null) {
      props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitMs);
    }
    // Any Streams or client setting, to compare: -Dbench.streams.producer.linger.ms=5
    System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith(STREAMS_OVERRIDE))
        .forEach(k -> props.put(k.substring(STREAMS_OVERRIDE.length()), System.getProperty(k)));
    return props;
  }

  private Figure enrichStage(
      Settings settings, Map<String, Object> client, TopicSet topics, long n, long bytes)
      throws InterruptedException {
    Map<String, Object> props = enrichProps(settings, client, "bench-stage-enrich", true);
    EnrichService enrich =
        new EnrichService(
            new Tagger(Taxonomy.loadDefault()),
            topics,
            (String) client.get("bootstrap.servers"),
            props,
            Pipeline.storyRules(settings));
    try {
      long start = System.nanoTime();
      enrich.start();
      Progress.awaitConsumed(
          client, "bench-stage-enrich", topics.raw().name(), Duration.ofMinutes(2));
      double seconds = (System.nanoTime() - start) / 1e9;
      Ceilings.check(enrich.counters().tagged(), n, "enrich");
      return new Figure("stage", "enrich: raw -> tagged (incl. Streams start)", n, bytes, seconds);
    } finally {
      enrich.close(Duration.ofSeconds(30));
    }
  }

  private Figure sinkStage(Map<String, Object> client, TopicSet topics, long n, long bytes) {
    try (ArticleStore store = freshStore("sink")) {
      long start = System.nanoTime();
      long stored;
      try (SinkService sink = new SinkService(client, topics, store, "bench-stage-sink")) {
        sink.runUntilIdle(IDLE);
        stored = sink.stored();
      }
      double seconds = (System.nanoTime() - start - IDLE.toNanos()) / 1e9;
      Ceilings.check(stored, n, "sink");
      return new Figure("stage", "sink: tagged topic -> store", n, bytes, seconds);
    }
  }

  /** Seconds of the latency phase left out of its steady-state percentiles. */
  static final int STEADY_AFTER_SECONDS = 5;

  private long phaseStartMillis;

  /**
   * Offers generated articles to the raw topic at {@code --rate} per second for {@code
   * --latency-seconds}, with enrich and the sink running, and reads each article's time from its
   * record timestamp (its publication time, set as it is sent) to the commit of its store
   * transaction.
   */
  private Map<String, Long> latency(Settings settings, Map<String, Object> client)
      throws Exception {
    TopicSet topics = TopicSet.DEFAULT.withNamespace("bench-latency");
    try (KafkaConnection kafka = KafkaConnection.open(settings)) {
      TopicAdmin.ensureCore(kafka, settings, topics);
    }
    Map<String, Object> props = enrichProps(settings, client, "bench-latency-enrich", false);
    Corpus corpus = new Corpus(options.seed() + 7);
    int offered = options.rate() * options.latencySeconds();
    EnrichService enrich =
        new EnrichService(
            new Tagger(Taxonomy.loadDefault()),
            topics,
            (String) client.get("bootstrap.servers"),
            props,
            Pipeline.storyRules(settings));
    try (ArticleStore store = freshStore("latency");
        ArticlePublisher publisher = new ArticlePublisher(client, topics)) {
      TimedWrites timed = new TimedWrites(store, "bench:" + (options.seed() + 7) + ":");
      enrich.start();
      SinkService sink = new SinkService(client, topics, timed, "bench-latency-sink");
      Thread sinkThread = new Thread(sink::run, "bench-latency-sink");
      sinkThread.start();
      try {
        // Warm-up: one article through, so the clock starts with every stage assigned and ready.
        publisher
            .publish(new Corpus(options.seed() + 8).article(0, Instant.now()))
            .get(1, TimeUnit.MINUTES);
        long warmDeadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (store.articleCount() < 1 && System.nanoTime() < warmDeadline) {
          Thread.sleep(50);
        }
        phaseStartMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        long interval = 1_000_000_000L / options.rate();
        for (int i = 0; i < offered; i++) {
          long due = start + i * interval;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
          publisher.publish(corpus.article(i, Instant.now()));
        }
        publisher.flush();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (timed.count() < offered && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        Ceilings.check(timed.count(), offered, "latency run");
      } finally {
        sink.close();
        sinkThread.join(TimeUnit.SECONDS.toMillis(30));
      }
      Map<String, Long> latency = new LinkedHashMap<>();
      latency.put("offered", (long) offered);
      latency.put("p50", timed.percentile(0.50));
      latency.put("p95", timed.percentile(0.95));
      latency.put("p99", timed.percentile(0.99));
      latency.put("max", timed.percentile(1.0));
      // The same after the first seconds, without what a fresh Streams application costs once at
      // start (rebalances, its first transactions): the steady state, reported beside the whole.
      long steadyFrom = phaseStartMillis + TimeUnit.SECONDS.toMillis(STEADY_AFTER_SECONDS);
      latency.put("steadyP50", timed.percentile(0.50, steadyFrom));
      latency.put("steadyP95", timed.percentile(0.95, steadyFrom));
      latency.put("steadyP99", timed.percentile(0.99, steadyFrom));
      latency.put("steadyMax", timed.percentile(1.0, steadyFrom));
      LOG.info(
          "latency: the worst article of each second of the phase, ms: {}",
          timed.worstBySecond(phaseStartMillis, options.latencySeconds()));
      return latency;
    } finally {
      enrich.close(Duration.ofSeconds(30));
    }
  }

  /** The outcome of {@code newspipe up --once} in a child JVM. */
  record PipelineRun(Figure figure, double wallSeconds, long peakRssBytes) {}

  /**
   * Runs {@code newspipe up --once} over the corpus in a child JVM (its own embedded broker, data
   * directory and store), as a user would, and reads its duration from its summary and its peak
   * resident memory from {@code /proc/<pid>/status} while it runs.
   */
  private PipelineRun pipeline(Path corpus, int n, long bytes) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String javaOpts = System.getenv("NEWSPIPE_JAVA_OPTS");
    if (javaOpts != null && !javaOpts.isBlank()) {
      command.addAll(List.of(javaOpts.trim().split("\\s+")));
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "io.newspipe.app.Newspipe",
            "up",
            "--once",
            "--no-web",
            "--data-dir",
            work.resolve("pipeline").toString(),
            "--source",
            corpus.toString()));
    if (options.store() != null) {
      command.addAll(List.of("--store", schemaUrl("pipeline")));
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("NEWSPIPE_BROKER_PORT", Integer.toString(freePort()));
    builder.environment().put("NEWSPIPE_BROKER_CONTROLLER_PORT", Integer.toString(freePort()));
    long start = System.nanoTime();
    Process child = builder.start();
    Path status = Path.of("/proc", Long.toString(child.pid()), "status");
    long[] peak = {0};
    Thread watcher =
        new Thread(
            () -> {
              while (child.isAlive()) {
                peak[0] = Math.max(peak[0], peakRss(status));
                try {
                  Thread.sleep(100);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "bench-rss");
    watcher.setDaemon(true);
    watcher.start();
    StringBuilder output = new StringBuilder();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        output.append(line).append('\n');
      }
    }
    if (!child.waitFor(15, TimeUnit.MINUTES) || child.exitValue() != 0) {
      throw new IllegalStateException("newspipe up --once failed:\n" + output);
    }
    double wall = (System.nanoTime() - start) / 1e9;
    watcher.interrupt();
    Matcher took = FINISHED.matcher(output);
    Matcher stored = STORED.matcher(output);
    if (!took.find() || !stored.find()) {
      throw new IllegalStateException("no summary from newspipe up --once:\n" + output);
    }
    long storedCount = Long.parseLong(stored.group(1));
    Ceilings.check(storedCount, n, "newspipe up --once");
    Figure figure =
        new Figure(
            "pipeline",
            "newspipe up --once: files -> store",
            storedCount,
            bytes,
            Double.parseDouble(took.group(1)));
    return new PipelineRun(figure, wall, peak[0]);
  }

  private ArticleStore freshStore(String name) {
    if (options.store() == null) {
      return Stores.open("sqlite:" + work.resolve("store-" + name + ".db"));
    }
    return Stores.open(schemaUrl(name));
  }

  /** A new PostgreSQL schema for one measurement, dropped at the end of the run. */
  private String schemaUrl(String name) {
    String base = options.store();
    String schema = "bench_" + name + "_" + System.currentTimeMillis();
    execute(base, "CREATE SCHEMA " + schema);
    cleanup.add(() -> execute(base, "DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static void execute(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + url + ": " + e.getMessage(), e);
    }
  }

  static String render(Result r) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "newspipe bench: %s articles (%s), store %s, %s cores, load average %.1f at start,"
                + " %.1f at end%n%n",
            r.run().get("articles"),
            r.run().get("source"),
            r.run().get("store"),
            r.run().get("cores"),
            (Double) r.run().get("loadAverageAtStart"),
            (Double) r.run().get("loadAverageAtEnd")));
    b.append(Figure.header()).append('\n');
    for (Figure f : r.figures()) {
      b.append(f.row()).append('\n');
    }
    if (r.latencyMillis().isEmpty()) {
      return b.toString(); // --enrich-only: no pipeline, no latency
    }
    b.append(r.pipeline().row()).append('\n');
    b.append(
        String.format(
            Locale.ROOT,
            "%npipeline / slowest single measurement (%s): %.2f%n",
            r.slowest(),
            r.ratioToSlowest()));
    b.append(
        String.format(
            Locale.ROOT,
            "peak RSS: newspipe up --once %d MB (this bench process %d MB)%n",
            r.pipelinePeakRssBytes() / 1_048_576,
            r.benchPeakRssBytes() / 1_048_576));
    Map<String, Long> l = r.latencyMillis();
    b.append(
        String.format(
            Locale.ROOT,
            "latency record timestamp -> store commit at %s articles/s offered (%d articles):"
                + " p50 %d ms, p95 %d ms, p99 %d ms, max %d ms",
            r.run().get("rate"),
            l.get("offered"),
            l.get("p50"),
            l.get("p95"),
            l.get("p99"),
            l.get("max")));
    if (l.get("steadyP99") != null && l.get("steadyP99") >= 0) {
      b.append(
          String.format(
              Locale.ROOT,
              "%n  after its first %d s (the steady state): p50 %d ms, p95 %d ms, p99 %d ms, max %d"
                  + " ms",
              STEADY_AFTER_SECONDS,
              l.get("steadyP50"),
              l.get("steadyP95"),
              l.get("steadyP99"),
              l.get("steadyMax")));
    }
    return b.toString();
  }

  static Path write(Result r, Path dir) throws IOException {
    Files.createDirectories(dir);
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC)
            .format(Instant.now());
    Path file = dir.resolve("bench-" + stamp + ".json");
    Map<String, Object> json = new LinkedHashMap<>(r.run());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Figure f : concat(r.figures(), r.pipeline())) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("kind", f.group());
      row.put("what", f.name());
      row.put("articles", f.items());
      row.put("seconds", f.seconds());
      row.put("articlesPerSecond", f.perSecond());
      row.put("megabytesPerSecond", f.megabytesPerSecond());
      rows.add(row);
    }
    json.put("figures", rows);
    json.put("pipelineToSlowest", r.ratioToSlowest());
    json.put("slowest", r.slowest());
    json.put("pipelinePeakRssBytes", r.pipelinePeakRssBytes());
    json.put("benchPeakRssBytes", r.benchPeakRssBytes());
    json.put("latencyMillis", r.latencyMillis());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    return file;
  }

  private static List<Figure> concat(List<Figure> figures, Figure last) {
    List<Figure> all = new ArrayList<>(figures);
    all.add(last);
    return all;
  }

  /** VmHWM (peak resident set) from a {@code /proc/<pid>/status} file, in bytes; 0 if unknown. */
  static long peakRss(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process has gone, or this is not Linux
    }
    return 0;
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static long[] countFiles(Path dir) throws IOException {
    long[] counted = new long[2];
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .filter(Files::isRegularFile)
          .forEach(
              f -> {
                counted[0]++;
                try {
                  counted[1] += Files.size(f);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    return counted;
  }

  private static int brokerPort() throws IOException {
    String env = System.getenv("NEWSPIPE_BROKER_PORT");
    return env != null ? Integer.parseInt(env) : freePort();
  }

  private static int controllerPort() throws IOException {
    String env = System.getenv("NEWSPIPE_BROKER_CONTROLLER_PORT");
    return env != null ? Integer.parseInt(env) : freePort();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String secs(long nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("could not delete {}: {}", dir, e.toString());
    }
  }
}
