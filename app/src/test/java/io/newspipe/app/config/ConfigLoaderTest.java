package io.newspipe.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspipe.app.run.Pipeline;
import io.newspipe.enrich.story.StoryRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path dir;

  @Test
  void shouldUseDefaultsWithoutAnyConfiguration() {
    Settings s = ConfigLoader.load(null, Map.of(), Map.of());

    assertThat(s.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(s.storeUrl()).isEqualTo("sqlite:" + Path.of("./data").resolve("newspipe.db"));
    assertThat(s.bootstrapServers()).isEmpty();
    assertThat(s.sources()).containsExactly(Path.of("seeds"));
  }

  @Test
  void shouldLayerFileThenEnvironmentThenFlags() throws Exception {
    Path file = dir.resolve("newspipe.yaml");
    Files.writeString(
        file,
        """
        data:
          dir: /var/newspipe
        store:
          url: sqlite:/from/file.db
        topics:
          partitions: 6
        kafka:
          bootstrap.servers: file:9092
          security.protocol: SSL
        """);

    Settings s =
        ConfigLoader.load(
            file,
            Map.of(
                "NEWSPIPE_STORE_URL", "sqlite:/from/env.db",
                "NEWSPIPE_KAFKA_BOOTSTRAP_SERVERS", "env:9092",
                "NEWSPIPE_TEST_POSTGRES_URL", "ignored, not a setting"),
            Map.of(Settings.BOOTSTRAP_SERVERS, "flag:9092"));

    assertThat(s.dataDir()).isEqualTo(Path.of("/var/newspipe"));
    assertThat(s.storeUrl()).isEqualTo("sqlite:/from/env.db");
    assertThat(s.bootstrapServers()).isEqualTo("flag:9092");
    assertThat(s.getInt(Settings.TOPIC_PARTITIONS)).isEqualTo(6);
    assertThat(s.kafkaPassThrough()).containsExactly(Map.entry("security.protocol", "SSL"));
  }

  @Test
  void shouldTakeStoryRulesFromTheEnvironmentAndRefuseASimilarityAboveOne() {
    Settings s =
        ConfigLoader.load(
            null,
            Map.of(
                "NEWSPIPE_ENRICH_STORY_WINDOW_DAYS", "5",
                "NEWSPIPE_ENRICH_STORY_SIMILARITY", "0.4"),
            Map.of());

    assertThat(Pipeline.storyRules(s)).isEqualTo(StoryRules.ofDays(5, 0.4));
    assertThat(Pipeline.storyRules(ConfigLoader.load(null, Map.of(), Map.of())))
        .isEqualTo(StoryRules.DEFAULTS);
    assertThatThrownBy(
            () ->
                ConfigLoader.load(null, Map.of("NEWSPIPE_ENRICH_STORY_SIMILARITY", "2"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("enrich.story.similarity");
  }

  @Test
  void shouldNotFollowSymbolicLinksUnlessTheFileOrTheEnvironmentSaysSo() throws Exception {
    Path file = dir.resolve("newspipe.yaml");
    Files.writeString(file, "sources: [incoming]\nsources.followLinks: true\n");

    assertThat(
            ConfigLoader.load(null, Map.of(), Map.of()).getBoolean(Settings.SOURCES_FOLLOW_LINKS))
        .isFalse();
    Settings fromFile = ConfigLoader.load(file, Map.of(), Map.of());
    assertThat(fromFile.getBoolean(Settings.SOURCES_FOLLOW_LINKS)).isTrue();
    assertThat(fromFile.sources()).containsExactly(Path.of("incoming"));
    assertThat(
            ConfigLoader.load(null, Map.of("NEWSPIPE_SOURCES_FOLLOWLINKS", "true"), Map.of())
                .getBoolean(Settings.SOURCES_FOLLOW_LINKS))
        .isTrue();
  }

  @Test
  void shouldNameTheUnknownKeyInTheFile() throws Exception {
    Path file = dir.resolve("newspipe.yaml");
    Files.writeString(file, "store:\n  uri: sqlite:x.db\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key 'store.uri'")
        .hasMessageContaining("store.url");
  }

  @Test
  void shouldNameTheKeyOfAnInvalidValue() {
    assertThatThrownBy(
            () -> ConfigLoader.load(null, Map.of("NEWSPIPE_BROKER_PORT", "70000"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("broker.port");
  }

  @Test
  void shouldServeTheWebUiOnLocalhost8080UnlessConfiguredOtherwise() {
    Settings defaults = ConfigLoader.load(null, Map.of(), Map.of());
    assertThat(defaults.getString(Settings.WEB_HOST)).isEqualTo("127.0.0.1");
    assertThat(defaults.getInt(Settings.WEB_PORT)).isEqualTo(8080);

    Settings s =
        ConfigLoader.load(
            null,
            Map.of("NEWSPIPE_WEB_HOST", "0.0.0.0", "NEWSPIPE_WEB_PORT", "9000"),
            Map.of(Settings.WEB_PORT, 9100));
    assertThat(s.getString(Settings.WEB_HOST)).isEqualTo("0.0.0.0");
    assertThat(s.getInt(Settings.WEB_PORT)).isEqualTo(9100);

    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("NEWSPIPE_WEB_PORT", "http"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("web.port");
  }

  @Test
  void shouldExplainAMissingExplicitConfigFile() {
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.yaml"), Map.of(), Map.of()))
        .hasMessageContaining("does not exist");
  }
}
