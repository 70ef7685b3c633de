package io.newspipe.ingest.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates the external corpora ({@code -Dcorpora.dir=../shared/corpora}) for the conformance
 * profile. A relative path is read from the project root, where {@code ./mvnw} runs. Missing
 * corpora fail the run: the profile exists to measure them, so skipping would hide a broken setup.
 */
final class Corpora {

  private Corpora() {}

  static Path root() {
    String dir = System.getProperty("corpora.dir");
    if (dir == null || dir.isBlank() || dir.startsWith("${")) {
      throw new IllegalStateException(
          "no corpora: run ./mvnw -B -pl ingest verify -Pconformance -Dcorpora.dir=../shared/corpora");
    }
    Path path = Path.of(dir);
    if (!path.isAbsolute()) {
      String root = System.getProperty("newspipe.root", ".");
      path = Path.of(root).resolve(path);
    }
    path = path.normalize();
    if (!Files.isDirectory(path)) {
      throw new IllegalStateException("corpora directory " + path + " does not exist");
    }
    return path;
  }

  static List<Path> files(Path dir, String suffix) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
