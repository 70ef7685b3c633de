package io.newspipe.app.cli;

import io.newspipe.app.config.Settings;
import java.util.Map;
import picocli.CommandLine.Option;

/** The management port flag of the service commands ({@code ingest}, {@code enrich}, ...). */
public final class ManagementOptions {

  @Option(
      names = "--management-port",
      paramLabel = "PORT",
      description =
          "Serve /metrics, /health/live and /health/ready on this port (default: off, or"
              + " management.port; 0: any free port).")
  Integer managementPort;

  /** Adds the flag, when given, to the flags that override file and environment settings. */
  void addTo(Map<String, Object> flags) {
    ConfigOptions.put(flags, Settings.MANAGEMENT_PORT, managementPort);
  }
}
