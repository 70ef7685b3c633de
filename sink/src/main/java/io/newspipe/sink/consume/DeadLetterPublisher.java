package io.newspipe.sink.consume;

import io.newspipe.schemas.DeadLetters;
import io.newspipe.sink.consume.PolledBatch.DeadLetter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records the sink cannot store to the dead-letter topic: original key and value bytes, the
 * original headers plus {@link DeadLetters} reason headers. Sends are waited for, so an offset is
 * only stored past a record once the record is safely in the DLQ. Delivery to the DLQ is at least
 * once: if storing the rest of the batch fails, the retry publishes its dead letters again.
 */
final class DeadLetterPublisher implements AutoCloseable {

  static final String STAGE = "sink";

  private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

  private final Producer<byte[], byte[]> producer;
  private final String topic;

  DeadLetterPublisher(Producer<byte[], byte[]> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  /**
   * Publishes every dead letter and waits until the broker has them.
   *
   * @throws KafkaException if any could not be published (the caller retries the whole batch)
   */
  void publish(List<DeadLetter> deadLetters) {
    if (deadLetters.isEmpty()) {
      return;
    }
    List<Future<RecordMetadata>> sends = new ArrayList<>(deadLetters.size());
    for (DeadLetter d : deadLetters) {
      ConsumerRecord<byte[], byte[]> r = d.record();
      log.warn(
          "cannot read record {}-{}@{} ({}); sending it to dead-letter topic {}. Fix the producer"
              + " that wrote it, then re-publish the payload from the DLQ if it matters",
          r.topic(),
          r.partition(),
          r.offset(),
          d.reason().getMessage(),
          topic);
      var headers =
          DeadLetters.describe(
              new RecordHeaders(r.headers().toArray()),
              STAGE,
              d.reason(),
              r.topic(),
              r.partition(),
              r.offset());
      // No timestamp: the DLQ's retention should count from when the record was rejected.
      sends.add(
          producer.send(new ProducerRecord<>(topic, null, null, r.key(), r.value(), headers)));
    }
    for (Future<RecordMetadata> send : sends) {
      await(send);
    }
  }

  private void await(Future<RecordMetadata> send) {
    try {
      send.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptException(e);
    } catch (ExecutionException e) {
      throw new KafkaException(
          "cannot publish to dead-letter topic "
              + topic
              + ": "
              + e.getCause().getMessage()
              + ". Check that the topic exists and this client may write to it",
          e.getCause());
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
