package io.newspipe.ingest.source;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supported files and the directories of one tree, in path order, and what was skipped there
 * because it is not a file of the source: symbolic links (unless followed), links that lead outside
 * the tree, and special files (FIFOs, devices, sockets). Hidden entries and editor or download
 * temporaries are left out too, so writers can stage a file under such a name and rename it.
 *
 * <p>A source never reads outside its directory: without {@code followLinks} no symbolic link is
 * read at all, and with it only links whose real target lies inside the directory. Callers log each
 * skipped path once ({@link #skipped()}).
 */
record DirectoryListing(List<Path> files, List<Path> directories, List<Skipped> skipped) {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryListing.class);

  /** A path left out, and why (one line for the log). */
  record Skipped(Path path, String reason) {}

  static final Set<String> EXTENSIONS =
      Set.of(
          "txt", "md", "markdown", "xml", "rss", "rdf", "atom", "json", "jsonl", "ndjson", "nml");

  static DirectoryListing of(Path root, boolean followLinks) throws IOException {
    Path start = root.toAbsolutePath().normalize();
    Path realRoot = start.toRealPath();
    List<Path> files = new ArrayList<>();
    List<Path> directories = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    Set<FileVisitOption> options =
        followLinks
            ? EnumSet.of(FileVisitOption.FOLLOW_LINKS)
            : EnumSet.noneOf(FileVisitOption.class);
    Files.walkFileTree(
        realRoot,
        options,
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            Path shown = start.resolve(realRoot.relativize(dir));
            if (!dir.equals(realRoot) && isHidden(dir)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            String refusal = followLinks ? outside(realRoot, dir) : null;
            if (refusal != null) {
              skipped.add(new Skipped(shown, refusal));
              return FileVisitResult.SKIP_SUBTREE;
            }
            directories.add(shown);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (isHidden(file)) {
              return FileVisitResult.CONTINUE;
            }
            Path shown = start.resolve(realRoot.relativize(file));
            if (attrs.isSymbolicLink()) {
              skipped.add(new Skipped(shown, notFollowed(file)));
            } else if (!attrs.isRegularFile() && !attrs.isDirectory()) {
              skipped.add(new Skipped(shown, "not a regular file (a FIFO, device or socket)"));
            } else if (attrs.isRegularFile() && isSupported(file)) {
              String refusal = followLinks ? outside(realRoot, file) : null;
              if (refusal == null) {
                files.add(shown);
              } else {
                skipped.add(new Skipped(shown, refusal));
              }
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (file.equals(realRoot)) {
              return FileVisitResult.TERMINATE;
            }
            Path shown = start.resolve(realRoot.relativize(file));
            if (e instanceof FileSystemLoopException) {
              skipped.add(new Skipped(shown, "a symbolic link that loops back to its own parent"));
            } else {
              LOG.warn(
                  "skipping {}: cannot read it ({}); check its permissions", shown, e.toString());
            }
            return FileVisitResult.CONTINUE;
          }
        });
    Collections.sort(files);
    return new DirectoryListing(List.copyOf(files), List.copyOf(directories), List.copyOf(skipped));
  }

  /**
   * Why {@code path} (below {@code root}) must not be read now, or null if it may: it or a
   * directory between it and the root is a symbolic link that is not followed, or leads outside the
   * root, or it is not a regular file or directory. Checked again right before a file is read,
   * since a watched directory can change between listing and reading.
   */
  static String refusal(Path root, Path path, boolean followLinks) {
    try {
      Path start = root.toAbsolutePath().normalize();
      Path realRoot = start.toRealPath();
      Path absolute = path.toAbsolutePath().normalize();
      if (!absolute.startsWith(start)) {
        return "outside the source directory " + start;
      }
      if (followLinks) {
        return outside(realRoot, absolute);
      }
      Path current = start;
      for (Path segment : start.relativize(absolute)) {
        current = current.resolve(segment);
        if (Files.isSymbolicLink(current)) {
          return notFollowed(current);
        }
      }
      BasicFileAttributes attrs =
          Files.readAttributes(absolute, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return attrs.isRegularFile() || attrs.isDirectory()
          ? null
          : "not a regular file (a FIFO, device or socket)";
    } catch (IOException e) {
      return null; // gone or unreadable: reading it says so in the usual way
    }
  }

  /** Why a followed path must still not be read (its real location is outside), or null. */
  private static String outside(Path realRoot, Path path) {
    try {
      Path real = path.toRealPath();
      if (real.startsWith(realRoot)) {
        if (Files.isRegularFile(real) || Files.isDirectory(real)) {
          return null;
        }
        return "not a regular file (a FIFO, device or socket)";
      }
      return "a symbolic link to "
          + real
          + ", outside the source directory; sources never read outside themselves";
    } catch (IOException e) {
      return "a symbolic link whose target cannot be resolved (" + e.getMessage() + ")";
    }
  }

  private static String notFollowed(Path link) {
    String target;
    try {
      target = Files.readSymbolicLink(link).toString();
    } catch (IOException | UnsupportedOperationException e) {
      target = "?";
    }
    return "a symbolic link (to "
        + target
        + "), not followed; set sources.followLinks: true to read links whose target is inside"
        + " the source directory";
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
