package io.newspipe.ingest.source;

import io.newspipe.ingest.format.ArticleIds;
import io.newspipe.ingest.format.ArticleParser;
import io.newspipe.ingest.format.Origin;
import io.newspipe.ingest.format.ParseException;
import io.newspipe.schemas.Article;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-shot bulk import of a directory tree or an archive ({@code .zip}, {@code .tar.gz}, {@code
 * .tgz}, {@code .tar}) of feed and article files, e.g. a wire archive being back-filled. Unlike
 * {@link DirectorySource} it does not watch and keeps no per-file state, so it streams through
 * archives of any size: memory holds one document (at most {@link
 * SourceSettings#maxDocumentBytes()}) at a time. Archives found inside a directory are expanded
 * too.
 *
 * <p>Progress is reported in bytes of input consumed (the only measure known up front for an
 * archive) together with file and article counts.
 */
public final class BulkImport {

  private static final Logger LOG = LoggerFactory.getLogger(BulkImport.class);

  /** Called after every document, from the importing thread. */
  public interface Progress {
    void update(Counts counts);
  }

  /** Running totals of an import. */
  public record Counts(
      long bytesDone,
      long bytesTotal,
      long files,
      long articles,
      long rejected,
      Duration elapsed) {}

  private final ArticleParser parser;
  private final SourceSettings settings;
  private final ArticleSink sink;
  private final AtomicLong bytesDone = new AtomicLong();
  private long bytesTotal;
  private long files;
  private long articles;
  private long rejected;
  private long started;

  public BulkImport(ArticleParser parser, SourceSettings settings, ArticleSink sink) {
    this.parser = parser;
    this.settings = settings;
    this.sink = sink;
  }

  /**
   * A source id from a directory or archive name: {@code Wire Archive 2024.tar.gz} → {@code
   * wire-archive-2024}.
   */
  public static String sourceIdFor(Path path) {
    Path name = path.toAbsolutePath().normalize().getFileName();
    String base = name == null ? "import" : stripArchiveExtension(name.toString());
    String slug =
        base.toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9._-]+", "-")
            .replaceAll("^[-._]+|-+$", "");
    if (slug.isEmpty()) {
      slug = "import";
    }
    return slug.length() > 64 ? slug.substring(0, 64) : slug;
  }

  /**
   * Imports everything under {@code path}.
   *
   * @throws IOException if {@code path} does not exist or cannot be listed (bad documents are
   *     rejected to the sink instead)
   */
  public Counts run(Path path, String sourceId, Progress progress) throws IOException {
    ArticleIds.requireValidSourceId(sourceId);
    started = System.nanoTime();
    bytesDone.set(0);
    bytesTotal = 0;
    files = 0;
    articles = 0;
    rejected = 0;
    if (Files.isDirectory(path)) {
      DirectoryListing listing = DirectoryListing.of(path, settings.followLinks());
      listing
          .skipped()
          .forEach(s -> LOG.warn("skipping {} (import '{}'): {}", s.path(), sourceId, s.reason()));
      List<Path> archives;
      try (var walk = Files.walk(path)) {
        archives =
            walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                .filter(BulkImport::isArchive)
                .sorted()
                .toList();
      }
      for (Path f : listing.files()) {
        bytesTotal += Files.size(f);
      }
      for (Path a : archives) {
        bytesTotal += Files.size(a);
      }
      for (Path file : listing.files()) {
        Origin origin = Origin.file(sourceId, path, file);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
          bytes = Documents.readAtMost(in, settings.maxDocumentBytes(), origin.description());
        } catch (IOException e) {
          bytesDone.addAndGet(Files.size(file));
          reject(origin.description(), new byte[0], e, progress);
          continue;
        }
        bytesDone.addAndGet(bytes.length);
        ingest(bytes, origin, progress);
      }
      for (Path archive : archives) {
        importArchive(archive, sourceId, progress);
      }
    } else if (Files.isRegularFile(path) && isArchive(path)) {
      bytesTotal = Files.size(path);
      importArchive(path, sourceId, progress);
    } else if (Files.isRegularFile(path)) {
      bytesTotal = Files.size(path);
      Origin origin = Origin.file(sourceId, path.toAbsolutePath().getParent(), path);
      byte[] bytes;
      try (InputStream in = Files.newInputStream(path)) {
        bytes = Documents.readAtMost(in, settings.maxDocumentBytes(), origin.description());
      } catch (DocumentTooLargeException e) {
        reject(origin.description(), new byte[0], e, progress);
        return counts();
      }
      bytesDone.addAndGet(bytes.length);
      ingest(bytes, origin, progress);
    } else {
      throw new IOException(
          path.toAbsolutePath() + " does not exist; give a directory, a .zip or a .tar.gz");
    }
    return counts();
  }

  private void importArchive(Path archive, String sourceId, Progress progress) throws IOException {
    String name = archive.getFileName().toString().toLowerCase(Locale.ROOT);
    long before = bytesDone.get();
    try (InputStream file = new Counting(new BufferedInputStream(Files.newInputStream(archive)));
        ArchiveInputStream<?> entries = open(name, file)) {
      ArchiveEntry entry;
      while ((entry = entries.getNextEntry()) != null) {
        if (entry.isDirectory() || !DirectoryListing.isSupported(Path.of(entry.getName()))) {
          continue;
        }
        String relative = entry.getName().replace('\\', '/');
        String description = archive.toAbsolutePath() + "!/" + relative;
        Origin origin =
            new Origin(
                sourceId,
                stripArchiveExtension(archive.getFileName().toString()),
                archive.toAbsolutePath().toUri() + "!/" + relative,
                relative,
                description);
        byte[] bytes;
        try {
          bytes = Documents.readAtMost(entries, settings.maxDocumentBytes(), description);
        } catch (DocumentTooLargeException e) {
          reject(description, new byte[0], e, progress);
          continue;
        }
        ingest(bytes, origin, progress);
      }
    } catch (IOException e) {
      throw new IOException(
          "cannot read archive "
              + archive.toAbsolutePath()
              + " ("
              + e.getMessage()
              + "); check"
              + " that it is a complete .zip or .tar.gz",
          e);
    } finally {
      bytesDone.set(before + Files.size(archive));
    }
  }

  private ArchiveInputStream<?> open(String name, InputStream in) throws IOException {
    if (name.endsWith(".zip")) {
      return new ZipArchiveInputStream(in);
    }
    if (name.endsWith(".tar")) {
      return new TarArchiveInputStream(in);
    }
    return new TarArchiveInputStream(new GzipCompressorInputStream(in));
  }

  private void ingest(byte[] bytes, Origin origin, Progress progress) {
    files++;
    List<Article> parsed;
    try {
      parsed = parser.parse(bytes, origin);
    } catch (ParseException | RuntimeException | Error e) {
      files--; // counted again by reject
      Exception reason =
          e instanceof Exception x
              ? x
              : new ParseException(origin.description(), "the parser failed: " + e, e);
      reject(
          origin.description(),
          Documents.prefix(bytes, settings.maxRejectedPayloadBytes()),
          reason,
          progress);
      return;
    }
    for (Article article : parsed) {
      sink.accept(article);
      articles++;
    }
    progress.update(counts());
  }

  private void reject(String description, byte[] payload, Exception e, Progress progress) {
    files++;
    rejected++;
    if (e instanceof RuntimeException) {
      LOG.error("unexpected error reading {}; rejecting it", description, e);
    }
    sink.reject(description, payload, e);
    progress.update(counts());
  }

  private Counts counts() {
    return new Counts(
        bytesDone.get(),
        bytesTotal,
        files,
        articles,
        rejected,
        Duration.ofNanos(System.nanoTime() - started));
  }

  static boolean isArchive(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".zip")
        || name.endsWith(".tar.gz")
        || name.endsWith(".tgz")
        || name.endsWith(".tar");
  }

  private static String stripArchiveExtension(String name) {
    return name.replaceFirst("(?i)\\.(zip|tar\\.gz|tgz|tar)$", "");
  }

  /** Counts compressed bytes read, so progress through an archive is known. */
  private final class Counting extends FilterInputStream {
    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        bytesDone.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        bytesDone.addAndGet(n);
      }
      return n;
    }
  }
}
