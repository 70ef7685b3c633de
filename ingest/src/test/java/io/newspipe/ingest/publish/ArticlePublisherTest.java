package io.newspipe.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspipe.ingest.format.ParseException;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.DeadLetters;
import io.newspipe.schemas.Source;
import io.newspipe.schemas.TopicSet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class ArticlePublisherTest {

  private static final TopicSet TOPICS = TopicSet.DEFAULT.withNamespace("t1");

  private final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  private final ArticlePublisher publisher = new ArticlePublisher(producer, TOPICS);

  static Article article(String id, Instant published) {
    return Article.newBuilder()
        .setId(id)
        .setSource(Source.newBuilder().setId("desk").setName("Desk").setFormat("text").build())
        .setHeadline("Headline")
        .setBody("Body")
        .setPublishedAt(published)
        .setReceivedAt(Instant.parse("2025-06-01T12:00:00Z"))
        .setContentHash("0".repeat(64))
        .build();
  }

  @Test
  void shouldKeyByIdStampWithPublicationTimeAndEncodeWithTheRawSerde() throws Exception {
    Article a = article("desk:story.txt", Instant.parse("2025-03-14T09:30:00Z"));

    publisher.publish(a).get();

    ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
    assertThat(sent.topic()).isEqualTo("t1.news.articles.raw");
    assertThat(new String(sent.key(), StandardCharsets.UTF_8)).isEqualTo("desk:story.txt");
    assertThat(sent.timestamp()).isEqualTo(Instant.parse("2025-03-14T09:30:00Z").toEpochMilli());
    assertThat(TOPICS.raw().valueSerde().deserializer().deserialize(sent.topic(), sent.value()))
        .isEqualTo(a);
    assertThat(publisher.published()).isEqualTo(1);
  }

  @Test
  void shouldDeadLetterWithReasonHeadersSourceAndRawBytes() throws Exception {
    byte[] payload = "<rss><broken".getBytes(StandardCharsets.UTF_8);
    ParseException reason = new ParseException("/in/bad.xml", "not a readable feed");

    publisher.deadLetter("/in/bad.xml", payload, reason).get();

    ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
    assertThat(sent.topic()).isEqualTo("t1.news.dlq");
    assertThat(sent.value()).isEqualTo(payload);
    assertThat(new String(sent.key(), StandardCharsets.UTF_8)).isEqualTo("/in/bad.xml");
    assertThat(DeadLetters.get(sent.headers(), DeadLetters.STAGE)).isEqualTo("ingest");
    assertThat(DeadLetters.get(sent.headers(), DeadLetters.SOURCE)).isEqualTo("/in/bad.xml");
    assertThat(DeadLetters.get(sent.headers(), DeadLetters.EXCEPTION))
        .isEqualTo(ParseException.class.getName());
    assertThat(DeadLetters.get(sent.headers(), DeadLetters.MESSAGE))
        .isEqualTo("cannot parse /in/bad.xml: not a readable feed");
    assertThat(DeadLetters.get(sent.headers(), ArticlePublisher.ORIGINAL_SIZE_HEADER)).isNull();
    assertThat(publisher.deadLettered()).isEqualTo(1);
    assertThat(publisher.published()).isZero();
  }

  @Test
  void shouldCutOversizedDeadLetterPayloadsAndSaySo() throws Exception {
    byte[] payload = new byte[ArticlePublisher.MAX_DEAD_LETTER_PAYLOAD_BYTES + 10];

    publisher.deadLetter("/in/big.xml", payload, new IllegalStateException("x")).get();

    ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
    assertThat(sent.value()).hasSize(ArticlePublisher.MAX_DEAD_LETTER_PAYLOAD_BYTES);
    assertThat(DeadLetters.get(sent.headers(), ArticlePublisher.ORIGINAL_SIZE_HEADER))
        .isEqualTo(Integer.toString(payload.length));
  }

  @Test
  void shouldCountAndReturnFailedSends() {
    MockProducer<byte[], byte[]> manual =
        new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
    ArticlePublisher p = new ArticlePublisher(manual, TOPICS);

    CompletableFuture<RecordMetadata> sent = p.publish(article("desk:a", null));
    manual.errorNext(new TimeoutException("brokers gone"));

    assertThat(sent).isCompletedExceptionally();
    assertThat(p.failed()).isEqualTo(1);
    assertThat(p.published()).isZero();
  }

  @Test
  void shouldDeadLetterAnArticleTooLargeForAKafkaRecord() {
    MockProducer<byte[], byte[]> small =
        new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
    ArticlePublisher limited = new ArticlePublisher(small, TOPICS);
    Article a = article("desk:huge.txt", null);

    CompletableFuture<RecordMetadata> result = limited.publish(a);
    small.errorNext(new RecordTooLargeException("The message is 2000000 bytes"));
    small.completeNext(); // the dead letter

    assertThat(result).isCompletedExceptionally();
    ProducerRecord<byte[], byte[]> dead = small.history().get(1);
    assertThat(dead.topic()).isEqualTo("t1.news.dlq");
    assertThat(dead.value()).isEqualTo(small.history().get(0).value());
    assertThat(
            new String(
                dead.headers().lastHeader(DeadLetters.MESSAGE).value(), StandardCharsets.UTF_8))
        .contains("desk:huge.txt")
        .contains("more than a Kafka record may hold");
    assertThat(limited.deadLettered()).isEqualTo(1);
    assertThat(limited.failed()).isEqualTo(1);
  }

  @Test
  void shouldEnforceIdempotenceAndAcksAll() {
    Map<String, Object> config =
        ArticlePublisher.producerConfig(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "h:9092"));

    assertThat(config)
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "h:9092");
    assertThatThrownBy(
            () ->
                ArticlePublisher.producerConfig(
                    Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("enable.idempotence=false");
    assertThatThrownBy(
            () -> ArticlePublisher.producerConfig(Map.of(ProducerConfig.ACKS_CONFIG, "1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("acks=1");
  }
}
