package io.newspipe.read;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Kafka clients for readers that position themselves (assign + seek), never joining a group: the
 * CLI's replay and subscribe, and the web's live feed. They read only committed transactions, so an
 * aborted write of enrich is never shown, and commit nothing.
 */
public final class Clients {
  private Clients() {}

  /**
   * A {@code read_committed} byte-array consumer without a group: readers assign partitions and
   * seek, so two subscribers never split a stream between them, and nothing is committed.
   */
  public static KafkaConsumer<byte[], byte[]> reader(Map<String, Object> clientProps) {
    return groupReader(clientProps, null);
  }

  /**
   * The same, with a group for committed offsets only (re-tagging commits through its producer's
   * transactions); it still assigns partitions itself.
   */
  public static KafkaConsumer<byte[], byte[]> groupReader(
      Map<String, Object> clientProps, String group) {
    Map<String, Object> props = props(clientProps, group, "earliest");
    props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
    return consumer(props);
  }

  /**
   * The properties of a reader that follows a topic live: as {@link #reader}, but a partition it
   * has no position for starts at its end. Returned for the caller to add to (e.g. how often to
   * refresh metadata) before {@link #consumer}.
   */
  public static Map<String, Object> tailProps(Map<String, Object> clientProps) {
    return props(clientProps, null, "latest");
  }

  /** A byte-array consumer with these properties. */
  public static KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> props) {
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static Map<String, Object> props(
      Map<String, Object> clientProps, String group, String reset) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG); // positions are assigned, never committed
    if (group != null) {
      props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, reset);
    return props;
  }
}
