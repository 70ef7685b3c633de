package io.newspipe.app.cli;

import io.newspipe.app.config.Settings;
import io.newspipe.app.run.KafkaConnection;
import io.newspipe.app.run.ServiceRunner;
import io.newspipe.app.run.Taxonomies;
import io.newspipe.app.run.TopicAdmin;
import io.newspipe.read.ArticleLines;
import io.newspipe.read.Clients;
import io.newspipe.read.Dates;
import io.newspipe.read.Subscriber;
import io.newspipe.read.TagCatalog;
import io.newspipe.schemas.Topic;
import io.newspipe.schemas.TopicSet;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newspipe subscribe}: follow tag topics live, optionally after their history. */
@Command(
    name = "subscribe",
    mixinStandardHelpOptions = true,
    description = {
      "Follow news.tags.<tag> live: one line per tagged article (time, source, headline, tags,"
          + " the evidence), updates and withdrawals marked as such, until Ctrl-C.",
      "  newspipe subscribe --tag narcotics",
      "  newspipe subscribe --tag middle-east --tag espionage --since 2024-06-01",
      "  newspipe subscribe --tag narcotics --from-beginning --format json | jq .article.headline"
    })
public final class SubscribeCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Spec CommandSpec spec;

  @Option(names = "--tag", paramLabel = "ID", description = "Tag to follow (repeatable).")
  List<String> tags = new ArrayList<>();

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      description =
          "Any TaggedArticle topic to follow, e.g. one written by replay --to (repeatable).")
  List<String> extraTopics = new ArrayList<>();

  @Option(names = "--from-beginning", description = "Print all history first, then follow.")
  boolean fromBeginning;

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description = "Print history published since DATE first (2024-06-01, 2024-06-01T08:00Z).")
  String since;

  @Option(
      names = "--format",
      paramLabel = "text|json",
      description = "text (default) for people; json: one TaggedArticle per line.")
  String format = "text";

  /** Tests subscribe a namespaced topic set; the CLI uses the production topics. */
  TopicSet topics = TopicSet.DEFAULT;

  private volatile Subscriber running;

  @Override
  public Integer call() throws Exception {
    if (tags.isEmpty() && extraTopics.isEmpty()) {
      throw new IllegalArgumentException(
          "say what to follow: --tag ID (repeatable), e.g. --tag narcotics");
    }
    if (fromBeginning && since != null) {
      throw new IllegalArgumentException("use --from-beginning or --since DATE, not both");
    }
    Subscriber.Start start =
        fromBeginning
            ? Subscriber.Start.BEGINNING
            : since != null ? Subscriber.Start.since(Dates.since(since)) : Subscriber.Start.LIVE;
    ArticleLines.Format lineFormat = ArticleLines.format(format);
    Settings settings = config.settings();
    try (KafkaConnection kafka = KafkaConnection.open(settings)) {
      List<String> names = topicsToFollow(kafka, settings);
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      err.println("following " + String.join(", ", names) + " (Ctrl-C to stop)");
      err.flush();
      Set<String> focus = new LinkedHashSet<>(tags);
      try (KafkaConsumer<byte[], byte[]> consumer = Clients.reader(kafka.clientProps())) {
        Subscriber subscriber = new Subscriber(consumer, names);
        running = subscriber;
        try (ServiceRunner runner = new ServiceRunner()) {
          runner.onStop(subscriber::stop);
          subscriber.run(
              start,
              (record, article) -> {
                out.println(ArticleLines.line(article, record.timestamp(), lineFormat, focus));
                out.flush();
              });
        }
      }
    }
    return 0;
  }

  /** Stops a running subscription (tests; the CLI stops on Ctrl-C). */
  void stop() {
    Subscriber s = running;
    if (s != null) {
      s.stop();
    }
  }

  boolean isRunning() {
    return running != null;
  }

  // Tag topics are created on demand, so following a taxonomy tag before enrich first ran works.
  private List<String> topicsToFollow(KafkaConnection kafka, Settings settings) throws Exception {
    Set<String> existing;
    try (Admin admin = Admin.create(new HashMap<String, Object>(kafka.clientProps()))) {
      existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
    }
    List<String> names = new ArrayList<>();
    if (!tags.isEmpty()) {
      TagCatalog catalog = new TagCatalog(Taxonomies.load(settings).tagIds(), existing, topics);
      catalog.check(tags);
      List<Topic<?, ?>> tagTopics = new ArrayList<>();
      for (String tag : new LinkedHashSet<>(tags)) {
        tagTopics.add(topics.tag(tag));
        names.add(topics.tag(tag).name());
      }
      TopicAdmin.ensure(
          kafka.clientProps(),
          tagTopics,
          settings.getInt(Settings.TOPIC_PARTITIONS),
          settings.getShort(Settings.TOPIC_REPLICATION));
    }
    for (String topic : extraTopics) {
      if (!existing.contains(topic)) {
        throw new IllegalArgumentException(
            "topic " + topic + " does not exist; check the name (replay --to TOPIC creates one)");
      }
      names.add(topic);
    }
    return names;
  }
}
