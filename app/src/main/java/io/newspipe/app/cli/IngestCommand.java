package io.newspipe.app.cli;

import io.newspipe.app.config.Settings;
import io.newspipe.app.ops.Operations;
import io.newspipe.app.run.KafkaConnection;
import io.newspipe.app.run.Management;
import io.newspipe.app.run.Pipeline;
import io.newspipe.app.run.ServiceRunner;
import io.newspipe.app.run.TopicAdmin;
import io.newspipe.ingest.IngestConfig;
import io.newspipe.ingest.IngestService;
import io.newspipe.ingest.format.ArticleParser;
import io.newspipe.ingest.publish.ArticlePublisher;
import io.newspipe.ingest.source.ArticleSink;
import io.newspipe.ingest.source.BulkImport;
import io.newspipe.ingest.source.SourceSettings;
import io.newspipe.schemas.TopicSet;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
        "Run ingest alone: import and watch source directories, poll the HTTP feeds of"
            + " newspipe.yaml (and/or read stdin), publish articles to news.articles.raw. With"
            + " --import PATH: a one-shot bulk import with progress.")
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

  @Option(
      names = "--import",
      paramLabel = "PATH",
      description =
          "One-shot bulk import of a directory tree or an archive (.zip, .tar.gz, .tgz, .tar) of"
              + " feed/article files, with progress; then exit. Configured sources and feeds are"
              + " not read.")
  String importPath;

  @Option(
      names = "--import-source",
      paramLabel = "ID",
      description =
          "Source id for --import (prefixes article ids); default: the directory or"
              + " archive name.")
  String importSource;

  @Mixin ManagementOptions management;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (importPath != null) {
      return bulkImport();
    }
    Map<String, Object> flags = new HashMap<>();
    ConfigOptions.put(flags, Settings.SOURCES, sources);
    management.addTo(flags);
    Settings settings = config.settings(flags);
    IngestConfig ingestConfig = Pipeline.ingestConfig(settings);
    if (stdin) {
      ingestConfig = ingestConfig.withStdin("stdin");
    }
    TopicSet topics = TopicSet.DEFAULT;
    try (ServiceRunner runner = new ServiceRunner()) {
      KafkaConnection kafka = runner.own(KafkaConnection.open(settings));
      TopicAdmin.ensureCore(kafka, settings, topics);
      Operations operations = Management.open(runner, settings, kafka, false);
      ArticlePublisher publisher =
          runner.own(
              new ArticlePublisher(kafka.clientProps(), topics, operations.metrics().registry()));
      IngestService ingest = new IngestService(ingestConfig, publisher);
      if (once) {
        ingest.once();
      }
      runner.start(ingest);
      if (!once) {
        runner.awaitStop(); // Ctrl-C closes ingest; it returns once what it sent is flushed
      }
      var summary = ingest.awaitFinished();
      spec.commandLine().getOut().println(summary);
    }
    return 0;
  }

  private Integer bulkImport() throws Exception {
    Settings settings = config.settings(Map.of());
    Path path = Path.of(importPath);
    if (!Files.exists(path)) {
      throw new IllegalArgumentException(
          path.toAbsolutePath() + " does not exist; give a directory, a .zip or a .tar.gz");
    }
    String sourceId = importSource != null ? importSource : BulkImport.sourceIdFor(path);
    SourceSettings sourceSettings =
        SourceSettings.DEFAULTS
            .withMaxDocumentBytes(settings.getLong(Settings.INGEST_MAX_FILE_BYTES))
            .withFollowLinks(settings.getBoolean(Settings.SOURCES_FOLLOW_LINKS));
    TopicSet topics = TopicSet.DEFAULT;
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (KafkaConnection kafka = KafkaConnection.open(settings)) {
      TopicAdmin.ensureCore(kafka, settings, topics);
      try (ArticlePublisher publisher = new ArticlePublisher(kafka.clientProps(), topics)) {
        ArticleSink sink = IngestService.publishingTo(publisher);
        ImportProgress progress = new ImportProgress(err, System.console() != null);
        BulkImport.Counts counts =
            new BulkImport(new ArticleParser(Clock.systemUTC()), sourceSettings, sink)
                .run(path, sourceId, progress);
        publisher.flush();
        progress.finish(counts);
        double seconds = Math.max(0.001, counts.elapsed().toNanos() / 1e9);
        out.printf(
            Locale.ROOT,
            "imported %s as source '%s' in %.1f s (%,.0f files/s)%n"
                + "  files          %,d read (%,d rejected)%n"
                + "  published      %,d articles -> news.articles.raw%n"
                + "  dead-lettered  %,d -> news.dlq%n"
                + "  failed sends   %,d%n",
            path,
            sourceId,
            seconds,
            counts.files() / seconds,
            counts.files(),
            counts.rejected(),
            publisher.published(),
            publisher.deadLettered(),
            publisher.failed());
        return publisher.failed() == 0 ? 0 : 1;
      }
    }
  }
}
