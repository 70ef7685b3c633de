package io.newspipe.schemas;

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
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place newspipe creates topics: each missing topic gets the {@link TopicPolicy}'s
 * partitions and replication and the configs its {@link Topic} declares, whichever command or
 * service asks first; existing topics are left as they are. Every command and service that needs
 * topics goes through here, so a tag topic created by {@code subscribe} looks like one created by
 * enrich.
 */
public final class TopicProvisioner {
  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
  private static final long TIMEOUT_SECONDS = 60;

  private final Map<String, Object> adminProps;
  private final TopicPolicy policy;

  /**
   * @param clientProps Kafka client properties (bootstrap servers, TLS, SASL); admin ones are used
   * @param policy partitions and replication of the topics created
   */
  public TopicProvisioner(Map<String, Object> clientProps, TopicPolicy policy) {
    this.adminProps = new HashMap<>(clientProps);
    this.adminProps.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
    this.policy = policy;
  }

  public TopicPolicy policy() {
    return policy;
  }

  /**
   * Creates each topic that does not exist yet.
   *
   * @return the names of the topics this call created
   * @throws IllegalStateException when topics cannot be listed or created, saying what to check
   */
  public List<String> ensure(Collection<? extends Topic<?, ?>> topics) {
    try (Admin admin = Admin.create(adminProps)) {
      Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (Topic<?, ?> t : topics) {
        if (!existing.contains(t.name())
            && missing.stream().noneMatch(n -> n.name().equals(t.name()))) {
          missing.add(newTopic(t));
        }
      }
      List<String> created = new ArrayList<>();
      admin
          .createTopics(missing)
          .values()
          .forEach(
              (name, future) -> {
                if (awaitCreated(name, future)) {
                  created.add(name);
                }
              });
      if (!created.isEmpty()) {
        LOG.info(
            "created topics {} ({} partitions, replication {})",
            created,
            policy.partitions(),
            policy.replicationFactor() < 0 ? "broker default" : policy.replicationFactor());
      }
      return created;
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cannot list or create topics on "
              + adminProps.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)
              + ": "
              + e.getMessage()
              + " (is the broker reachable, and may this client create topics?)",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  /** The creation request for a topic under this policy. */
  NewTopic newTopic(Topic<?, ?> t) {
    short replication = policy.replicationFactor();
    return new NewTopic(
            t.name(),
            Optional.of(policy.partitions()),
            replication < 0 ? Optional.empty() : Optional.of(replication))
        .configs(t.configs());
  }

  /** Whether this call created the topic (false: another client created it meanwhile). */
  private static boolean awaitCreated(String name, KafkaFuture<Void> future) {
    try {
      future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        return false;
      }
      throw new IllegalStateException(
          "cannot create topic "
              + name
              + ": "
              + e.getCause().getMessage()
              + " (create it by hand, or give this client's principal CREATE on the cluster)",
          e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "timed out creating topic " + name + ": is the broker reachable?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + name, e);
    }
  }
}
