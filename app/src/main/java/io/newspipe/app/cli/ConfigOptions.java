package io.newspipe.app.cli;

import io.newspipe.app.config.ConfigLoader;
import io.newspipe.app.config.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command that touches Kafka or the store shares; flags beat env and file. */
public final class ConfigOptions {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Settings file (default: ./newspipe.yaml if present).")
  Path config;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Local state: embedded broker log and SQLite file (default: ./data).")
  String dataDir;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      description = "Kafka to use; without it, the embedded broker over <data-dir>/kafka.")
  String bootstrapServers;

  @Option(
      names = "--store",
      paramLabel = "URL",
      description = "Store URL, e.g. sqlite:./data/newspipe.db (default).")
  String store;

  @Option(
      names = "--taxonomy",
      paramLabel = "FILE",
      description = "Taxonomy YAML (default: the built-in taxonomy).")
  String taxonomy;

  @Option(
      names = {"-X", "--kafka-property"},
      paramLabel = "KEY=VALUE",
      description = "Kafka client property passed through to every client (repeatable).")
  Map<String, String> kafkaProperties = new HashMap<>();

  /** Settings from file < environment < these flags (plus command-specific extras). */
  public Settings settings(Map<String, Object> extraFlags) {
    Map<String, Object> flags = new HashMap<>(extraFlags);
    put(flags, Settings.DATA_DIR, dataDir);
    put(flags, Settings.BOOTSTRAP_SERVERS, bootstrapServers);
    put(flags, Settings.STORE_URL, store);
    put(flags, Settings.TAXONOMY, taxonomy);
    kafkaProperties.forEach((k, v) -> flags.put(Settings.KAFKA_PREFIX + k, v));
    return ConfigLoader.load(config, System.getenv(), flags);
  }

  public Settings settings() {
    return settings(Map.of());
  }

  static void put(Map<String, Object> flags, String key, Object value) {
    if (value instanceof List<?> list && list.isEmpty()) {
      return;
    }
    if (value != null) {
      flags.put(key, value);
    }
  }
}
