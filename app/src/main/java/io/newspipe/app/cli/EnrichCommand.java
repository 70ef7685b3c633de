package io.newspipe.app.cli;

import io.newspipe.app.config.Settings;
import io.newspipe.app.run.KafkaConnection;
import io.newspipe.app.run.Pipeline;
import io.newspipe.app.run.Taxonomies;
import io.newspipe.app.run.TopicAdmin;
import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.enrich.topology.EnrichService;
import io.newspipe.schemas.TopicSet;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newspipe enrich}: the Kafka Streams tagger alone (what compose runs). */
@Command(
    name = "enrich",
    mixinStandardHelpOptions = true,
    description =
        "Run enrich alone: tag news.articles.raw into news.articles.tagged and news.tags.<tag>"
            + " with exactly-once Kafka Streams, until Ctrl-C. Run more instances to share the"
            + " work by partition.")
public final class EnrichCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Override
  public Integer call() throws Exception {
    Settings settings = config.settings();
    TopicSet topics = TopicSet.DEFAULT;
    try (KafkaConnection kafka = KafkaConnection.open(settings)) {
      TopicAdmin.ensureCore(kafka, settings, topics);
      EnrichService enrich =
          new EnrichService(
              new Tagger(Taxonomies.load(settings)),
              topics,
              kafka.bootstrapServers(),
              Pipeline.enrichProps(settings, kafka),
              Pipeline.storyRules(settings));
      CountDownLatch stopped = new CountDownLatch(1);
      Thread hook =
          new Thread(
              () -> {
                enrich.close(Duration.ofSeconds(30));
                stopped.countDown();
              },
              "newspipe-enrich-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      enrich.start();
      stopped.await();
    }
    return 0;
  }
}
