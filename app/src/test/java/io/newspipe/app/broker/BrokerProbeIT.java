package io.newspipe.app.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspipe.testkit.KafkaClusterExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BrokerProbeIT {

  @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

  @Test
  void shouldReturnWhenTheClusterAnswers() {
    assertThatCode(
            () ->
                BrokerProbe.awaitReachable(
                    KAFKA.bootstrapServers(), Map.of(), Duration.ofSeconds(20)))
        .doesNotThrowAnyException();
  }

  @Test
  void shouldStopWithOneLineNamingTheServersWhenNothingAnswers() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String servers = "127.0.0.1:" + closedPort;

    long started = System.nanoTime();
    assertThatThrownBy(() -> BrokerProbe.awaitReachable(servers, Map.of(), Duration.ofSeconds(2)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cannot reach Kafka at " + servers)
        .hasMessageContaining("--bootstrap-servers")
        .hasMessageNotContaining("\n");
    // The bound is the point: not the clients' minute of retries.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
  }
}
