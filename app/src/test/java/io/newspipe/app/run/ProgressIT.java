package io.newspipe.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspipe.testkit.KafkaClusterExtension;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code up --once} waits for enrich through {@link Progress}: a Streams application is done only
 * when it has consumed its input AND its own repartition topics (the story stage sits behind one).
 * The group here commits by hand, standing in for the Streams app at each step.
 */
class ProgressIT {

  @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

  private String group;
  private String input;
  private String repartition;

  @BeforeEach
  void setUp(TestInfo info) throws Exception {
    group = "progress-" + info.getTestMethod().orElseThrow().getName();
    input = group + "-input";
    repartition = group + "-stories-repartition";
    KAFKA.createTopic(input, 1);
    KAFKA.createTopic(repartition, 1);
    Map<String, Object> props = KAFKA.producerProps();
    try (var producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < 5; i++) {
        producer.send(new ProducerRecord<>(input, "k" + i, "raw"));
        producer.send(new ProducerRecord<>(repartition, "k" + i, "tagged"));
      }
      producer.flush();
    }
  }

  @Test
  void shouldNotReturnWhileTheRepartitionTopicIsBehindThoughTheInputIsConsumed() throws Exception {
    commit(input, 5);
    commit(repartition, 2);

    assertThatThrownBy(
            () -> Progress.awaitConsumed(clientProps(), group, input, Duration.ofSeconds(2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("made no progress on " + repartition);
  }

  @Test
  void shouldReturnOnceTheRepartitionTopicIsConsumedToo() throws Exception {
    commit(input, 5);
    commit(repartition, 2);
    CompletableFuture<Void> waiting =
        CompletableFuture.runAsync(
            () -> {
              try {
                Progress.awaitConsumed(clientProps(), group, input, Duration.ofSeconds(30));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(1_000);
    assertThat(waiting).as("still waiting for the repartition topic").isNotDone();

    commit(repartition, 5);
    waiting.get(30, TimeUnit.SECONDS);
    assertThat(waiting).isCompleted();
  }

  private Map<String, Object> clientProps() {
    return Map.of("bootstrap.servers", KAFKA.bootstrapServers());
  }

  private void commit(String topic, long offset) throws Exception {
    try (Admin admin = Admin.create(clientProps())) {
      admin
          .alterConsumerGroupOffsets(
              group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(offset)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
  }
}
