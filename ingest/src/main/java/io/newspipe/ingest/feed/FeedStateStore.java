package io.newspipe.ingest.feed;

import io.newspipe.schemas.FeedState;
import io.newspipe.schemas.Topic;
import io.newspipe.schemas.TopicProvisioner;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the latest {@link FeedState} of every feed from the compacted state topic at start-up.
 * Writes go through the article producer (see {@code ArticlePublisher#publishState}), after the
 * articles they describe are acknowledged, so a crash can re-emit an item but never lose one.
 *
 * <p>The topic is created here when missing (compacted, per {@link Topic#configs()}): only
 * deployments that poll feeds need it.
 */
public final class FeedStateStore {

  private static final Logger LOG = LoggerFactory.getLogger(FeedStateStore.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private FeedStateStore() {}

  /** Every feed's latest state, keyed by feed id. */
  public static Map<String, FeedState> load(
      Map<String, Object> clientProps, Topic<String, FeedState> topic, int partitions) {
    ensureTopic(clientProps, topic, partitions);
    Map<String, Object> props = new HashMap<>(clientProps);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    Map<String, FeedState> states = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> parts =
          consumer.partitionsFor(topic.name(), TIMEOUT).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts, TIMEOUT);
      Instant deadline = Instant.now().plus(TIMEOUT);
      while (!caughtUp(consumer, end)) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(
              "could not read feed state from "
                  + topic.name()
                  + " within "
                  + TIMEOUT.toSeconds()
                  + " s; check that the brokers are reachable");
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          String key = topic.keySerde().deserializer().deserialize(topic.name(), r.key());
          if (r.value() == null) {
            states.remove(key);
            continue;
          }
          try {
            states.put(key, topic.valueSerde().deserializer().deserialize(topic.name(), r.value()));
          } catch (RuntimeException e) {
            LOG.warn(
                "ignoring unreadable feed state of '{}' at {}: {}; the feed starts afresh (its"
                    + " current items are emitted again with their stable ids)",
                key,
                r.offset(),
                e.getMessage());
          }
        }
      }
    }
    return states;
  }

  private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static void ensureTopic(
      Map<String, Object> clientProps, Topic<String, FeedState> topic, int partitions) {
    Map<String, Object> adminProps = new HashMap<>();
    clientProps.forEach(
        (k, v) -> {
          if (org.apache.kafka.clients.admin.AdminClientConfig.configNames().contains(k)) {
            adminProps.put(k, v);
          }
        });
    try (Admin admin = Admin.create(adminProps)) {
      Set<String> names =
          admin
              .listTopics()
              .names()
              .get(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
      if (names.contains(topic.name())) {
        return;
      }
      NewTopic newTopic =
          new NewTopic(topic.name(), Optional.of(partitions), Optional.empty())
              .configs(topic.configs());
      admin
          .createTopics(List.of(newTopic))
          .all()
          .get(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
      TopicProvisioner.awaitWritable(admin, List.of(topic.name()));
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(
            "cannot create the feed state topic "
                + topic.name()
                + ": "
                + e.getCause().getMessage()
                + "; create it (cleanup.policy=compact) or grant ingest CreateTopics",
            e.getCause());
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "timed out creating " + topic.name() + "; check that the brokers are reachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating " + topic.name(), e);
    }
  }
}
