package io.newspipe.app.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerConfigTest {

  private final Map<String, String> props =
      BrokerConfig.properties(Path.of("/data/kafka"), 9092, 9093);

  @Test
  void shouldListenOnLoopbackOnly() {
    assertThat(props.get("listeners"))
        .isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
    assertThat(props.get("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092");
    assertThat(props.get("controller.quorum.voters")).isEqualTo("1@127.0.0.1:9093");
  }

  @Test
  void shouldGiveInternalTopicsOneReplicaSoTransactionsWorkOnOneNode() {
    assertThat(props)
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1")
        .containsEntry("group.initial.rebalance.delay.ms", "0")
        .containsEntry("auto.create.topics.enable", "false")
        .containsEntry("num.partitions", "3")
        .containsEntry("log.dirs", "/data/kafka");
  }
}
