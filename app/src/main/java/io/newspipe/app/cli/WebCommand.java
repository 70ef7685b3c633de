package io.newspipe.app.cli;

import io.newspipe.app.config.Settings;
import io.newspipe.app.ops.Operations;
import io.newspipe.app.run.KafkaConnection;
import io.newspipe.app.run.Management;
import io.newspipe.app.run.ServiceRunner;
import io.newspipe.app.run.Taxonomies;
import io.newspipe.app.run.WebServer;
import io.newspipe.enrich.taxonomy.Taxonomy;
import io.newspipe.schemas.TopicSet;
import io.newspipe.store.ArticleStore;
import io.newspipe.store.Stores;
import io.newspipe.web.WebService;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newspipe web}: the web UI and API alone (what compose runs). */
@Command(
    name = "web",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the web UI and JSON API over the store (store.url / --store), with live articles from"
          + " news.articles.tagged, until Ctrl-C. Run more instances behind a load balancer as"
          + " needed: each reads the whole live stream.",
      "API: GET /api/articles?q=&tag=&since=&until=&limit=&cursor=, /api/articles/ID, /api/tags,"
          + " /api/health, /api/stream?tag=ID (Server-Sent Events)."
    })
public final class WebCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Option(
      names = "--web-host",
      paramLabel = "ADDRESS",
      description = "Address to listen on (default: 127.0.0.1, or web.host; 0.0.0.0 for all).")
  String webHost;

  @Mixin WebOptions web;

  @Mixin ManagementOptions management;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Map<String, Object> flags = new HashMap<>();
    ConfigOptions.put(flags, Settings.WEB_HOST, webHost);
    web.addTo(flags);
    management.addTo(flags);
    Settings settings = config.settings(flags);
    Taxonomy taxonomy = Taxonomies.load(settings);
    try (ServiceRunner runner = new ServiceRunner()) {
      ArticleStore store = runner.own(Stores.openExisting(settings.storeUrl()));
      KafkaConnection kafka = runner.own(KafkaConnection.openUnchecked(settings));
      Operations operations = Management.open(runner, settings, null, false);
      WebService served =
          WebServer.start(
              runner, settings, store, kafka, TopicSet.DEFAULT, taxonomy, "", operations, false);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "newspipe web serving %s (store %s, %s). Press Ctrl-C to stop.%n",
          served.url(), Stores.describe(settings.storeUrl()), kafka.describe());
      out.flush();
      ServiceRunner.failIfDied(runner.awaitStop());
    }
    return 0;
  }
}
