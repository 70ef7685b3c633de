package io.newspipe.app.replay;

import io.newspipe.schemas.Article;
import io.newspipe.schemas.Signal;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.Topic;
import io.newspipe.testkit.Articles;
import io.newspipe.testkit.KafkaClusterExtension;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Test coverage: articles with publication times, written in bulk with event-time timestamps. */
final class Coverage implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final java.util.concurrent.atomic.AtomicReference<Exception> failure =
      new java.util.concurrent.atomic.AtomicReference<>();

  Coverage(KafkaClusterExtension kafka) {
    Map<String, Object> props = new HashMap<>(kafka.producerProps());
    props.put("linger.ms", 5);
    // Right after topic creation the test broker briefly answers "not leader"; an idempotent
    // producer can then stall on sequence errors until its delivery timeout. Ordered retries
    // (one request in flight) deliver everything without that.
    props.put("enable.idempotence", false);
    props.put("max.in.flight.requests.per.connection", 1);
    props.put("acks", "all");
    producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  static Article article(String id, int version, Instant published, String headline, String body) {
    return Articles.builder(id, headline, body)
        .setVersion(version)
        .setPublishedAt(published)
        .setSignal(version > 1 ? Signal.UPDATE : Signal.USABLE)
        .build();
  }

  /** Sends with the record timestamp = publication time, as ingest does. */
  <V> void send(Topic<String, V> topic, String id, V value, Instant published) {
    producer.send(
        new ProducerRecord<>(
            topic.name(),
            null,
            published.toEpochMilli(),
            topic.keySerde().serializer().serialize(topic.name(), id),
            topic.valueSerde().serializer().serialize(topic.name(), value)),
        (metadata, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          }
        });
  }

  /** Sends to one partition, e.g. to import coverage out of time order. */
  <V> void sendTo(Topic<String, V> topic, int partition, String id, V value, Instant published) {
    producer.send(
        new ProducerRecord<>(
            topic.name(),
            partition,
            published.toEpochMilli(),
            topic.keySerde().serializer().serialize(topic.name(), id),
            topic.valueSerde().serializer().serialize(topic.name(), value)),
        (metadata, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          }
        });
  }

  void sendTagged(Topic<String, TaggedArticle> topic, Collection<TaggedArticle> values) {
    for (TaggedArticle t : values) {
      send(topic, t.getArticle().getId(), t, t.getArticle().getPublishedAt());
    }
  }

  /** Waits until everything sent is written; fails if anything was not. */
  void flush() throws ExecutionException, InterruptedException {
    producer.flush();
    if (failure.get() != null) {
      throw new ExecutionException("test coverage was not fully written", failure.get());
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
