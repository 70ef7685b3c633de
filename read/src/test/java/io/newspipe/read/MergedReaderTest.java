package io.newspipe.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class MergedReaderTest {

  private static final TopicPartition P0 = new TopicPartition("t", 0);
  private static final TopicPartition P1 = new TopicPartition("t", 1);

  @Test
  void shouldMergePartitionsByTimestampAndStopAtTheEndOffsets() {
    MockConsumer<byte[], byte[]> consumer =
        new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
    consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
    consumer.schedulePollTask(
        () -> {
          add(consumer, P0, 0, 10);
          add(consumer, P0, 1, 30);
          add(consumer, P0, 2, 50); // beyond the end offset captured at start
          add(consumer, P1, 0, 20);
          add(consumer, P1, 1, 40);
        });
    OffsetRanges ranges = new OffsetRanges(Map.of(P0, 0L, P1, 0L), Map.of(P0, 2L, P1, 2L));

    List<Long> seen = new ArrayList<>();
    MergedReader reader = new MergedReader(consumer, ranges);
    reader.forEach(r -> seen.add(r.timestamp()));

    assertThat(seen).containsExactly(10L, 20L, 30L, 40L);
    assertThat(reader.inOrder()).isTrue();
  }

  private static void add(MockConsumer<byte[], byte[]> c, TopicPartition tp, long offset, long ts) {
    c.addRecord(
        new ConsumerRecord<>(
            tp.topic(),
            tp.partition(),
            offset,
            ts,
            TimestampType.CREATE_TIME,
            0,
            0,
            new byte[0],
            new byte[0],
            new org.apache.kafka.common.header.internals.RecordHeaders(),
            java.util.Optional.empty()));
  }
}
