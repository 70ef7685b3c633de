package io.newspipe.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged {@code newspipe.jar}, run as a user runs it: {@code java -jar newspipe.jar}. */
class FatJarIT {

  @Test
  void shouldPrintTheVersionRecordedInTheJarManifest() throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("newspipe.jar", "target/newspipe.jar"));
    String expected = System.getProperty("newspipe.expectedVersion");
    assertThat(jar).as("the fat jar built in the package phase").exists();
    assertThat(expected).as("the pom's version, passed by failsafe").isNotBlank();

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--version")
            .redirectErrorStream(true)
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("newspipe --version finishes").isTrue();
    String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).isZero();
    assertThat(printed.strip()).isEqualTo("newspipe " + expected);
    assertThat(Files.size(jar)).isPositive();
  }
}
