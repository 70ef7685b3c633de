package io.newspipe.app.replay;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Kafka clients for readers that position themselves (assign + seek), never joining a group. */
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
    Map<String, Object> props = new HashMap<>(clientProps);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    if (group != null) {
      props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
