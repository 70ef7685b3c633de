package io.newspipe.sink.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

class SinkClientConfigsTest {

  private static final Map<String, Object> CALLER =
      Map.of(
          "bootstrap.servers", "broker:9092",
          "security.protocol", "SASL_SSL",
          "group.id", "someone-elses",
          "enable.auto.commit", "true",
          "value.deserializer", StringDeserializer.class,
          "max.poll.records", 100,
          "transactional.id", "tx-1");

  @Test
  void shouldForceTheConsumerSettingsExactlyOnceStorageNeedsAndPassTheRestThrough() {
    Map<String, Object> config = SinkClientConfigs.consumer(CALLER, "newspipe-sink");

    assertThat(config)
        .containsEntry("group.id", "newspipe-sink")
        .containsEntry("isolation.level", "read_committed")
        .containsEntry("enable.auto.commit", false)
        .containsEntry("value.deserializer", ByteArrayDeserializer.class)
        .containsEntry("bootstrap.servers", "broker:9092")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("max.poll.records", 100);
  }

  @Test
  void shouldGiveTheDeadLetterProducerOnlyProducerSettings() {
    Map<String, Object> config = SinkClientConfigs.deadLetterProducer(CALLER);

    assertThat(config)
        .containsEntry("bootstrap.servers", "broker:9092")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("acks", "all")
        .doesNotContainKeys(
            "group.id", "max.poll.records", "value.deserializer", "transactional.id");
  }
}
