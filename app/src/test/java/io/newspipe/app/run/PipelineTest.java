package io.newspipe.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.app.config.Settings;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class PipelineTest {
  private final Settings settings = new Settings(Map.of());

  @Test
  void shouldRunEnrichWithAThreadPerTaskAndItsCommitInterval() {
    Map<String, Object> props =
        Pipeline.enrichDefaults(settings, Map.of("bootstrap.servers", "127.0.0.1:1"));

    assertThat(props)
        .containsEntry("bootstrap.servers", "127.0.0.1:1")
        .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Pipeline.enrichThreads(settings))
        .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Pipeline.ENRICH_COMMIT_INTERVAL_MS);
    assertThat(Pipeline.enrichThreads(settings))
        .as("three raw partitions by default, and the story task")
        .isEqualTo(4);
  }

  @Test
  void shouldLetTheClientPropertiesOverrideThem() {
    Map<String, Object> props =
        Pipeline.enrichDefaults(
            settings,
            Map.of(
                StreamsConfig.NUM_STREAM_THREADS_CONFIG,
                2,
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                "250"));

    assertThat(props)
        .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2)
        .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "250");
  }

  @Test
  void shouldCommitLessOftenInABulkImportUnlessTheClientPropertiesSayOtherwise() {
    assertThat(Pipeline.enrichDefaults(settings, Map.of(), true))
        .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Pipeline.BULK_COMMIT_INTERVAL_MS)
        .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 4);
    assertThat(Pipeline.BULK_COMMIT_INTERVAL_MS).isGreaterThan(Pipeline.ENRICH_COMMIT_INTERVAL_MS);
    assertThat(
            Pipeline.enrichDefaults(
                settings, Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "250"), true))
        .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "250");
  }
}
