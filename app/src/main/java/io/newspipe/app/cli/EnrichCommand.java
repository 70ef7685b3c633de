package io.newspipe.app.cli;

import io.newspipe.app.config.Settings;
import io.newspipe.app.run.InstanceId;
import io.newspipe.app.run.KafkaConnection;
import io.newspipe.app.run.Notify;
import io.newspipe.app.run.Pipeline;
import io.newspipe.app.run.Taxonomies;
import io.newspipe.app.run.TopicAdmin;
import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.enrich.topology.EnrichService;
import io.newspipe.notify.NotifyService;
import io.newspipe.schemas.TopicSet;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newspipe enrich}: the Kafka Streams tagger alone (what compose runs). */
@Command(
    name = "enrich",
    mixinStandardHelpOptions = true,
    description =
        "Run enrich alone: tag news.articles.raw into news.articles.tagged and news.tags.<tag>"
            + " with exactly-once Kafka Streams, until Ctrl-C, with story events (news.stories)"
            + " and the notify stage (saved searches, alert rules, webhooks). Run more instances"
            + " to share the work by partition.")
public final class EnrichCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Override
  public Integer call() throws Exception {
    Settings settings = config.settings();
    TopicSet topics = TopicSet.DEFAULT;
    try (Shutdown.Orderly shutdown = Shutdown.orderly("newspipe-enrich-shutdown");
        KafkaConnection kafka = KafkaConnection.open(settings);
        InstanceId id = InstanceId.claim(settings, "enrich")) {
      TopicAdmin.ensureCore(kafka, settings, topics);
      EnrichService enrich =
          new EnrichService(
              new Tagger(Taxonomies.load(settings)),
              topics,
              kafka.bootstrapServers(),
              Pipeline.enrichProps(settings, kafka, id),
              Pipeline.storyRules(settings));
      enrich.topicPolicy(TopicAdmin.policy(settings));
      enrich.start();
      NotifyService notify = Notify.service(settings, kafka, topics); // saved searches, alerts
      notify.start();
      try {
        shutdown.awaitSignal();
      } finally {
        notify.close(Duration.ofSeconds(30));
        enrich.close(Duration.ofSeconds(30));
      }
    }
    return 0;
  }
}
