package io.newspipe.ingest.source;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supported files and the directories of one tree, in path order. Hidden entries and editor or
 * download temporaries are skipped, so writers can stage a file under such a name and rename it.
 */
record DirectoryListing(List<Path> files, List<Path> directories) {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryListing.class);

  static final Set<String> EXTENSIONS =
      Set.of(
          "txt", "md", "markdown", "xml", "rss", "rdf", "atom", "json", "jsonl", "ndjson", "nml");

  static DirectoryListing of(Path root) throws IOException {
    List<Path> files = new ArrayList<>();
    List<Path> directories = new ArrayList<>();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(root) && isHidden(dir)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            directories.add(dir);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && isSupported(file)) {
              files.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (file.equals(root)) {
              return FileVisitResult.TERMINATE;
            }
            LOG.warn("skipping {}: cannot read it ({}); check its permissions", file, e.toString());
            return FileVisitResult.CONTINUE;
          }
        });
    Collections.sort(files);
    return new DirectoryListing(List.copyOf(files), List.copyOf(directories));
  }

  /** A file ingest reads: a known extension, and not hidden or a temporary. */
  static boolean isSupported(Path file) {
    if (isHidden(file)) {
      return false;
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
  }

  private static boolean isHidden(Path path) {
    Path name = path.getFileName();
    if (name == null) {
      return false;
    }
    String s = name.toString();
    return s.startsWith(".") || s.startsWith("~") || s.endsWith("~") || s.startsWith("#");
  }
}
