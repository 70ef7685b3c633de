package io.newspipe.app.cli;

import io.newspipe.app.config.Settings;
import io.newspipe.app.ops.Operations;
import io.newspipe.app.run.InstanceId;
import io.newspipe.app.run.KafkaConnection;
import io.newspipe.app.run.Management;
import io.newspipe.app.run.Notify;
import io.newspipe.app.run.Pipeline;
import io.newspipe.app.run.ServiceRunner;
import io.newspipe.app.run.Taxonomies;
import io.newspipe.app.run.TopicAdmin;
import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.enrich.topology.EnrichService;
import io.newspipe.schemas.TopicSet;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
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

  @Mixin ManagementOptions management;

  @Override
  public Integer call() throws Exception {
    Map<String, Object> flags = new HashMap<>();
    management.addTo(flags);
    Settings settings = config.settings(flags);
    TopicSet topics = TopicSet.DEFAULT;
    try (ServiceRunner runner = new ServiceRunner()) {
      KafkaConnection kafka = runner.own(KafkaConnection.open(settings));
      InstanceId id = runner.own(InstanceId.claim(settings, "enrich"));
      Operations operations = Management.open(runner, settings, kafka, true);
      TopicAdmin.ensureCore(kafka, settings, topics);
      EnrichService enrich =
          new EnrichService(
              new Tagger(Taxonomies.load(settings)),
              topics,
              kafka.bootstrapServers(),
              Pipeline.enrichProps(settings, kafka, id),
              Pipeline.storyRules(settings),
              Clock.systemUTC(),
              operations.metrics().registry());
      enrich.topicPolicy(TopicAdmin.policy(settings));
      runner.start(enrich);
      runner.start(
          Notify.service(
              settings,
              kafka,
              topics,
              runner.own(InstanceId.claim(settings, "notify")))); // saved searches, alerts
      ServiceRunner.failIfDied(runner.awaitStop());
    }
    return 0;
  }
}
