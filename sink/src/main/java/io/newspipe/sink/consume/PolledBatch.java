package io.newspipe.sink.consume;

import io.newspipe.schemas.TaggedArticle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * One poll's records split into articles to store and records that cannot be decoded, with the
 * offsets the batch starts at (where to rewind on failure) and the offsets to store once it is
 * written, and the records' timestamps (for the end-to-end latency).
 */
record PolledBatch(
    List<TaggedArticle> articles,
    List<DeadLetter> deadLetters,
    Map<TopicPartition, Long> firstOffsets,
    Map<TopicPartition, Long> nextOffsets,
    long[] timestamps) {

  /** Records in the batch, decoded or not. */
  int size() {
    return timestamps.length;
  }

  /** A record that cannot be stored, and why. */
  record DeadLetter(ConsumerRecord<byte[], byte[]> record, RuntimeException reason) {}

  static PolledBatch decode(
      ConsumerRecords<byte[], byte[]> records, Deserializer<TaggedArticle> deserializer) {
    List<TaggedArticle> articles = new ArrayList<>(records.count());
    List<DeadLetter> deadLetters = new ArrayList<>();
    Map<TopicPartition, Long> first = new HashMap<>();
    Map<TopicPartition, Long> next = new HashMap<>();
    long[] timestamps = new long[records.count()];
    int i = 0;
    for (TopicPartition tp : records.partitions()) {
      for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
        first.putIfAbsent(tp, r.offset());
        next.put(tp, r.offset() + 1);
        timestamps[i++] = r.timestamp();
        try {
          articles.add(decode(r, deserializer));
        } catch (RuntimeException e) {
          deadLetters.add(new DeadLetter(r, e));
        }
      }
    }
    return new PolledBatch(
        List.copyOf(articles), List.copyOf(deadLetters), first, next, timestamps);
  }

  private static TaggedArticle decode(
      ConsumerRecord<byte[], byte[]> r, Deserializer<TaggedArticle> deserializer) {
    if (r.value() == null) {
      throw new IllegalArgumentException(
          "null value (tombstone) on "
              + r.topic()
              + ": the sink stores TaggedArticle values only; articles are withdrawn by a"
              + " CANCELED signal, not deleted");
    }
    return deserializer.deserialize(r.topic(), r.headers(), r.value());
  }
}
