package io.newspipe.ingest;

import io.newspipe.ingest.feed.FeedSpec;
import io.newspipe.ingest.feed.HttpSettings;
import io.newspipe.ingest.format.ArticleIds;
import io.newspipe.ingest.source.SourceSettings;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link IngestService} reads: source directories, optionally stdin, and the limits and
 * timings of the sources. Validated on construction, with messages that name the bad value.
 *
 * @param directories the watched directories, each with its own source id
 * @param stdinSourceId source id for articles read from stdin, or null to not read stdin
 * @param settings document size limits, rescan interval and settle time
 * @param feeds HTTP(S) feeds to poll, each with its own interval
 * @param http timeouts, size cap and politeness of feed polling
 */
public record IngestConfig(
    List<DirectorySpec> directories,
    String stdinSourceId,
    SourceSettings settings,
    List<FeedSpec> feeds,
    HttpSettings http) {

  /** One source directory: its id prefixes the ids of the articles read from it. */
  public record DirectorySpec(String sourceId, Path path) {
    public DirectorySpec {
      ArticleIds.requireValidSourceId(sourceId);
      Objects.requireNonNull(path, "path of source '" + sourceId + "'");
    }
  }

  /** Directories and/or stdin, no feeds. */
  public IngestConfig(
      List<DirectorySpec> directories, String stdinSourceId, SourceSettings settings) {
    this(directories, stdinSourceId, settings, List.of(), HttpSettings.DEFAULTS);
  }

  public IngestConfig {
    directories = List.copyOf(Objects.requireNonNull(directories, "directories"));
    feeds = List.copyOf(Objects.requireNonNull(feeds, "feeds"));
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(http, "http");
    if (stdinSourceId != null) {
      ArticleIds.requireValidSourceId(stdinSourceId);
    }
    if (directories.isEmpty() && stdinSourceId == null && feeds.isEmpty()) {
      throw new IllegalArgumentException(
          "nothing to ingest: configure at least one source directory or feed, or read stdin");
    }
    Set<String> ids = new HashSet<>();
    List<String> all = new java.util.ArrayList<>();
    directories.forEach(d -> all.add(d.sourceId()));
    feeds.forEach(f -> all.add(f.id()));
    for (String id : all) {
      if (!ids.add(id)) {
        throw new IllegalArgumentException(
            "source id '"
                + id
                + "' is used twice: give every source and feed its own id, or their article ids"
                + " collide");
      }
    }
  }

  /** Directories only, with default settings. */
  public static IngestConfig ofDirectories(List<DirectorySpec> directories) {
    return new IngestConfig(directories, null, SourceSettings.DEFAULTS);
  }

  public IngestConfig withStdin(String sourceId) {
    return new IngestConfig(directories, sourceId, settings, feeds, http);
  }

  public IngestConfig withSettings(SourceSettings newSettings) {
    return new IngestConfig(directories, stdinSourceId, newSettings, feeds, http);
  }

  /** The same sources plus these HTTP feeds, polled with {@code httpSettings}. */
  public IngestConfig withFeeds(List<FeedSpec> newFeeds, HttpSettings httpSettings) {
    return new IngestConfig(directories, stdinSourceId, settings, newFeeds, httpSettings);
  }
}
