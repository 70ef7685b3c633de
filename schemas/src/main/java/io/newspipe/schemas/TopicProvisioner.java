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
import org.apache.kafka.clients.admin.DescribeProducersOptions;
import org.apache.kafka.clients.admin.DescribeProducersResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
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
  private static final long OPEN_TIMEOUT_SECONDS = 30;

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
        awaitWritable(admin, created);
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

  /**
   * Waits until every partition of topics just created is open on its leader, so that the first
   * produce requests of an idempotent producer cannot be reordered around the moment the broker
   * opens the partition: a request refused because the partition was not open yet, overtaken by a
   * later one that was accepted, is then refused as out of order until it expires, and its records
   * are lost (KAFKA-15591, fixed only in Kafka 4.5; seen here as {@code OutOfOrderSequenceException
   * ... 0 (incoming seq. number)} in the broker log and a producer stuck for its delivery timeout).
   * A partition answers a producer-state query ({@code DescribeProducers}) only once it is open on
   * its leader, and the admin client retries that query while the leader is not known or the
   * partition not yet open.
   *
   * <p>Never throws: a partition that does not open within the timeout is logged, and producers
   * retry as they would without the wait.
   *
   * @return whether every partition was seen open (false after the timeout, or where the cluster
   *     does not allow or support the check)
   */
  public static boolean awaitWritable(Admin admin, Collection<String> topics) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(OPEN_TIMEOUT_SECONDS);
    List<TopicPartition> waiting = new ArrayList<>();
    try {
      waiting.addAll(partitionsOf(admin, topics, deadline));
      while (!waiting.isEmpty()) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          LOG.warn(
              "partitions {} of topics just created did not open within {} s; producing to them"
                  + " now may lose the first records of an idempotent producer (KAFKA-15591)",
              waiting,
              OPEN_TIMEOUT_SECONDS);
          return false;
        }
        DescribeProducersResult result =
            admin.describeProducers(
                waiting, new DescribeProducersOptions().timeoutMs((int) Math.min(left, 5_000)));
        List<TopicPartition> notOpen = new ArrayList<>();
        for (TopicPartition tp : waiting) {
          try {
            result.partitionResult(tp).get();
          } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthorizationException
                || e.getCause() instanceof UnsupportedVersionException) {
              // Not allowed or not supported here: waiting would only delay the start.
              LOG.warn("cannot check that topics {} are open: {}", topics, e.getCause().toString());
              return false;
            }
            notOpen.add(tp);
          }
        }
        waiting.retainAll(notOpen);
        if (!waiting.isEmpty()) {
          Thread.sleep(50);
        }
      }
      return true;
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("could not check that topics {} are open: {}", topics, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  // The partitions of topics just created, once the broker answering knows them all.
  private static List<TopicPartition> partitionsOf(
      Admin admin, Collection<String> topics, long deadline)
      throws ExecutionException, TimeoutException, InterruptedException {
    while (true) {
      try {
        List<TopicPartition> partitions = new ArrayList<>();
        admin
            .describeTopics(topics)
            .allTopicNames()
            .get(OPEN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
            .values()
            .forEach(
                d ->
                    d.partitions()
                        .forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
        return partitions;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
            || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(20);
      }
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
