package io.newspipe.app.run;

import io.newspipe.app.broker.BrokerProbe;
import io.newspipe.app.broker.EmbeddedBroker;
import io.newspipe.app.config.Settings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The Kafka a command talks to: the configured cluster, or the embedded single-node broker over
 * {@code <data.dir>/kafka} (joined if another newspipe process already runs it, else started here
 * and stopped on close).
 */
public final class KafkaConnection implements AutoCloseable {

  private final String bootstrapServers;
  private final Map<String, Object> passThrough;
  private final EmbeddedBroker.Handle embedded;

  private KafkaConnection(
      String bootstrapServers, Map<String, Object> passThrough, EmbeddedBroker.Handle embedded) {
    this.bootstrapServers = bootstrapServers;
    this.passThrough = passThrough;
    this.embedded = embedded;
  }

  public static KafkaConnection open(Settings settings) {
    if (!settings.bootstrapServers().isEmpty()) {
      BrokerProbe.awaitReachable(
          settings.bootstrapServers(),
          settings.kafkaPassThrough(),
          Duration.ofMillis(settings.getInt(Settings.KAFKA_STARTUP_TIMEOUT_MS)));
    }
    return openUnchecked(settings);
  }

  /**
   * As {@link #open} without the start-up check of a configured cluster: for {@code newspipe web},
   * which serves the store whether or not Kafka answers (only its live panel needs Kafka, and it
   * reconnects by itself).
   */
  public static KafkaConnection openUnchecked(Settings settings) {
    if (!settings.bootstrapServers().isEmpty()) {
      return new KafkaConnection(settings.bootstrapServers(), settings.kafkaPassThrough(), null);
    }
    EmbeddedBroker.Handle handle =
        EmbeddedBroker.connectOrStart(
            settings.dataDir().resolve("kafka"),
            settings.getInt(Settings.BROKER_PORT),
            settings.getInt(Settings.BROKER_CONTROLLER_PORT));
    return new KafkaConnection(handle.bootstrapServers(), settings.kafkaPassThrough(), handle);
  }

  /** Properties every client gets: bootstrap servers plus the pass-through {@code kafka.*}. */
  public Map<String, Object> clientProps() {
    Map<String, Object> props = new HashMap<>(passThrough);
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return props;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** One line for people: which Kafka this is. */
  public String describe() {
    if (embedded == null) {
      return "Kafka at " + bootstrapServers;
    }
    return (embedded.owned()
            ? "embedded broker started at "
            : "embedded broker already running at ")
        + bootstrapServers;
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
