package io.newspipe.app.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerIT {

  @TempDir Path dataDir;

  @Test
  void shouldKeepTopicsRecordsAndClusterIdAcrossRestart() throws Exception {
    int brokerPort = freePort();
    int controllerPort = freePort();
    String clusterId;
    try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, brokerPort, controllerPort)) {
      clusterId = broker.clusterId();
      try (Admin admin = admin(broker.bootstrapServers())) {
        admin.createTopics(List.of(new NewTopic("survivor", 3, (short) 1))).all().get();
      }
      produce(broker.bootstrapServers(), "survivor", "k1", "v1", null);
      assertThat(consume(broker.bootstrapServers(), "survivor", 1)).containsExactly("k1=v1");
    }
    // As after a crash: an address file naming a port where nothing listens any more.
    Files.writeString(dataDir.resolve(EmbeddedBroker.ADDRESS_FILE), "127.0.0.1:" + freePort());

    try (EmbeddedBroker.Handle handle =
        EmbeddedBroker.connectOrStart(dataDir, brokerPort, controllerPort)) {
      assertThat(handle.owned()).isTrue();
      assertThat(handle.broker().orElseThrow().clusterId()).isEqualTo(clusterId);
      try (Admin admin = admin(handle.bootstrapServers())) {
        assertThat(admin.listTopics().names().get()).contains("survivor");
        assertThat(admin.describeTopics(Set.of("survivor")).allTopicNames().get())
            .extractingByKey("survivor")
            .satisfies(d -> assertThat(d.partitions()).hasSize(3));
      }
      assertThat(consume(handle.bootstrapServers(), "survivor", 1)).containsExactly("k1=v1");
    }
  }

  @Test
  void shouldShareARunningBrokerInsteadOfStartingASecondOnTheSameDirectory() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, freePort(), freePort())) {
      assertThatThrownBy(() -> EmbeddedBroker.start(dataDir, freePort(), freePort()))
          .isInstanceOf(BrokerException.class)
          .hasMessageContaining("another newspipe broker is already using " + dataDir)
          .hasMessageContaining("--bootstrap-servers");

      // Different default ports: the broker is found through the address it wrote in dataDir.
      try (EmbeddedBroker.Handle handle =
          EmbeddedBroker.connectOrStart(dataDir, freePort(), freePort())) {
        assertThat(handle.owned()).isFalse();
        assertThat(handle.bootstrapServers()).isEqualTo(broker.bootstrapServers());
      }

      // Closing the borrowed handle left the broker running, and it runs transactions.
      try (Admin admin = admin(broker.bootstrapServers())) {
        admin.createTopics(List.of(new NewTopic("tx", 1, (short) 1))).all().get();
      }
      produce(broker.bootstrapServers(), "tx", "aborted", "x", "tx-1");
      assertThat(consume(broker.bootstrapServers(), "tx", 1)).containsExactly("committed=x");
    }
  }

  @Test
  void shouldLeaveAnOpenTransactionTheCoordinatorTracksToItsProducer() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, freePort(), freePort())) {
      String bootstrap = broker.bootstrapServers();
      try (Admin admin = admin(bootstrap)) {
        admin.createTopics(List.of(new NewTopic("open-tx", 1, (short) 1))).all().get();
      }
      Map<String, Object> props =
          Map.of(
              ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
              bootstrap,
              ProducerConfig.TRANSACTIONAL_ID_CONFIG,
              "live-producer");
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("open-tx", 0, "k", "v")).get();

        // Open, but tracked: not hanging. Aborting it would lose a live producer's records.
        assertThat(HangingTransactions.abortAll(bootstrap, Duration.ofSeconds(30))).isZero();

        producer.commitTransaction();
      }
      assertThat(consume(bootstrap, "open-tx", 1)).containsExactly("k=v");
    }
  }

  @Test
  void shouldLeaveTheOpenTransactionOfAProducerThatOutlivesABrokerRestart() throws Exception {
    int brokerPort = freePort();
    int controllerPort = freePort();
    String bootstrap;
    Map<String, Object> props = new java.util.HashMap<>();
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "outlives-the-broker");
    props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 120_000);
    KafkaProducer<String, String> producer;
    try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, brokerPort, controllerPort)) {
      bootstrap = broker.bootstrapServers();
      try (Admin admin = admin(bootstrap)) {
        admin.createTopics(List.of(new NewTopic("restart-tx", 1, (short) 1))).all().get();
      }
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("restart-tx", 0, "k", "v")).get();
    }
    // The broker restarts under the open transaction; its start-up sweep must know the
    // coordinator tracks it (asked before the coordinator has loaded its log, it looks hanging).
    try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, brokerPort, controllerPort);
        producer) {
      producer.commitTransaction();
      assertThat(consume(broker.bootstrapServers(), "restart-tx", 1)).containsExactly("k=v");
    }
  }

  @Test
  void shouldExplainThatAPortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", 0));
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> EmbeddedBroker.start(dataDir, port, freePort()))
          .isInstanceOf(BrokerException.class)
          .hasMessageContaining("127.0.0.1:" + port + " is already in use");
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }

  private static Admin admin(String bootstrap) {
    return Admin.create(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  /**
   * Sends key=value; with a transactional id, first sends and aborts {@code key}, then commits a
   * record keyed {@code committed}.
   */
  private static void produce(
      String bootstrap, String topic, String key, String value, String transactionalId)
      throws Exception {
    Map<String, Object> props =
        new java.util.HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    if (transactionalId != null) {
      props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    }
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      if (transactionalId == null) {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
        return;
      }
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, 0, key, value));
      producer.flush();
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, 0, "committed", value));
      producer.commitTransaction();
    }
  }

  private static List<String> consume(String bootstrap, String topic, int atLeast) {
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG,
            "it-" + System.nanoTime(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed");
    List<String> seen = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (seen.size() < atLeast && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          seen.add(r.key() + "=" + r.value());
        }
      }
    }
    return seen;
  }
}
