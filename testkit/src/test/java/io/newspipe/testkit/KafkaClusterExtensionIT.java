package io.newspipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.schemas.Article;
import io.newspipe.schemas.TopicSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KafkaClusterExtensionIT {

  @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void shouldRoundTripAnArticleThroughRawTopic() {
    TopicSet topics = KAFKA.topics("shouldRoundTripAnArticleThroughRawTopic");
    Article article = Articles.article("a1", "Captagon seized", "Police seized pills.");

    KAFKA.produce(topics.raw(), "a1", article);

    List<ConsumerRecord<String, Article>> records = KAFKA.consume(topics.raw(), 1, TIMEOUT);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).key()).isEqualTo("a1");
    assertThat(records.get(0).value()).isEqualTo(article);
  }

  @Test
  void shouldGiveEachCallItsOwnNamespace() {
    TopicSet first = KAFKA.topics("Same Name");
    TopicSet second = KAFKA.topics("Same Name");

    assertThat(first.raw().name()).isNotEqualTo(second.raw().name()).matches("[a-z0-9.-]+");
    KAFKA.produceRaw(first.dlq().name(), new byte[] {1}, new byte[] {2});
    assertThat(KAFKA.consume(first.dlq(), 1, TIMEOUT)).hasSize(1);
    assertThat(KAFKA.consume(second.dlq(), 1, Duration.ofSeconds(1))).isEmpty();
  }

  @Test
  void shouldTreatCreatingAnExistingTopicAsDone() {
    TopicSet topics = KAFKA.topics("existing");

    KAFKA.createTopics(topics.raw(), topics.tag("narcotics"));
    KAFKA.createTopic(topics.dlq().name(), 3);

    KAFKA.produce(topics.tag("narcotics"), "a1", Articles.tagged(article(), Articles.tag("x")));
    assertThat(KAFKA.consume(topics.tag("narcotics"), 1, TIMEOUT)).hasSize(1);
  }

  @Test
  void shouldHideAbortedTransactionsFromConsumers() {
    TopicSet topics = KAFKA.topics("transactions");
    Map<String, Object> props = KAFKA.producerProps();
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "testkit-tx-" + topics.raw().name());
    try (KafkaProducer<String, Article> producer =
        new KafkaProducer<>(
            props, topics.raw().keySerde().serializer(), topics.raw().valueSerde().serializer())) {
      producer.initTransactions();
      // One partition, aborted first: once the committed record is read, the aborted one has
      // been passed over, so the consumer need not wait for a record that must never come.
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topics.raw().name(), 0, "aborted", article()));
      producer.flush();
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topics.raw().name(), 0, "committed", article()));
      producer.commitTransaction();
    }

    List<ConsumerRecord<String, Article>> records = KAFKA.consume(topics.raw(), 1, TIMEOUT);
    assertThat(records).extracting(ConsumerRecord::key).containsExactly("committed");
    assertThat(KAFKA.consumeToEnd(topics.raw(), TIMEOUT))
        .as("the end of what is committed, past the aborted record and both markers")
        .extracting(ConsumerRecord::key)
        .containsExactly("committed");
  }

  @Test
  void shouldReadEverythingCommittedUpToTheEnd() {
    TopicSet topics = KAFKA.topics("to-end");
    assertThat(KAFKA.consumeToEnd(topics.raw(), TIMEOUT)).as("an empty topic").isEmpty();
    for (int i = 0; i < 3; i++) {
      KAFKA.produceTo(topics.raw(), i % 2, "a" + i, article());
    }

    List<ConsumerRecord<String, Article>> records = KAFKA.consumeToEnd(topics.raw(), TIMEOUT);

    assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("a0", "a1", "a2");
  }

  private static Article article() {
    return Articles.article("a1", "headline", "body");
  }
}
