package io.newspipe.read.replay;

import io.newspipe.schemas.TaggedArticle;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where replayed articles go: a screen or pipe, or a topic. */
public interface ReplayOutput extends AutoCloseable {

  /** One article, with the record it was read from (key, timestamp, original bytes). */
  void write(ConsumerRecord<byte[], byte[]> record, TaggedArticle article);

  @Override
  void close();
}
