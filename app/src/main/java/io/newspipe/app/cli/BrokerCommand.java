package io.newspipe.app.cli;

import io.newspipe.app.broker.EmbeddedBroker;
import io.newspipe.app.config.Settings;
import io.newspipe.app.run.ServiceRunner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code newspipe broker}: the embedded single-node KRaft broker alone, until Ctrl-C. */
@Command(
    name = "broker",
    mixinStandardHelpOptions = true,
    description =
        "Run the embedded single-node Kafka broker (KRaft) over <data-dir>/kafka, bound to"
            + " 127.0.0.1, until Ctrl-C. Other newspipe commands on this machine use it.")
public final class BrokerCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    Settings settings = config.settings();
    try (ServiceRunner runner = new ServiceRunner()) {
      EmbeddedBroker broker =
          runner.own(
              EmbeddedBroker.start(
                  settings.dataDir().resolve("kafka"),
                  settings.getInt(Settings.BROKER_PORT),
                  settings.getInt(Settings.BROKER_CONTROLLER_PORT)));
      spec.commandLine()
          .getOut()
          .printf(
              "newspipe broker listening on %s (data %s). Press Ctrl-C to stop.%n",
              broker.bootstrapServers(), settings.dataDir().resolve("kafka"));
      spec.commandLine().getOut().flush();
      broker.awaitShutdown(); // Ctrl-C closes it
    }
    return 0;
  }
}
