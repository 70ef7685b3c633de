package io.newspipe.app.cli;

import io.newspipe.app.config.Settings;
import io.newspipe.app.run.Pipeline;
import io.newspipe.schemas.TopicSet;
import io.newspipe.store.Stores;
import io.newspipe.web.WebService;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newspipe up}: the whole pipeline in one process on the embedded defaults. */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Run the whole pipeline: Kafka (embedded unless --bootstrap-servers), ingest watching the"
          + " source directories, enrich, sink into the store, and the web UI and API on"
          + " http://localhost:8080 (web.port / --web-port; --no-web for none).",
      "With --once: import what is there, wait until it is tagged and stored, print a summary,"
          + " and exit."
    })
public final class UpCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Option(names = "--once", description = "Import, tag and store what is there now, then exit.")
  boolean once;

  @Option(
      names = "--source",
      paramLabel = "DIR",
      description =
          "Directory of article/feed files to import and watch (repeatable; default" + " seeds/).")
  List<String> sources = new ArrayList<>();

  @Mixin WebOptions web;

  @Mixin ManagementOptions management;

  @Option(names = "--no-web", description = "Run without the web UI and API.")
  boolean noWeb;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Map<String, Object> flags = new HashMap<>();
    ConfigOptions.put(flags, Settings.SOURCES, sources);
    web.addTo(flags);
    management.addTo(flags);
    Settings settings = config.settings(flags);
    PrintWriter out = spec.commandLine().getOut();
    try (Pipeline pipeline =
        once
            ? Pipeline.startOnce(settings, TopicSet.DEFAULT)
            : Pipeline.start(settings, TopicSet.DEFAULT)) {
      if (once) {
        Pipeline.Summary summary = pipeline.runOnce();
        pipeline.close(); // so the summary is the last thing on screen
        out.println(summary.render());
      } else {
        String ui = "";
        if (!noWeb) {
          WebService served = pipeline.startWeb(", or run without the UI: --no-web");
          ui =
              String.format(
                  "%nWeb UI and API at %s (metrics at %smetrics, readiness at %shealth/ready)",
                  served.url(), served.url(), served.url());
        }
        out.printf(
            "newspipe is running: watching %s, storing to %s.%s%nPress Ctrl-C to stop.%n",
            settings.sources(), Stores.describe(settings.storeUrl()), ui);
        out.flush();
        pipeline.runUntilStopped();
      }
      out.flush();
      return 0;
    }
  }
}
