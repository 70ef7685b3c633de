package io.newspipe.ingest.format;

import io.newspipe.schemas.Source;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a document came from: the configured source and, for files, the path relative to the source
 * directory (which is what gives a file its stable article id).
 *
 * @param sourceId configured source id, the prefix of every article id it produces
 * @param sourceName human-readable name (directory name; a feed's own title wins for feeds)
 * @param uri file URI or feed URL, or null for a stream such as stdin
 * @param relativePath path below the source directory with '/' separators, or null
 * @param description what to call the document in errors and dead letters (absolute path, URL)
 */
public record Origin(
    String sourceId, String sourceName, String uri, String relativePath, String description) {

  public Origin {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(description, "description");
  }

  /** A file below a source directory. */
  public static Origin file(String sourceId, Path directory, Path file) {
    Path absoluteDir = directory.toAbsolutePath().normalize();
    Path absolute = file.toAbsolutePath().normalize();
    String relative = absoluteDir.relativize(absolute).toString().replace('\\', '/');
    Path dirName = absoluteDir.getFileName();
    return new Origin(
        sourceId,
        dirName == null ? sourceId : dirName.toString(),
        absolute.toUri().toString(),
        relative,
        absolute.toString());
  }

  /** A stream without a location, such as stdin. */
  public static Origin stream(String sourceId, String description) {
    return new Origin(sourceId, description, null, null, description);
  }

  /** The file name (last path segment), or null for streams. */
  public String fileName() {
    if (relativePath == null) {
      return null;
    }
    int slash = relativePath.lastIndexOf('/');
    return relativePath.substring(slash + 1);
  }

  /** The article's {@code source} for a document read in {@code format}. */
  Source source(Format format) {
    return source(null, format.wireName());
  }

  /**
   * The article's {@code source} for a feed: the feed's own title names it when it has one,
   * otherwise the configured source name does.
   */
  Source source(String feedTitle, String wireFormat) {
    return Source.newBuilder()
        .setId(sourceId)
        .setName(ArticleIds.isBlank(feedTitle) ? sourceName : feedTitle)
        .setUrl(uri)
        .setFormat(wireFormat)
        .build();
  }
}
