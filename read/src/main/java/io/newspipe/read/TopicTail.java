package io.newspipe.read;

import io.newspipe.schemas.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the last records of a small topic, committed ones only: the newest matches of a saved
 * search, the latest alerts, every saved search on the compacted {@code news.watches}. One pass
 * from a bounded position to the end, then the reader is closed; nothing is committed.
 */
public final class TopicTail {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private TopicTail() {}

  /** A decoded record: key, value (null for a tombstone) and timestamp. */
  public record Entry<K, V>(K key, V value, long timestamp) {}

  /**
   * Up to {@code perPartition} last records of each partition of {@code topic}, oldest first (by
   * timestamp); {@code Integer.MAX_VALUE} reads everything. Empty if the topic does not exist.
   */
  public static <K, V> List<Entry<K, V>> read(
      Map<String, Object> clientProps, Topic<K, V> topic, int perPartition) {
    List<Entry<K, V>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = Clients.reader(clientProps)) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), TIMEOUT);
      if (infos == null || infos.isEmpty()) {
        return out;
      }
      List<TopicPartition> parts =
          infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(parts);
      Map<TopicPartition, Long> begin = consumer.beginningOffsets(parts, TIMEOUT);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts, TIMEOUT);
      for (TopicPartition p : parts) {
        long from = Math.max(begin.get(p), end.get(p) - (long) perPartition);
        consumer.seek(p, from);
      }
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (!reachedEnd(consumer, parts, end) && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
            continue;
          }
          K key =
              r.key() == null
                  ? null
                  : topic.keySerde().deserializer().deserialize(r.topic(), r.key());
          V value =
              r.value() == null
                  ? null
                  : topic.valueSerde().deserializer().deserialize(r.topic(), r.value());
          out.add(new Entry<>(key, value, r.timestamp()));
        }
      }
    }
    out.sort(Comparator.comparingLong(Entry::timestamp));
    return out;
  }

  /** The latest value of every key (tombstones remove it), in order of last write. */
  public static <K, V> Map<K, V> latest(Map<String, Object> clientProps, Topic<K, V> topic) {
    Map<K, V> map = new java.util.LinkedHashMap<>();
    for (Entry<K, V> e : read(clientProps, topic, Integer.MAX_VALUE)) {
      map.remove(e.key());
      if (e.value() != null) {
        map.put(e.key(), e.value());
      }
    }
    return map;
  }

  private static boolean reachedEnd(
      KafkaConsumer<byte[], byte[]> consumer,
      List<TopicPartition> parts,
      Map<TopicPartition, Long> end) {
    return parts.stream().allMatch(p -> consumer.position(p) >= end.get(p));
  }

  /** For messages: the topic's partitions as text. */
  static String describe(List<TopicPartition> parts) {
    return parts.stream().map(TopicPartition::toString).collect(Collectors.joining(","));
  }
}
