package io.newspipe.read;

import io.newspipe.schemas.AvroSerde;
import io.newspipe.schemas.TaggedArticle;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decoding of tagged-topic records for readers that print rather than process them. */
public final class TaggedRecords {
  private static final Logger LOG = LoggerFactory.getLogger(TaggedRecords.class);
  private static final AvroSerde<TaggedArticle> SERDE = AvroSerde.of(TaggedArticle.class);

  private TaggedRecords() {}

  /**
   * The record's article, or null for a tombstone or a record that cannot be decoded (logged): one
   * bad record must not stop a replay or a subscription. The pipeline's own consumers dead-letter
   * such records instead.
   */
  public static TaggedArticle decodeOrNull(ConsumerRecord<byte[], byte[]> r) {
    try {
      return SERDE.decode(r.value());
    } catch (SerializationException e) {
      LOG.warn(
          "skipping undecodable record {}-{}@{}: {}",
          r.topic(),
          r.partition(),
          r.offset(),
          e.getMessage());
      return null;
    }
  }
}
