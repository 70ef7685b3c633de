package io.newspipe.app.cli;

import io.newspipe.app.config.Settings;
import io.newspipe.app.run.KafkaConnection;
import io.newspipe.app.run.Pipeline;
import io.newspipe.app.run.TopicAdmin;
import io.newspipe.ingest.IngestConfig;
import io.newspipe.ingest.IngestService;
import io.newspipe.ingest.publish.ArticlePublisher;
import io.newspipe.schemas.TopicSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newspipe ingest}: the ingest service alone (what compose runs). */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Run ingest alone: import and watch source directories (and/or read stdin), publish"
            + " articles to news.articles.raw.")
public final class IngestCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Option(
      names = "--source",
      paramLabel = "DIR",
      description = "Directory to import and watch (repeatable).")
  List<String> sources = new ArrayList<>();

  @Option(
      names = "--stdin",
      description = "Also read one document (feed, text or JSON lines) from stdin.")
  boolean stdin;

  @Option(names = "--once", description = "Import what is there (and stdin), then exit.")
  boolean once;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Settings settings =
        config.settings(sources.isEmpty() ? Map.of() : Map.of(Settings.SOURCES, sources));
    IngestConfig ingestConfig = Pipeline.ingestConfig(settings);
    if (stdin) {
      ingestConfig = ingestConfig.withStdin("stdin");
    }
    TopicSet topics = TopicSet.DEFAULT;
    try (KafkaConnection kafka = KafkaConnection.open(settings)) {
      TopicAdmin.ensureCore(kafka, settings, topics);
      try (ArticlePublisher publisher = new ArticlePublisher(kafka.clientProps(), topics);
          IngestService ingest = new IngestService(ingestConfig, publisher)) {
        Thread hook = new Thread(ingest::close, "newspipe-ingest-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
          var summary = once ? ingest.runOnce() : ingest.run();
          spec.commandLine().getOut().println(summary);
        } finally {
          Shutdown.removeHook(hook);
        }
      }
    }
    return 0;
  }
}
