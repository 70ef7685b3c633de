package io.newspipe.read.replay;

import io.newspipe.schemas.TaggedArticle;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code --to TOPIC}: the original TaggedArticle bytes, key (article id) and timestamp (publication
 * time), so the topic reads like a tag topic ({@code subscribe --topic TOPIC}).
 */
public final class TopicOutput implements ReplayOutput {
  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  public TopicOutput(Map<String, Object> clientProps, String topic) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    this.producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    this.topic = topic;
  }

  @Override
  public void write(ConsumerRecord<byte[], byte[]> record, TaggedArticle article) {
    Exception earlier = failure.get();
    if (earlier != null) {
      throw new IllegalStateException(
          "cannot write to " + topic + ": " + earlier.getMessage(), earlier);
    }
    producer.send(
        new ProducerRecord<>(topic, null, record.timestamp(), record.key(), record.value()),
        (metadata, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          }
        });
  }

  @Override
  public void close() {
    producer.flush();
    producer.close(Duration.ofSeconds(30));
    Exception e = failure.get();
    if (e != null) {
      throw new IllegalStateException("cannot write to " + topic + ": " + e.getMessage(), e);
    }
  }
}
