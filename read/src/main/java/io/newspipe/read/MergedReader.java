package io.newspipe.read;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads fixed offset ranges of several partitions and hands the records over merged by record
 * timestamp (a k-way merge of the partitions' heads), partition then offset breaking ties.
 *
 * <p>The merge yields time order when each partition is in time order, which holds for coverage
 * ingested as it is published. Callers that cannot assume that ask {@link #inOrder()} afterwards.
 * Memory stays bounded: a partition whose buffer is full is paused until the merge drains it.
 */
public final class MergedReader {

  // Short: a poll that only moves past a transaction marker returns no records but still waits
  // out its whole timeout, and ranges written transactionally end with one per partition.
  private static final Duration POLL = Duration.ofMillis(10);
  // Pausing costs refetches (the consumer drops data that arrives for a paused partition), so
  // only a partition far ahead of the others is paused.
  private static final int BUFFER_PER_PARTITION = 10_000;

  private final org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer;
  private final OffsetRanges ranges;
  private final Map<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> buffers =
      new HashMap<>();
  private final Set<TopicPartition> reading = new HashSet<>();
  private final Map<TopicPartition, Long> lastTimestamp = new HashMap<>();
  private volatile boolean stopped;
  private boolean inOrder = true;

  public MergedReader(
      org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer, OffsetRanges ranges) {
    this.consumer = consumer;
    this.ranges = ranges;
  }

  /** Stops {@link #forEach} after the record being handled (callable from any thread). */
  public void stop() {
    stopped = true;
  }

  /** Whether every partition's records came in time order (known after {@link #forEach}). */
  public boolean inOrder() {
    return inOrder;
  }

  /** Hands every record of the ranges to {@code handler}, merged by timestamp. */
  public void forEach(Consumer<ConsumerRecord<byte[], byte[]>> handler) {
    List<TopicPartition> partitions = new ArrayList<>(ranges.nonEmpty());
    consumer.assign(partitions);
    for (TopicPartition tp : partitions) {
      consumer.seek(tp, ranges.start(tp));
      buffers.put(tp, new ArrayDeque<>());
      reading.add(tp);
    }
    while (!stopped) {
      if (needsPoll()) {
        poll();
        continue;
      }
      ConsumerRecord<byte[], byte[]> next = takeEarliest();
      if (next == null) {
        return;
      }
      handler.accept(next);
    }
  }

  // The merge may only pick a head when every partition still being read has one buffered.
  private boolean needsPoll() {
    for (TopicPartition tp : reading) {
      if (buffers.get(tp).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private void poll() {
    List<TopicPartition> pause = new ArrayList<>();
    List<TopicPartition> resume = new ArrayList<>();
    Set<TopicPartition> paused = consumer.paused();
    for (TopicPartition tp : consumer.assignment()) {
      boolean full = buffers.get(tp).size() >= BUFFER_PER_PARTITION || !reading.contains(tp);
      if (full && !paused.contains(tp)) {
        pause.add(tp);
      } else if (!full && paused.contains(tp)) {
        resume.add(tp);
      }
    }
    consumer.pause(pause);
    consumer.resume(resume);
    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
      TopicPartition tp = new TopicPartition(r.topic(), r.partition());
      if (r.offset() < ranges.end(tp)) {
        buffers.get(tp).add(r);
        Long last = lastTimestamp.put(tp, r.timestamp());
        if (last != null && last > r.timestamp()) {
          inOrder = false;
        }
      }
    }
    // Transaction markers take offsets too, so "done" is the position, not the last record seen.
    reading.removeIf(tp -> consumer.position(tp) >= ranges.end(tp));
  }

  private ConsumerRecord<byte[], byte[]> takeEarliest() {
    ArrayDeque<ConsumerRecord<byte[], byte[]>> best = null;
    for (ArrayDeque<ConsumerRecord<byte[], byte[]>> buffer : buffers.values()) {
      if (!buffer.isEmpty() && (best == null || earlier(buffer.peek(), best.peek()))) {
        best = buffer;
      }
    }
    return best == null ? null : best.poll();
  }

  private static boolean earlier(ConsumerRecord<?, ?> a, ConsumerRecord<?, ?> b) {
    if (a.timestamp() != b.timestamp()) {
      return a.timestamp() < b.timestamp();
    }
    if (a.partition() != b.partition()) {
      return a.partition() < b.partition();
    }
    return a.offset() < b.offset();
  }
}
