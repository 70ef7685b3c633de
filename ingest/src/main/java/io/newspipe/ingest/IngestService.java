package io.newspipe.ingest;

import io.newspipe.ingest.feed.FeedSource;
import io.newspipe.ingest.feed.FeedStateStore;
import io.newspipe.ingest.format.ArticleParser;
import io.newspipe.ingest.fulltext.FullTextSettings;
import io.newspipe.ingest.publish.ArticlePublisher;
import io.newspipe.ingest.source.ArticleSink;
import io.newspipe.ingest.source.DirectorySource;
import io.newspipe.ingest.source.FileLedger;
import io.newspipe.ingest.source.StdinSource;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.FeedState;
import io.newspipe.schemas.lifecycle.CachedCheck;
import io.newspipe.schemas.lifecycle.Health;
import io.newspipe.schemas.lifecycle.Service;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service: reads the configured directories (and stdin) and publishes what it finds.
 *
 * <p>{@link #runOnce()} imports what is there and returns; {@link #run()} imports, then watches the
 * directories until {@link #close()} and returns once everything sent is flushed. As a {@link
 * Service}, {@link #start()} does the same on a thread of its own ({@link #once()} first for a
 * one-shot import), and {@link #awaitFinished()} returns what it did. The publisher belongs to the
 * caller and is not closed here.
 *
 * <p>Ready while the brokers answered the last metadata fetch or send and every source directory is
 * readable; down once closed, finished or failed.
 */
public final class IngestService implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

  /** Partitions of the feed state topic when ingest creates it (it is small and compacted). */
  private static final int STATE_PARTITIONS = 1;

  private final IngestConfig config;
  private final ArticlePublisher publisher;
  private final InputStream stdin;
  private final ArticleParser parser;
  private final List<DirectorySource> sources = new ArrayList<>();
  private final Clock clock;
  private FeedSource feeds;
  private Map<String, FeedState> savedStates;
  private final FileStateLedger ledger;
  private final AtomicLong stdinRejected = new AtomicLong();
  private final CachedCheck sourcesCheck;
  private volatile boolean closed;
  private volatile boolean onceOnly;
  private volatile boolean becameReady;
  private volatile Thread thread;
  private volatile IngestSummary result;
  private volatile Exception failure;

  /** Reads {@code System.in} if the config says so, stamping {@code receivedAt} in UTC. */
  public IngestService(IngestConfig config, ArticlePublisher publisher) {
    this(config, publisher, Clock.systemUTC(), System.in);
  }

  public IngestService(
      IngestConfig config, ArticlePublisher publisher, Clock clock, InputStream stdin) {
    this.config = Objects.requireNonNull(config, "config");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.stdin = stdin;
    this.parser = new ArticleParser(clock);
    this.clock = clock;
    ArticleSink sink = publishingTo(publisher);
    // a publisher built around a test producer has no connection to read the state topic with
    boolean canReadState = !publisher.clientProps().isEmpty();
    this.ledger =
        canReadState && !config.directories().isEmpty()
            ? new FileStateLedger(publisher, this::savedStates, clock)
            : null;
    for (IngestConfig.DirectorySpec d : config.directories()) {
      sources.add(
          new DirectorySource(
              d.path(),
              d.sourceId(),
              config.settings(),
              parser,
              sink,
              ledger == null ? FileLedger.NONE : ledger));
    }
    this.sourcesCheck = new CachedCheck(Duration.ofSeconds(1), this::checkSources);
  }

  @Override
  public String name() {
    return "ingest";
  }

  /** Makes {@link #start()} import what is there once and finish, rather than keep watching. */
  public IngestService once() {
    onceOnly = true;
    return this;
  }

  /**
   * On a thread of its own ({@code newspipe-ingest}): asks the brokers for metadata, then {@link
   * #run()}s (or {@link #runOnce()} after {@link #once()}).
   */
  @Override
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("ingest is already started");
    }
    Thread t = new Thread(this::runOwnThread, "newspipe-ingest");
    thread = t;
    t.start();
  }

  private void runOwnThread() {
    try {
      if (publisher.checkBroker() && sourcesCheck.problem().isEmpty()) {
        becameReady = true;
      }
      result = onceOnly ? runOnce() : run();
    } catch (IOException | RuntimeException e) {
      failure = e;
      LOG.error("ingest stopped: {}", e.getMessage());
    }
  }

  /** Ready once it was; false as soon as it stopped without having been ready. */
  @Override
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Health h = health();
      if (becameReady || h.ready()) {
        becameReady = true;
        return true;
      }
      if (!h.live() || System.nanoTime() - deadline >= 0) {
        return false;
      }
      Thread.sleep(50);
    }
  }

  @Override
  public Health health() {
    Thread t = thread;
    if (t == null) {
      return closed ? Health.down("ingest closed") : Health.notReady("ingest is not started");
    }
    if (!t.isAlive()) {
      Exception failed = failure;
      return failed == null
          ? Health.down("ingest finished: " + summary())
          : Health.down("ingest failed: " + failed.getMessage());
    }
    if (closed) {
      return Health.down("ingest is stopping");
    }
    var broker = publisher.brokerProblem();
    if (broker.isPresent()) {
      return Health.notReady(broker.get());
    }
    var sourcesProblem = sourcesCheck.problem();
    if (sourcesProblem.isPresent()) {
      return Health.notReady(sourcesProblem.get());
    }
    return Health.ready(
        "publishing to "
            + publisher.topics().raw().name()
            + " from "
            + sources.size()
            + " directories and "
            + config.feeds().size()
            + " feeds");
  }

  private void checkSources() {
    for (DirectorySource source : sources) {
      if (!Files.isDirectory(source.directory()) || !Files.isReadable(source.directory())) {
        throw new IllegalStateException(
            "source directory " + source.directory() + " is missing or not readable");
      }
    }
  }

  /**
   * Waits until the thread {@link #start()} began has finished (after {@link #once()}, or once
   * closed) and returns what it did.
   *
   * @throws IOException if a source directory was missing or could not be watched
   */
  public IngestSummary awaitFinished() throws IOException, InterruptedException {
    Thread t = thread;
    if (t == null) {
      throw new IllegalStateException("ingest is not started");
    }
    t.join();
    Exception failed = failure;
    if (failed instanceof IOException io) {
      throw io;
    }
    if (failed instanceof RuntimeException r) {
      throw r;
    }
    return result;
  }

  /** The state topic's records (feeds and files), read once: what earlier runs polled and read. */
  private synchronized Map<String, FeedState> savedStates() {
    if (savedStates == null) {
      savedStates =
          FeedStateStore.load(
              publisher.clientProps(), publisher.topics().ingestState(), STATE_PARTITIONS);
    }
    return savedStates;
  }

  /** Waits for everything sent, and the records of which files were read, to be acknowledged. */
  private void flush() {
    publisher.flush();
    if (ledger != null) {
      ledger.drain();
      publisher.flush();
    }
  }

  /**
   * Imports every existing file (and stdin), waits for the sends, and returns what happened.
   *
   * @throws IOException if a source directory is missing or cannot be listed
   */
  public IngestSummary runOnce() throws IOException {
    importAll();
    if (feedSource() != null && !closed) {
      try {
        feeds.pollAllOnce();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    flush();
    return summary();
  }

  /** The feed poller, created on first use (it reads the saved feed state from Kafka). */
  private synchronized FeedSource feedSource() {
    if (feeds == null && !config.feeds().isEmpty()) {
      Map<String, FeedState> states = savedStates();
      feeds =
          new FeedSource(
              config.feeds(),
              states,
              config.http(),
              FullTextSettings.DEFAULTS,
              parser,
              publisher,
              clock);
      long known = config.feeds().stream().filter(f -> states.containsKey(f.id())).count();
      LOG.info("polling {} feed(s); state of {} known from earlier runs", feeds.feeds(), known);
    }
    return feeds;
  }

  /**
   * Imports, then watches every directory until {@link #close()} or an interrupt. Blocks.
   *
   * @throws IOException if a directory is missing or cannot be watched (the others stop too)
   */
  public IngestSummary run() throws IOException {
    importAll();
    flush();
    if (feedSource() != null && !closed) {
      feeds.start();
    }
    AtomicReference<IOException> failure = new AtomicReference<>();
    List<Thread> watchers = new ArrayList<>();
    for (DirectorySource source : sources) {
      Thread t = new Thread(() -> watch(source, failure), "newspipe-watch-" + source.sourceId());
      watchers.add(t);
      t.start();
    }
    boolean interrupted = false;
    if (watchers.isEmpty() && feeds != null) {
      // feeds only: block here until close() like the directory watchers would
      synchronized (this) {
        while (!closed) {
          try {
            wait(500);
          } catch (InterruptedException e) {
            interrupted = true;
            stop();
          }
        }
      }
    }
    for (Thread t : watchers) {
      while (t.isAlive()) {
        try {
          t.join();
        } catch (InterruptedException e) {
          interrupted = true;
          stop();
        }
      }
    }
    flush();
    if (ledger != null) {
      ledger.close();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    return summary();
  }

  private void watch(DirectorySource source, AtomicReference<IOException> failure) {
    try {
      source.watch();
    } catch (IOException | UncheckedIOException e) {
      IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      LOG.error("stopped ingesting: watching {} failed: {}", source.directory(), io.getMessage());
      failure.compareAndSet(null, io);
      stop();
    }
  }

  private void importAll() throws IOException {
    for (DirectorySource source : sources) {
      if (closed) {
        return;
      }
      source.importExisting();
    }
    if (config.stdinSourceId() != null && stdin != null && !closed) {
      StdinSource source =
          new StdinSource(stdin, config.stdinSourceId(), config.settings(), parser);
      source.readInto(publishingTo(publisher));
      stdinRejected.addAndGet(source.rejected());
    }
  }

  /** Counts so far; acknowledged counts are only final after a flush. */
  public IngestSummary summary() {
    long read = 0;
    long rejected = stdinRejected.get();
    for (DirectorySource source : sources) {
      read += source.filesRead();
      rejected += source.filesRejected();
    }
    return new IngestSummary(
        read, rejected, publisher.published(), publisher.deadLettered(), publisher.failed());
  }

  /**
   * Stops importing and watching; {@link #run()} then flushes and returns. When started as a
   * service, waits up to 30 s for its thread to finish. Idempotent.
   */
  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  /**
   * As {@link #close()}, waiting at most {@code deadline} for the thread {@link #start()} began.
   */
  @Override
  public void close(Duration deadline) {
    stop();
    Thread t = thread;
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join(Math.max(1, deadline.toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (t.isAlive()) {
        LOG.warn("ingest did not finish within {}; what it sent is flushed on close", deadline);
      }
    }
  }

  private void stop() {
    closed = true;
    sources.forEach(DirectorySource::close);
    FeedSource f;
    synchronized (this) {
      f = feeds;
      notifyAll();
    }
    if (f != null) {
      f.close();
    }
  }

  /**
   * A sink that publishes articles and dead-letters rejected documents through {@code publisher}.
   */
  public static ArticleSink publishingTo(ArticlePublisher publisher) {
    return new ArticleSink() {
      @Override
      public void accept(Article article) {
        publisher.publish(article);
      }

      @Override
      public void reject(String document, byte[] payload, Exception reason) {
        publisher.deadLetter(document, payload, reason);
      }

      @Override
      public CompletableFuture<?> send(Article article) {
        return publisher.publish(article);
      }

      @Override
      public CompletableFuture<?> sendRejected(String document, byte[] payload, Exception reason) {
        return publisher.deadLetter(document, payload, reason);
      }
    };
  }
}
