package io.newspipe.app.cli;

import io.newspipe.app.config.Settings;
import io.newspipe.app.ops.ConsumerLag;
import io.newspipe.app.ops.ManagementServer;
import io.newspipe.app.ops.Metrics;
import io.newspipe.app.ops.Operations;
import io.newspipe.app.run.InstanceId;
import io.newspipe.app.run.KafkaConnection;
import io.newspipe.app.run.Pipeline;
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
  public Integer call() {
    Map<String, Object> flags = new HashMap<>();
    management.addTo(flags);
    Settings settings = config.settings(flags);
    Operations operations = new Operations(Metrics.create());
    try (Shutdown.Orderly shutdown = Shutdown.orderly("newspipe-sink-shutdown");
        KafkaConnection kafka = KafkaConnection.open(settings);
        ConsumerLag lag = Pipeline.lag(settings, kafka, operations.metrics().registry());
        ArticleStore store = Stores.open(settings.storeUrl());
        InstanceId id = InstanceId.claim(settings, "sink");
        SinkService sink =
            new SinkService(
                Pipeline.sinkProps(kafka, id),
                TopicSet.DEFAULT,
                store,
                settings.getString(Settings.SINK_GROUP_ID),
                operations.metrics().registry());
        ManagementServer server = ManagementServer.startIfConfigured(settings, operations)) {
      shutdown.onSignal(sink::close);
      sink.run();
    } catch (Exception e) {
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
    return 0;
  }
}
