package io.newspipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspipe.ingest.IngestConfig.DirectorySpec;
import io.newspipe.ingest.source.SourceSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

  @Test
  void shouldRefuseDuplicateSourceIds() {
    List<DirectorySpec> dirs =
        List.of(new DirectorySpec("seeds", Path.of("a")), new DirectorySpec("seeds", Path.of("b")));

    assertThatThrownBy(() -> IngestConfig.ofDirectories(dirs))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'seeds' is used twice");
  }

  @Test
  void shouldRefuseAConfigWithNothingToReadButAcceptStdinAlone() {
    assertThatThrownBy(() -> IngestConfig.ofDirectories(List.of()))
        .hasMessageContaining("nothing to ingest");
    assertThat(new IngestConfig(List.of(), "cli", SourceSettings.DEFAULTS).stdinSourceId())
        .isEqualTo("cli");
  }

  @Test
  void shouldRefuseNonsenseSettings() {
    assertThatThrownBy(() -> SourceSettings.DEFAULTS.withRescanInterval(Duration.ofMillis(1)))
        .hasMessageContaining("rescan interval");
    assertThatThrownBy(() -> SourceSettings.DEFAULTS.withMaxDocumentBytes(0))
        .hasMessageContaining("out of range");
  }
}
