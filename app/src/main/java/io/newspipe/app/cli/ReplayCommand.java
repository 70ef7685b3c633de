package io.newspipe.app.cli;

import io.newspipe.app.config.Settings;
import io.newspipe.app.replay.ProgressBar;
import io.newspipe.app.replay.Retagger;
import io.newspipe.app.replay.StoreReplayer;
import io.newspipe.app.run.KafkaConnection;
import io.newspipe.app.run.ServiceRunner;
import io.newspipe.app.run.Taxonomies;
import io.newspipe.app.run.TopicAdmin;
import io.newspipe.enrich.retag.TagChanges;
import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.enrich.taxonomy.Taxonomy;
import io.newspipe.read.ArticleLines;
import io.newspipe.read.Clients;
import io.newspipe.read.Dates;
import io.newspipe.read.replay.PrintOutput;
import io.newspipe.read.replay.ReplayOutput;
import io.newspipe.read.replay.ReplayRequest;
import io.newspipe.read.replay.Replayer;
import io.newspipe.read.replay.TopicOutput;
import io.newspipe.schemas.Topic;
import io.newspipe.schemas.TopicSet;
import io.newspipe.store.ArticleStore;
import io.newspipe.store.Stores;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newspipe replay}: past coverage in publication order, or re-tagged with a taxonomy. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Replay coverage by publication time from news.articles.tagged (or, with --from-store, from"
          + " the store): each article once (its latest version), in publication order, to the"
          + " screen or to a topic; or, with --retag,"
          + " re-tag the raw history with --taxonomy FILE through the normal path.",
      "  newspipe replay --since 2024-06-10 --until 2024-06-20 --tag middle-east",
      "  newspipe replay --since 2024-06-01 --speed 3600 --to news.replay.june",
      "  newspipe replay --from-store --since 2024-06-10 --until 2024-06-20 --tag middle-east",
      "  newspipe replay --retag --taxonomy taxonomy-v2.yaml"
    })
public final class ReplayCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Spec CommandSpec spec;

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description = "Start of the window: 2024-06-10 (start of day, UTC) or 2024-06-10T08:00Z.")
  String since;

  @Option(
      names = "--until",
      paramLabel = "DATE",
      description = "End of the window, exclusive; a date means the end of that day.")
  String until;

  @Option(
      names = "--tag",
      paramLabel = "ID",
      description = "Only articles with this tag (repeatable: any of them).")
  List<String> tags = new ArrayList<>();

  @Option(names = "--source", paramLabel = "ID", description = "Only articles from this source id.")
  String source;

  @Option(
      names = "--speed",
      paramLabel = "N|max",
      description =
          "N times faster than the original spacing (3600: an hour a second), or max (default).")
  String speed = "max";

  @Option(
      names = "--to",
      paramLabel = "TOPIC|-",
      description = "- for standard output (default), or a topic to write (created if missing).")
  String to = "-";

  @Option(
      names = "--format",
      paramLabel = "text|json",
      description = "Standard output format: text (default) or json (one TaggedArticle a line).")
  String format = "text";

  @Option(
      names = "--retag",
      description =
          "Re-tag raw history (since --since, else all) with --taxonomy and write it to the tagged"
              + " and tag topics; resumable, exactly once.")
  boolean retag;

  @Option(
      names = "--from-store",
      description =
          "Read the store (store.url) instead of Kafka: same filters and output; withdrawn"
              + " articles are left out, and an article without a publication time counts at the"
              + " time it was received. Needs no broker unless --to names a topic.")
  boolean fromStore;

  /** Tests replay a namespaced topic set; the CLI uses the production topics. */
  TopicSet topics = TopicSet.DEFAULT;

  @Override
  public Integer call() throws Exception {
    if (fromStore && retag) {
      throw new IllegalArgumentException(
          "--from-store cannot be combined with --retag: re-tagging reads the raw history in"
              + " Kafka (drop --from-store)");
    }
    ArticleLines.format(format); // a typo fails before connecting
    Settings settings = config.settings();
    if (fromStore) {
      return replayFromStore(settings);
    }
    try (KafkaConnection kafka = KafkaConnection.open(settings)) {
      return retag ? retag(kafka, settings) : replay(kafka, settings);
    }
  }

  private ReplayRequest request() {
    if (since == null) {
      throw new IllegalArgumentException(
          "replay needs --since DATE (e.g. --since 2024-06-01); --until is optional");
    }
    return new ReplayRequest(
        Dates.since(since),
        until == null ? null : Dates.until(until),
        new LinkedHashSet<>(tags),
        source,
        parseSpeed(speed));
  }

  private int replayFromStore(Settings settings) throws Exception {
    ReplayRequest request = request();
    try (ArticleStore store = Stores.open(settings.storeUrl())) {
      if ("-".equals(to)) {
        return replayFromStore(store, request, output(null, settings), settings);
      }
      try (KafkaConnection kafka = KafkaConnection.open(settings)) {
        return replayFromStore(store, request, output(kafka, settings), settings);
      }
    }
  }

  private int replayFromStore(
      ArticleStore store, ReplayRequest request, ReplayOutput out, Settings settings)
      throws Exception {
    try (ReplayOutput output = out) {
      StoreReplayer replayer = new StoreReplayer(store, topics.tagged().name());
      try (ServiceRunner runner = new ServiceRunner()) {
        runner.onStop(replayer::stop);
        report(replayer.run(request, output), "from " + Stores.describe(settings.storeUrl()));
      }
    }
    return 0;
  }

  private int replay(KafkaConnection kafka, Settings settings) throws Exception {
    ReplayRequest request = request();
    try (KafkaConsumer<byte[], byte[]> consumer = Clients.reader(kafka.clientProps());
        ReplayOutput output = output(kafka, settings)) {
      Replayer replayer = new Replayer(consumer, topics);
      try (ServiceRunner runner = new ServiceRunner()) {
        runner.onStop(replayer::stop);
        Replayer.Stats stats = replayer.run(request, output);
        report(
            stats, "(" + String.format(Locale.ROOT, "%,d", stats.scanned()) + " records scanned)");
      }
    }
    return 0;
  }

  private void report(Replayer.Stats stats, String from) {
    PrintWriter err = spec.commandLine().getErr();
    err.printf(
        Locale.ROOT,
        "replayed %,d articles %s in %.1f s, %,.0f articles/s%s%n",
        stats.emitted(),
        from,
        stats.elapsedNanos() / 1e9,
        stats.ratePerSecond(),
        "-".equals(to) ? "" : " -> " + to);
    err.flush();
  }

  private ReplayOutput output(KafkaConnection kafka, Settings settings) {
    if ("-".equals(to)) {
      return new PrintOutput(
          spec.commandLine().getOut(), ArticleLines.format(format), new LinkedHashSet<>(tags));
    }
    if (to.equals(topics.raw().name())
        || to.equals(topics.tagged().name())
        || to.startsWith(topics.tagPrefix())) {
      throw new IllegalArgumentException(
          "--to "
              + to
              + " is a pipeline topic; replaying into it would duplicate coverage. Pick another"
              + " name, e.g. news.replay.<name>");
    }
    Topic<String, ?> target =
        new Topic<>(to, topics.tagged().keySerde(), topics.tagged().valueSerde(), Map.of());
    TopicAdmin.ensure(
        kafka.clientProps(),
        List.of(target),
        settings.getInt(Settings.TOPIC_PARTITIONS),
        settings.getShort(Settings.TOPIC_REPLICATION));
    return new TopicOutput(kafka.clientProps(), to);
  }

  static double parseSpeed(String text) {
    if ("max".equalsIgnoreCase(text)) {
      return 0;
    }
    try {
      double n = Double.parseDouble(text);
      if (n > 0 && Double.isFinite(n)) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "--speed '" + text + "': use a positive number (3600 = an hour a second) or max");
  }

  private int retag(KafkaConnection kafka, Settings settings) throws Exception {
    Taxonomy taxonomy = Taxonomies.load(settings);
    Tagger tagger = new Tagger(taxonomy);
    TopicAdmin.ensureCore(kafka, settings, topics);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Retagger retagger =
        new Retagger(
            kafka.clientProps(),
            topics,
            tagger,
            500,
            tagTopics ->
                TopicAdmin.ensure(
                    kafka.clientProps(),
                    tagTopics,
                    settings.getInt(Settings.TOPIC_PARTITIONS),
                    settings.getShort(Settings.TOPIC_REPLICATION)));
    err.println(
        "re-tagging "
            + topics.raw().name()
            + " with taxonomy "
            + taxonomy.version()
            + " (group "
            + retagger.group()
            + "; Ctrl-C stops, rerunning resumes)");
    err.flush();
    long started = System.nanoTime();
    try (ServiceRunner runner = new ServiceRunner()) {
      runner.onStop(retagger::stop);
      Instant from = since == null ? null : Dates.since(since);
      Retagger.Result result = retagger.run(from, new ProgressBar(err, System.console() != null));
      // Before the runner lets the JVM exit: Ctrl-C still shows what was done.
      printSummary(out, taxonomy.version(), result, (System.nanoTime() - started) / 1e9);
    }
    return 0;
  }

  static void printSummary(
      PrintWriter out, String version, Retagger.Result result, double seconds) {
    TagChanges changes = result.changes();
    out.printf(
        Locale.ROOT,
        "retag with taxonomy %s: %,d articles re-tagged in %.1f s%s%s%s%n",
        version,
        result.retagged(),
        seconds,
        result.superseded() > 0
            ? String.format(
                Locale.ROOT, " (%,d earlier versions and repeats skipped)", result.superseded())
            : "",
        (result.resumed() ? " (resumed an earlier run)" : "")
            + (result.stopped()
                ? "; STOPPED before the end: rerun the same command to finish"
                : ""),
        result.undecodable() > 0 ? ", " + result.undecodable() + " undecodable skipped" : "");
    out.printf(
        Locale.ROOT,
        "  %,d articles now carry taxonomy %s; %,d changed tags%n",
        changes.articles(),
        version,
        changes.changedArticles());
    Map<String, TagChanges.Count> byTag = changes.byTag();
    if (byTag.isEmpty()) {
      out.println("  no tag added or removed");
    } else {
      out.printf(Locale.ROOT, "  %-28s %8s %8s%n", "tag", "added", "removed");
      byTag.forEach(
          (tag, c) -> out.printf(Locale.ROOT, "  %-28s %8d %8d%n", tag, c.added(), c.removed()));
    }
    out.println("  the sink (newspipe up / newspipe sink) stores the new tags as it reads them");
    out.flush();
  }
}
