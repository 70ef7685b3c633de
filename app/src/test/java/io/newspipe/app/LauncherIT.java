package io.newspipe.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./newspipe} launcher as a user runs it, against the jar the package phase built: its
 * class-data archive (recorded once per build, then mapped by every run) must never change what a
 * command prints, and an archive that does not fit is ignored.
 */
class LauncherIT {

  private final Path jar = Path.of(System.getProperty("newspipe.jar", "target/newspipe.jar"));
  private final Path launcher = Path.of("..", "newspipe").toAbsolutePath().normalize();
  private final String expected = "newspipe " + System.getProperty("newspipe.expectedVersion");

  @BeforeEach
  void removeArchives() throws IOException {
    assertThat(jar).as("the fat jar built in the package phase").exists();
    assertThat(launcher).as("the launcher at the project root").exists();
    for (Path archive : archives()) {
      Files.delete(archive);
    }
  }

  @Test
  void shouldRecordTheArchiveOnceAndPrintTheSameWithIt() throws Exception {
    Run first = run(Map.of());
    assertThat(first.exit()).isZero();
    assertThat(first.out().strip()).isEqualTo(expected);
    assertThat(first.err()).contains("recording a class-data archive");
    List<Path> archives = archives();
    assertThat(archives).as("one archive, for this Java").hasSize(1);
    Path archive = archives.get(0);
    assertThat(Files.getLastModifiedTime(archive))
        .as("newer than the jar it was recorded from")
        .isGreaterThan(Files.getLastModifiedTime(jar));
    FileTime recorded = Files.getLastModifiedTime(archive);

    Run second = run(Map.of());
    assertThat(second.exit()).isZero();
    assertThat(second.out().strip()).isEqualTo(expected);
    assertThat(second.err()).doesNotContain("recording");
    assertThat(Files.getLastModifiedTime(archive)).as("not recorded again").isEqualTo(recorded);
  }

  @Test
  void shouldIgnoreAnArchiveThatDoesNotFit() throws Exception {
    assertThat(run(Map.of()).exit()).isZero();
    Path archive = archives().get(0);
    archive.toFile().setWritable(true);
    Files.write(archive, "not an archive".repeat(1000).getBytes(StandardCharsets.UTF_8));

    Run run = run(Map.of());

    assertThat(run.exit()).isZero();
    assertThat(run.out().strip()).isEqualTo(expected);
    assertThat(run.err()).doesNotContain("recording");
  }

  @Test
  void shouldRecordNothingWhenTurnedOff() throws Exception {
    Run run = run(Map.of("NEWSPIPE_CDS", "off"));

    assertThat(run.exit()).isZero();
    assertThat(run.out().strip()).isEqualTo(expected);
    assertThat(archives()).isEmpty();
  }

  private record Run(int exit, String out, String err) {}

  private Run run(Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("bash", launcher.toString(), "--version");
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("NEWSPIPE_JAVA_OPTS");
    builder.environment().remove("NEWSPIPE_CDS");
    builder.environment().putAll(env);
    Path out = Files.createTempFile("launcher", ".out");
    Path err = Files.createTempFile("launcher", ".err");
    try {
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the launcher finishes").isTrue();
      return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  // The launcher's archives (and markers) beside the jar.
  private List<Path> archives() throws IOException {
    String prefix = jar.getFileName().toString().replace(".jar", "-cds-");
    try (Stream<Path> files = Files.list(jar.toAbsolutePath().getParent())) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
    }
  }
}
