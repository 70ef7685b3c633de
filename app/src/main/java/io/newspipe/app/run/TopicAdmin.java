package io.newspipe.app.run;

import io.newspipe.app.config.Settings;
import io.newspipe.schemas.Topic;
import io.newspipe.schemas.TopicSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics a deployment needs, with the configs declared in {@code Topics}. */
public final class TopicAdmin {
  private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);

  private TopicAdmin() {}

  /** Creates the deployment's core topics with the configured partitions and replication. */
  public static void ensureCore(KafkaConnection kafka, Settings settings, TopicSet topics) {
    ensure(
        kafka.clientProps(),
        topics.core(),
        settings.getInt(Settings.TOPIC_PARTITIONS),
        settings.getShort(Settings.TOPIC_REPLICATION));
  }

  /** Creates each topic that does not exist yet; existing topics are left as they are. */
  public static void ensure(
      Map<String, Object> clientProps,
      Collection<Topic<?, ?>> topics,
      int partitions,
      short replicationFactor) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (Topic<?, ?> t : topics) {
        if (!existing.contains(t.name())) {
          missing.add(
              new NewTopic(
                      t.name(),
                      Optional.of(partitions),
                      replicationFactor < 0 ? Optional.empty() : Optional.of(replicationFactor))
                  .configs(t.configs()));
        }
      }
      if (missing.isEmpty()) {
        return;
      }
      admin.createTopics(missing).values().forEach((name, future) -> awaitCreated(name, future));
      LOG.info("created topics {}", missing.stream().map(NewTopic::name).toList());
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cannot list or create topics on "
              + clientProps.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)
              + ": "
              + e.getMessage()
              + " (is the broker reachable, and may this client create topics?)",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  private static void awaitCreated(String name, org.apache.kafka.common.KafkaFuture<Void> future) {
    try {
      future.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause(), e);
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("timed out creating topic " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + name, e);
    }
  }
}
