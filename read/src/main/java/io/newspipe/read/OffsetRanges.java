package io.newspipe.read;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Per partition, the offsets to read: from the first record at or after a time (Kafka's {@code
 * offsetsForTimes}: every earlier offset holds an earlier record) up to the end offset captured
 * now, so records written while reading are not part of the run.
 */
public final class OffsetRanges {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Map<TopicPartition, Long> start;
  private final Map<TopicPartition, Long> end;

  public OffsetRanges(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {
    this.start = Map.copyOf(start);
    this.end = Map.copyOf(end);
  }

  /** Every partition of the topics, from {@code since} (or the beginning, if null) to now. */
  public static OffsetRanges since(
      Consumer<?, ?> consumer, Collection<String> topics, Instant since) {
    List<TopicPartition> partitions = partitions(consumer, topics);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
    Map<TopicPartition, Long> start = new HashMap<>(consumer.beginningOffsets(partitions, TIMEOUT));
    if (since != null) {
      Map<TopicPartition, Long> query = new HashMap<>();
      partitions.forEach(tp -> query.put(tp, since.toEpochMilli()));
      Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, TIMEOUT);
      for (TopicPartition tp : partitions) {
        OffsetAndTimestamp at = found.get(tp);
        // No record at or after the time: nothing to read in this partition.
        start.put(tp, at == null ? end.get(tp) : at.offset());
      }
    }
    return new OffsetRanges(start, end);
  }

  /** The partitions of the topics; a topic that does not exist is an error that says so. */
  public static List<TopicPartition> partitions(
      Consumer<?, ?> consumer, Collection<String> topics) {
    List<TopicPartition> result = new ArrayList<>();
    for (String topic : topics) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
      if (infos == null || infos.isEmpty()) {
        throw new IllegalArgumentException(
            "topic " + topic + " does not exist (is this the right Kafka, and has ingest run?)");
      }
      infos.forEach(p -> result.add(new TopicPartition(p.topic(), p.partition())));
    }
    return result;
  }

  /** The same ends with other starts (e.g. committed offsets of a resumed run). */
  public OffsetRanges withStarts(Map<TopicPartition, Long> starts) {
    Map<TopicPartition, Long> merged = new HashMap<>(start);
    starts.forEach((tp, offset) -> merged.computeIfPresent(tp, (k, old) -> offset));
    return new OffsetRanges(merged, end);
  }

  public long start(TopicPartition tp) {
    return start.get(tp);
  }

  public long end(TopicPartition tp) {
    return end.get(tp);
  }

  public Set<TopicPartition> partitions() {
    return start.keySet();
  }

  /** Partitions with something to read. */
  public Set<TopicPartition> nonEmpty() {
    return start.keySet().stream()
        .filter(tp -> start.get(tp) < end.get(tp))
        .collect(Collectors.toSet());
  }

  /** Offsets in all ranges (records, plus any transaction markers among them). */
  public long size() {
    return start.keySet().stream().mapToLong(tp -> Math.max(0, end.get(tp) - start.get(tp))).sum();
  }

  public Map<TopicPartition, Long> ends() {
    return end;
  }
}
