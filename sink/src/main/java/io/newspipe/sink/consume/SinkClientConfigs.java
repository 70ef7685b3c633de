package io.newspipe.sink.consume;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Kafka client configs of the sink: the caller's properties (bootstrap servers, TLS/SASL, tuning)
 * passed through, with the settings exactly-once storage depends on forced.
 */
final class SinkClientConfigs {

  private SinkClientConfigs() {}

  static Map<String, Object> consumer(Map<String, Object> passThrough, String groupId) {
    Map<String, Object> config = new HashMap<>(passThrough);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    // Only committed transactions of the enrich app: aborted attempts must never be stored.
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // Offsets live in the store's transaction; Kafka's committed offsets are never used.
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // Applies only when a stored offset is out of range (topic re-created or truncated).
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Values are decoded by the sink itself, so an undecodable record can be dead-lettered.
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return config;
  }

  /** The id of the Kafka cluster the properties point at (offsets are only valid within it). */
  static String clusterId(Map<String, Object> passThrough) {
    Map<String, Object> config = new HashMap<>();
    passThrough.forEach(
        (key, value) -> {
          if (AdminClientConfig.configNames().contains(key)) {
            config.put(key, value);
          }
        });
    try (Admin admin = Admin.create(config)) {
      return admin.describeCluster().clusterId().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "sink cannot read the Kafka cluster id from "
              + config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)
              + " ("
              + e
              + "); check that Kafka is running and bootstrap.servers is right",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the Kafka cluster id", e);
    }
  }

  static Map<String, Object> deadLetterProducer(Map<String, Object> passThrough) {
    Map<String, Object> config = new HashMap<>();
    // Consumer-only keys would only produce "unknown config" warnings.
    passThrough.forEach(
        (key, value) -> {
          if (ProducerConfig.configNames().contains(key)) {
            config.put(key, value);
          }
        });
    // Dead letters are sent one batch at a time and waited for; a transaction would add nothing.
    config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return config;
  }
}
