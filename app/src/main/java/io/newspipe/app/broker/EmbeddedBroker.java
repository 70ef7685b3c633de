package io.newspipe.app.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (the distribution's {@link KafkaRaftServer}, combined broker and
 * controller) running in this JVM, for {@code newspipe up} and {@code newspipe broker}.
 *
 * <p>Data lives in the directory the caller gives (the CLI passes {@code ./data/kafka}): formatted
 * on first start, reused with the same cluster id afterwards. It listens on 127.0.0.1 only.
 *
 * <pre>{@code
 * try (EmbeddedBroker.Handle kafka = EmbeddedBroker.connectOrStart(dir, 9092, 9093)) {
 *   run(kafka.bootstrapServers()); // closes the broker only if this JVM started it
 * }
 * }</pre>
 */
public final class EmbeddedBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

  /** Default port clients connect to. */
  public static final int DEFAULT_BROKER_PORT = 9092;

  /** Default port of the KRaft controller listener. */
  public static final int DEFAULT_CONTROLLER_PORT = 9093;

  /** File in the data directory naming the address of the broker that currently serves it. */
  static final String ADDRESS_FILE = "newspipe-broker.address";

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

  /** How long the start-up sweep for hanging transactions may take before it is skipped. */
  private static final Duration HANGING_SWEEP_TIMEOUT = Duration.ofSeconds(30);

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

  /** Data directories of the brokers running in this JVM. */
  private static final Set<Path> IN_THIS_JVM = ConcurrentHashMap.newKeySet();

  private final KafkaRaftServer server;
  private final BrokerStorage storage;
  private final String bootstrapServers;
  private final String clusterId;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private boolean closed;

  private EmbeddedBroker(
      KafkaRaftServer server, BrokerStorage storage, String bootstrapServers, String clusterId) {
    this.server = server;
    this.storage = storage;
    this.bootstrapServers = bootstrapServers;
    this.clusterId = clusterId;
  }

  /**
   * Starts a broker on {@code dataDir} and returns once it accepts requests.
   *
   * @throws BrokerException if a port is taken, another broker uses {@code dataDir}, or Kafka fails
   *     to start; the message says what to do
   */
  public static EmbeddedBroker start(Path dataDir, int brokerPort, int controllerPort) {
    Objects.requireNonNull(dataDir, "dataDir");
    long begin = System.nanoTime();
    BrokerStorage storage = new BrokerStorage(dataDir);
    // A broker of this JVM is found by path: probing its lock file from the same process could
    // release Kafka's own lock (POSIX locks belong to the process, not the channel).
    if (!IN_THIS_JVM.add(storage.dir())) {
      throw new BrokerException(inUse(dataDir));
    }
    try {
      return start(storage, dataDir, brokerPort, controllerPort, begin);
    } catch (RuntimeException e) {
      IN_THIS_JVM.remove(storage.dir());
      throw e;
    }
  }

  private static EmbeddedBroker start(
      BrokerStorage storage, Path dataDir, int brokerPort, int controllerPort, long begin) {
    storage.checkNotLocked(inUse(dataDir));
    checkPortFree(brokerPort, "broker", dataDir);
    checkPortFree(controllerPort, "controller", dataDir);
    String clusterId = storage.formatIfNeeded();

    KafkaConfig config =
        new KafkaConfig(BrokerConfig.properties(storage.dir(), brokerPort, controllerPort), false);
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    try {
      server.startup();
    } catch (RuntimeException e) {
      shutdownQuietly(server);
      throw new BrokerException(
          "Kafka broker failed to start on "
              + dataDir
              + ": "
              + e.getMessage()
              + "; if the data directory is damaged, stop newspipe and delete it (its topics are"
              + " lost)",
          e);
    }
    Optional<String> answered = BrokerProbe.await(BrokerConfig.HOST, brokerPort, STARTUP_TIMEOUT);
    if (answered.isEmpty()) {
      shutdownQuietly(server);
      throw new BrokerException(
          "Kafka broker on "
              + dataDir
              + " did not accept requests within "
              + STARTUP_TIMEOUT.toSeconds()
              + " s; see the log above");
    }
    String bootstrap = BrokerConfig.HOST + ":" + brokerPort;
    EmbeddedBroker broker = new EmbeddedBroker(server, storage, bootstrap, clusterId);
    broker.writeAddress();
    LOG.info(
        "Kafka broker ready at {} (data {}, cluster {}) in {} ms",
        bootstrap,
        dataDir,
        clusterId,
        Duration.ofNanos(System.nanoTime() - begin).toMillis());
    // Before any client of this process connects: a transaction left hanging by a killed process
    // would stop every read_committed reader of its partitions (HangingTransactions).
    HangingTransactions.abortAll(bootstrap, HANGING_SWEEP_TIMEOUT);
    return broker;
  }

  /**
   * Connects to a broker already serving {@code dataDir} (e.g. {@code newspipe broker} in another
   * terminal) or starts one in this JVM; {@link Handle#owned()} says which, and {@link
   * Handle#close()} stops the broker only if this call started it.
   *
   * @throws BrokerException if {@code brokerPort} is taken by something else or the broker cannot
   *     start
   */
  public static Handle connectOrStart(Path dataDir, int brokerPort, int controllerPort) {
    BrokerStorage storage = new BrokerStorage(dataDir);
    Optional<String> clusterId = storage.clusterId();
    if (clusterId.isPresent()) {
      for (int port : candidatePorts(storage, brokerPort)) {
        Optional<String> answered = BrokerProbe.clusterId(BrokerConfig.HOST, port, PROBE_TIMEOUT);
        if (answered.equals(clusterId)) {
          String bootstrap = BrokerConfig.HOST + ":" + port;
          LOG.info("using the Kafka broker already serving {} at {}", dataDir, bootstrap);
          return new Handle(bootstrap, null);
        }
      }
    }
    EmbeddedBroker broker = start(dataDir, brokerPort, controllerPort);
    return new Handle(broker.bootstrapServers(), broker);
  }

  // The address file first: a broker started with other ports still serves this directory.
  private static List<Integer> candidatePorts(BrokerStorage storage, int brokerPort) {
    List<Integer> ports = new ArrayList<>();
    Path file = storage.dir().resolve(ADDRESS_FILE);
    try {
      if (Files.isRegularFile(file)) {
        String address = Files.readString(file, StandardCharsets.UTF_8).trim();
        ports.add(Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)));
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("ignoring unreadable {}: {}", file, e.toString());
    }
    if (!ports.contains(brokerPort)) {
      ports.add(brokerPort);
    }
    return ports;
  }

  /** {@code 127.0.0.1:<brokerPort>}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The cluster id stored in the data directory. */
  public String clusterId() {
    return clusterId;
  }

  /** Stops the broker cleanly and waits for it; later calls do nothing. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    long begin = System.nanoTime();
    try {
      Files.deleteIfExists(storage.dir().resolve(ADDRESS_FILE));
    } catch (IOException e) {
      LOG.debug("could not delete {}: {}", ADDRESS_FILE, e.toString());
    }
    shutdownQuietly(server);
    IN_THIS_JVM.remove(storage.dir());
    stopped.countDown();
    LOG.info(
        "Kafka broker stopped in {} ms", Duration.ofNanos(System.nanoTime() - begin).toMillis());
  }

  /** Blocks until {@link #close()} has stopped the broker (e.g. from a Ctrl-C hook). */
  public void awaitShutdown() throws InterruptedException {
    stopped.await();
  }

  private void writeAddress() {
    Path file = storage.dir().resolve(ADDRESS_FILE);
    try {
      Files.writeString(file, bootstrapServers + System.lineSeparator(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      LOG.warn(
          "could not write {} ({}): other newspipe commands will only find this broker on its"
              + " default port",
          file,
          e.getMessage());
    }
  }

  private static void shutdownQuietly(KafkaRaftServer server) {
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      LOG.warn("Kafka broker did not shut down cleanly: {}", e.toString());
    }
  }

  private static String inUse(Path dataDir) {
    return "another newspipe broker is already using "
        + dataDir
        + "; stop it or pass --bootstrap-servers";
  }

  private static void checkPortFree(int port, String role, Path dataDir) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(BrokerConfig.HOST, port));
    } catch (IOException e) {
      throw new BrokerException(
          "cannot start the Kafka "
              + role
              + " for "
              + dataDir
              + ": port "
              + BrokerConfig.HOST
              + ":"
              + port
              + " is already in use; stop what uses it, choose another port, or pass"
              + " --bootstrap-servers to use a running broker",
          e);
    }
  }

  /**
   * A broker to use: either one this JVM started ({@link #owned()}), or one another process runs.
   * Closing it stops the broker only when owned.
   */
  public static final class Handle implements AutoCloseable {

    private final String bootstrapServers;
    private final EmbeddedBroker broker;

    Handle(String bootstrapServers, EmbeddedBroker broker) {
      this.bootstrapServers = bootstrapServers;
      this.broker = broker;
    }

    public String bootstrapServers() {
      return bootstrapServers;
    }

    /** True if this JVM started the broker and so must stop it. */
    public boolean owned() {
      return broker != null;
    }

    /** The broker this JVM started, if it did. */
    public Optional<EmbeddedBroker> broker() {
      return Optional.ofNullable(broker);
    }

    @Override
    public void close() {
      if (broker != null) {
        broker.close();
      }
    }
  }
}
