package io.newspipe.app.cli;

import io.newspipe.app.config.Settings;
import java.util.Map;
import picocli.CommandLine.Option;

/** The web port flag of the commands that serve the UI ({@code up}, {@code web}). */
public final class WebOptions {

  @Option(
      names = "--web-port",
      paramLabel = "PORT",
      description = "Port of the web UI and API (default: 8080, or web.port; 0: any free port).")
  Integer webPort;

  /** Adds the flag, when given, to the flags that override file and environment settings. */
  void addTo(Map<String, Object> flags) {
    ConfigOptions.put(flags, Settings.WEB_PORT, webPort);
  }
}
