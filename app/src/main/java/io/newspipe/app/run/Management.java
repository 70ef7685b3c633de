package io.newspipe.app.run;

import io.newspipe.app.config.Settings;
import io.newspipe.app.ops.BrokerCheck;
import io.newspipe.app.ops.ManagementServer;
import io.newspipe.app.ops.Metrics;
import io.newspipe.app.ops.Operations;

/**
 * The operations side of a service command: the process's registry, the health of the runner's
 * services (with a broker check when there is Kafka), optionally consumer lag gauges, and the
 * management port when {@code management.port} is set. All of it is owned by the runner, opened
 * before the services so that {@code /health/ready} answers 503 while they start.
 */
public final class Management {
  private Management() {}

  /**
   * @param kafka the command's Kafka connection, or null when it has none
   * @param lag whether to keep the lag gauges of the sink's and enrich's groups
   */
  public static Operations open(
      ServiceRunner runner, Settings settings, KafkaConnection kafka, boolean lag) {
    return attach(runner, settings, new Operations(runner.own(Metrics.create())), kafka, lag);
  }

  /** As {@link #open}, with the given operations (and their registry). */
  public static Operations attach(
      ServiceRunner runner,
      Settings settings,
      Operations operations,
      KafkaConnection kafka,
      boolean lag) {
    operations.watch(runner::services);
    if (kafka != null) {
      operations.brokerCheck(runner.own(BrokerCheck.open(kafka.clientProps())));
      if (lag) {
        runner.own(Pipeline.lag(settings, kafka, operations.metrics().registry()));
      }
    }
    ManagementServer server = ManagementServer.startIfConfigured(settings, operations);
    if (server != null) {
      runner.own(server);
    }
    return operations;
  }
}
