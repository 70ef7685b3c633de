package io.newspipe.app.cli;

import io.newspipe.app.config.Settings;
import io.newspipe.app.ops.Operations;
import io.newspipe.app.run.InstanceId;
import io.newspipe.app.run.KafkaConnection;
import io.newspipe.app.run.Management;
import io.newspipe.app.run.Pipeline;
import io.newspipe.app.run.ServiceRunner;
import io.newspipe.schemas.TopicSet;
import io.newspipe.sink.consume.SinkService;
import io.newspipe.store.ArticleStore;
import io.newspipe.store.Stores;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newspipe sink}: the store writer alone (what compose runs). */
@Command(
    name = "sink",
    mixinStandardHelpOptions = true,
    description =
        "Run sink alone: write news.articles.tagged into the store (offsets kept in the store's"
            + " transaction), until Ctrl-C.")
public final class SinkCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Mixin ManagementOptions management;

  @Override
  public Integer call() throws InterruptedException {
    Map<String, Object> flags = new HashMap<>();
    management.addTo(flags);
    Settings settings = config.settings(flags);
    try (ServiceRunner runner = new ServiceRunner()) {
      KafkaConnection kafka = runner.own(KafkaConnection.open(settings));
      Operations operations = Management.open(runner, settings, kafka, true);
      ArticleStore store = runner.own(Stores.open(settings.storeUrl()));
      InstanceId id = runner.own(InstanceId.claim(settings, "sink"));
      runner.start(
          new SinkService(
              Pipeline.sinkProps(kafka, id),
              TopicSet.DEFAULT,
              store,
              settings.getString(Settings.SINK_GROUP_ID),
              operations.metrics().registry()));
      ServiceRunner.failIfDied(runner.awaitStop());
    }
    return 0;
  }
}
