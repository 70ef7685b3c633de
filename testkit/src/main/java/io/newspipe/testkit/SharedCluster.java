package io.newspipe.testkit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one single-node KRaft cluster of a test JVM, with the admin client and byte producer the
 * extension shares. Started on first use; closed by JUnit's root store at the end of the run, or by
 * a shutdown hook when the JVM exits some other way.
 */
final class SharedCluster implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SharedCluster.class);

  private static SharedCluster instance;

  private final KafkaClusterTestKit cluster;
  private final Admin admin;
  private final KafkaProducer<byte[], byte[]> producer;
  private boolean closed;

  private SharedCluster(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()));
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    this.producer = new KafkaProducer<>(props);
  }

  /** The running cluster, starting it if this is the first call in the JVM. */
  static synchronized SharedCluster get() {
    if (instance == null || instance.closed) {
      instance = new SharedCluster(startCluster());
      SharedCluster started = instance;
      Runtime.getRuntime()
          .addShutdownHook(new Thread(started::close, "newspipe-testkit-kafka-shutdown"));
    }
    return instance;
  }

  private static KafkaClusterTestKit startCluster() {
    long begin = System.nanoTime();
    try {
      TestKitNodes nodes =
          new TestKitNodes.Builder()
              .setCombined(true)
              .setNumBrokerNodes(1)
              .setNumControllerNodes(1)
              // The test kit defaults to unreleased feature levels; run what a real broker runs.
              .setBootstrapMetadataVersion(MetadataVersion.LATEST_PRODUCTION)
              .build();
      KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
      BrokerSettings.SINGLE_NODE.forEach(builder::setConfigProp);
      builder.setConfigProp("unstable.api.versions.enable", "false");
      builder.setConfigProp("unstable.feature.versions.enable", "false");
      KafkaClusterTestKit cluster = builder.build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      LOG.info(
          "in-JVM Kafka cluster ready at {} in {} ms",
          cluster.bootstrapServers(),
          Duration.ofNanos(System.nanoTime() - begin).toMillis());
      return cluster;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the in-JVM Kafka cluster", e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "could not start the in-JVM Kafka cluster (KafkaClusterTestKit); see the cause. "
              + "A missing class usually means a test-classifier Kafka jar is missing from "
              + "testkit/pom.xml",
          e);
    }
  }

  String bootstrap() {
    return cluster.bootstrapServers();
  }

  Admin admin() {
    return admin;
  }

  KafkaProducer<byte[], byte[]> producer() {
    return producer;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    producer.close(Duration.ofSeconds(5));
    admin.close(Duration.ofSeconds(5));
    try {
      cluster.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("in-JVM Kafka cluster did not close cleanly: {}", e.toString());
    }
  }
}
