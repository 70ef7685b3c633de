package io.newspipe.ingest;

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
 */
public record IngestConfig(
    List<DirectorySpec> directories, String stdinSourceId, SourceSettings settings) {

  /** One source directory: its id prefixes the ids of the articles read from it. */
  public record DirectorySpec(String sourceId, Path path) {
    public DirectorySpec {
      ArticleIds.requireValidSourceId(sourceId);
      Objects.requireNonNull(path, "path of source '" + sourceId + "'");
    }
  }

  public IngestConfig {
    directories = List.copyOf(Objects.requireNonNull(directories, "directories"));
    Objects.requireNonNull(settings, "settings");
    if (stdinSourceId != null) {
      ArticleIds.requireValidSourceId(stdinSourceId);
    }
    if (directories.isEmpty() && stdinSourceId == null) {
      throw new IllegalArgumentException(
          "nothing to ingest: configure at least one source directory, or read stdin");
    }
    Set<String> ids = new HashSet<>();
    for (DirectorySpec d : directories) {
      if (!ids.add(d.sourceId())) {
        throw new IllegalArgumentException(
            "source id '"
                + d.sourceId()
                + "' is used twice: give every source its own id, or their article ids collide");
      }
    }
  }

  /** Directories only, with default settings. */
  public static IngestConfig ofDirectories(List<DirectorySpec> directories) {
    return new IngestConfig(directories, null, SourceSettings.DEFAULTS);
  }

  public IngestConfig withStdin(String sourceId) {
    return new IngestConfig(directories, sourceId, settings);
  }

  public IngestConfig withSettings(SourceSettings newSettings) {
    return new IngestConfig(directories, stdinSourceId, newSettings);
  }
}
