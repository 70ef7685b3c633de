package io.newspipe.ingest.source;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import io.newspipe.ingest.format.ArticleIds;
import io.newspipe.ingest.format.ArticleParser;
import io.newspipe.ingest.format.ContentHash;
import io.newspipe.ingest.format.Origin;
import io.newspipe.ingest.format.ParseException;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.logging.LogContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory of article files (text, Markdown, RSS/Atom; recursive) as a source.
 *
 * <p>{@link #importExisting()} reads what is there; {@link #watch()} then blocks, reading every
 * file that is added or changed, until {@link #close()} or an interrupt. Changes arrive through
 * {@link WatchService}, with a periodic re-listing as a fallback for lost events. A file is read
 * only once its size and modification time have stayed the same for the settle time; writers that
 * pause longer than that should write to a hidden or {@code .tmp} name and rename, which is also
 * what editors do. A file whose bytes did not change since it was last read is not re-published.
 *
 * <p>Every article goes to the {@link ArticleSink}; every file that cannot be read or parsed is
 * rejected there with its (capped) bytes, and the source carries on, whatever the parser threw. A
 * {@link FileLedger} remembers across restarts what was published or rejected, so an unchanged file
 * is neither published nor dead-lettered twice.
 *
 * <p>The source never reads outside its directory: symbolic links are skipped unless {@link
 * SourceSettings#followLinks()}, and then followed only to targets inside the directory; special
 * files (FIFOs, devices) are skipped. Each skipped path is logged once.
 */
public final class DirectorySource implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DirectorySource.class);

  /** How often pending files are checked for having settled. */
  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final Path dir;
  private final String sourceId;
  private final SourceSettings settings;
  private final ArticleParser parser;
  private final ArticleSink sink;
  private final FileLedger ledger;

  /** Paths skipped as links or special files, each logged once. */
  private final Set<Path> reportedSkips = ConcurrentHashMap.newKeySet();

  /** What was last read from each file, to skip unchanged re-reads. */
  private final Map<Path, Seen> seen = new ConcurrentHashMap<>();

  /** Files changed since last read, waiting to settle; touched by the watching thread only. */
  private final Map<Path, Pending> pending = new HashMap<>();

  private final Map<WatchKey, Path> watchedDirs = new HashMap<>();
  private final AtomicLong filesRead = new AtomicLong();
  private final AtomicLong filesRejected = new AtomicLong();
  private volatile boolean closed;
  private volatile WatchService watcher;

  private record Seen(FileStamp stamp, byte[] digest) {}

  private static final class Pending {
    FileStamp stamp;
    long since;

    Pending(FileStamp stamp, long since) {
      this.stamp = stamp;
      this.since = since;
    }
  }

  public DirectorySource(
      Path dir, String sourceId, SourceSettings settings, ArticleParser parser, ArticleSink sink) {
    this(dir, sourceId, settings, parser, sink, FileLedger.NONE);
  }

  public DirectorySource(
      Path dir,
      String sourceId,
      SourceSettings settings,
      ArticleParser parser,
      ArticleSink sink,
      FileLedger ledger) {
    this.dir = dir.toAbsolutePath().normalize();
    this.sourceId = ArticleIds.requireValidSourceId(sourceId);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.parser = Objects.requireNonNull(parser, "parser");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
  }

  public Path directory() {
    return dir;
  }

  public String sourceId() {
    return sourceId;
  }

  /** Files read so far (parsed or rejected), not counting unchanged re-reads. */
  public long filesRead() {
    return filesRead.get();
  }

  /** Files rejected so far. */
  public long filesRejected() {
    return filesRejected.get();
  }

  /**
   * Reads every supported file below the directory once, in path order.
   *
   * @return the number of files read
   * @throws IOException if the directory itself cannot be listed (bad files are rejected instead)
   */
  public int importExisting() throws IOException {
    requireDirectory();
    int count = 0;
    for (Path file : list(dir).files()) {
      if (closed) {
        break;
      }
      FileStamp stamp = FileStamp.of(file);
      if (stamp != null && ingest(file, stamp)) {
        count++;
      }
    }
    LOG.info("imported {} file(s) from {} (source '{}')", count, dir, sourceId);
    return count;
  }

  /**
   * Watches the directory, reading new and changed files, until {@link #close()} is called or the
   * calling thread is interrupted (the interrupt flag is then left set). Blocks.
   *
   * @throws IOException if the directory cannot be watched at all
   */
  public void watch() throws IOException {
    requireDirectory();
    try (WatchService service = dir.getFileSystem().newWatchService()) {
      watcher = service;
      if (closed) {
        return;
      }
      LOG.info(
          "watching {} for new and changed files (source '{}', rescan every {} ms)",
          dir,
          sourceId,
          settings.rescanInterval().toMillis());
      loop(service);
    } catch (ClosedWatchServiceException e) {
      // close() closed the service to wake the poll: a normal stop.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      watcher = null;
      watchedDirs.clear();
      LOG.info("stopped watching {}", dir);
    }
  }

  private void loop(WatchService service) throws IOException, InterruptedException {
    long rescanNanos = settings.rescanInterval().toNanos();
    rescan(service); // catches files that arrived between importExisting() and now
    long nextRescan = System.nanoTime() + rescanNanos;
    while (!closed && !Thread.currentThread().isInterrupted()) {
      long wait = pending.isEmpty() ? nextRescan - System.nanoTime() : TICK_NANOS;
      WatchKey key = service.poll(Math.max(wait, 1), TimeUnit.NANOSECONDS);
      boolean overflow = false;
      while (key != null) {
        overflow |= handle(service, key);
        key = service.poll();
      }
      if (overflow || System.nanoTime() - nextRescan >= 0) {
        rescan(service);
        nextRescan = System.nanoTime() + rescanNanos;
      }
      ingestSettled();
    }
  }

  /** Stops {@link #watch()} and {@link #importExisting()}; safe from any thread, idempotent. */
  @Override
  public void close() {
    closed = true;
    WatchService service = watcher;
    if (service != null) {
      try {
        service.close();
      } catch (IOException e) {
        LOG.debug("closing the watch service of {} failed", dir, e);
      }
    }
  }

  /** Handles one key's events; returns true if events were lost and a rescan is needed. */
  private boolean handle(WatchService service, WatchKey key) throws IOException {
    Path parent = watchedDirs.get(key);
    boolean overflow = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW || parent == null) {
        overflow = true;
        continue;
      }
      Path child = parent.resolve((Path) event.context());
      if (skipped(child)) {
        continue;
      }
      if (Files.isDirectory(child)) {
        // A new subdirectory (perhaps moved in whole): watch it and take what is inside.
        DirectoryListing listing = list(child);
        register(service, listing.directories());
        listing.files().forEach(this::observe);
      } else if (DirectoryListing.isSupported(child)) {
        observe(child);
      }
    }
    if (!key.reset()) {
      watchedDirs.remove(key); // the directory is gone
    }
    return overflow;
  }

  /** Re-lists the tree: watches new directories, queues files that differ from what was read. */
  private void rescan(WatchService service) throws IOException {
    DirectoryListing listing = list(dir);
    register(service, listing.directories());
    seen.keySet()
        .retainAll(
            new HashSet<>(listing.files())); // forget deleted files, so a re-created one is read
    for (Path file : listing.files()) {
      Seen last = seen.get(file);
      FileStamp stamp = FileStamp.of(file);
      if (stamp != null && (last == null || !last.stamp().equals(stamp))) {
        observe(file);
      }
    }
  }

  private void register(WatchService service, List<Path> directories) throws IOException {
    for (Path directory : directories) {
      if (!watchedDirs.containsValue(directory)) {
        try {
          watchedDirs.put(directory.register(service, ENTRY_CREATE, ENTRY_MODIFY), directory);
        } catch (NoSuchFileException e) {
          // removed while we looked: nothing to watch
        }
      }
    }
  }

  /** Lists a tree, logging each path skipped there (a link, a special file) the first time. */
  private DirectoryListing list(Path root) throws IOException {
    DirectoryListing listing = DirectoryListing.of(root, settings.followLinks());
    listing.skipped().forEach(s -> reportSkip(s.path(), s.reason()));
    return listing;
  }

  /** True (and logged once) if {@code path} is a link or special file this source must not read. */
  private boolean skipped(Path path) {
    String refusal = DirectoryListing.refusal(dir, path, settings.followLinks());
    if (refusal == null) {
      return false;
    }
    reportSkip(path, refusal);
    return true;
  }

  private void reportSkip(Path path, String reason) {
    if (reportedSkips.add(path)) {
      LOG.warn("skipping {} (source '{}'): {}", path, sourceId, reason);
    }
  }

  private void observe(Path file) {
    pending.putIfAbsent(file, new Pending(null, System.nanoTime()));
  }

  /** Reads each pending file whose stamp has not changed for the settle time. */
  private void ingestSettled() {
    long settleNanos = settings.settleTime().toNanos();
    List<Map.Entry<Path, FileStamp>> ready = new ArrayList<>();
    for (Iterator<Map.Entry<Path, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Path, Pending> entry = it.next();
      Pending p = entry.getValue();
      FileStamp now = FileStamp.of(entry.getKey());
      long nanos = System.nanoTime();
      if (now == null) {
        it.remove(); // deleted before it settled
      } else if (!now.equals(p.stamp)) {
        p.stamp = now;
        p.since = nanos;
      } else if (nanos - p.since >= settleNanos) {
        it.remove();
        ready.add(Map.entry(entry.getKey(), now));
      }
    }
    for (Map.Entry<Path, FileStamp> file : ready) {
      if (closed) {
        return;
      }
      Seen last = seen.get(file.getKey());
      if (last == null || !last.stamp().equals(file.getValue())) {
        ingest(file.getKey(), file.getValue());
      }
    }
  }

  /** Reads, parses and hands on one file; returns false if its content had not changed. */
  private boolean ingest(Path file, FileStamp stamp) {
    if (skipped(file)) {
      seen.remove(file);
      return false;
    }
    Origin origin = Origin.file(sourceId, dir, file);
    byte[] bytes;
    try {
      bytes = read(file, stamp, origin.description());
    } catch (NoSuchFileException e) {
      seen.remove(file);
      return false; // deleted meanwhile
    } catch (IOException | RuntimeException | OutOfMemoryError e) {
      byte[] digest =
          ContentHash.sha256(
              ("unread:" + stamp.size() + ":" + stamp.modified()).getBytes(StandardCharsets.UTF_8));
      Seen last = seen.put(file, new Seen(stamp, digest));
      if (unchanged(last, origin, digest)) {
        return false;
      }
      filesRead.incrementAndGet();
      Exception reason = e instanceof Exception x ? x : new IOException(e.toString(), e);
      reject(origin, digest, headOf(file), reason);
      return true;
    }
    byte[] digest = ContentHash.sha256(bytes);
    Seen last = seen.put(file, new Seen(stamp, digest));
    if (unchanged(last, origin, digest)) {
      return false;
    }
    filesRead.incrementAndGet();
    List<Article> articles;
    try (LogContext ignored = LogContext.feed(sourceId, "ingest")) {
      articles = parser.parse(bytes, origin);
    } catch (ParseException e) {
      reject(origin, digest, Documents.prefix(bytes, settings.maxRejectedPayloadBytes()), e);
      return true;
    } catch (RuntimeException | Error e) {
      // The parser contains what a document throws; this is the last line, so that whatever
      // happens costs one file, never the watcher.
      LOG.error("unexpected error parsing {}; rejecting it", file, e);
      Exception reason =
          e instanceof Exception x ? x : new ParseException(file.toString(), e.toString(), e);
      reject(origin, digest, Documents.prefix(bytes, settings.maxRejectedPayloadBytes()), reason);
      return true;
    }
    LOG.debug("read {} article(s) from {}", articles.size(), file);
    List<CompletableFuture<?>> sent = new ArrayList<>();
    for (Article article : articles) {
      try {
        sent.add(sink.send(article));
      } catch (RuntimeException e) {
        LOG.error("could not hand article {} from {} on: {}", article.getId(), file, e.toString());
        sent.add(CompletableFuture.failedFuture(e));
      }
    }
    remember(
        origin, digest, false, CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)));
    return true;
  }

  /**
   * True if this content was already handled: in this run ({@code last}), or by an earlier run (the
   * ledger) for a file this run has not read yet.
   */
  private boolean unchanged(Seen last, Origin origin, byte[] digest) {
    if (last != null) {
      if (Arrays.equals(last.digest(), digest)) {
        LOG.debug("{} was touched but its content is unchanged: not re-read", origin.description());
        return true;
      }
      return false;
    }
    if (HexFormat.of()
        .formatHex(digest)
        .equals(ledger.lastDigest(sourceId, origin.relativePath()))) {
      LOG.debug("{} is unchanged since an earlier run: not re-read", origin.description());
      return true;
    }
    return false;
  }

  private void remember(
      Origin origin, byte[] digest, boolean deadLettered, CompletableFuture<?> stored) {
    ledger.handled(
        sourceId,
        origin.relativePath(),
        origin.uri(),
        HexFormat.of().formatHex(digest),
        deadLettered,
        stored);
  }

  private byte[] read(Path file, FileStamp stamp, String description) throws IOException {
    long limit = settings.maxDocumentBytes();
    if (stamp.size() > limit) {
      throw new DocumentTooLargeException(description, stamp.size(), limit);
    }
    try (InputStream in = open(file)) {
      return Documents.readAtMost(in, limit, description); // it may have grown since
    }
  }

  /** Opens a file, refusing a link swapped in after the check unless links are followed. */
  private InputStream open(Path file) throws IOException {
    return settings.followLinks()
        ? Files.newInputStream(file)
        : Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
  }

  private byte[] headOf(Path file) {
    try (InputStream in = open(file)) {
      return in.readNBytes(settings.maxRejectedPayloadBytes());
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private void reject(Origin origin, byte[] digest, byte[] payload, Exception reason) {
    filesRejected.incrementAndGet();
    String document = origin.description();
    try {
      remember(origin, digest, true, sink.sendRejected(document, payload, reason));
    } catch (RuntimeException e) {
      LOG.error("could not reject {} ({}): {}", document, reason.getMessage(), e.toString());
    }
  }

  private void requireDirectory() throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(
          dir.toString(),
          null,
          "source '"
              + sourceId
              + "' reads this directory, but it does not exist or is not a directory: create it"
              + " or fix the configured path");
    }
  }
}
