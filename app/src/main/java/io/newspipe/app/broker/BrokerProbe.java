package io.newspipe.app.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.config.ConfigException;

/**
 * The one way newspipe asks a Kafka cluster whether it answers, and which cluster it is: for a
 * configured {@code --bootstrap-servers} at start ({@link #awaitReachable}: without it an
 * unreachable cluster shows as a minute of client warnings before the first real request times
 * out), and for the embedded broker on a local port ({@link #clusterId}, {@link #await}).
 */
public final class BrokerProbe {

  /** The probe's client id; {@code KnownNoiseFilter} keeps its connection warnings quiet. */
  public static final String CLIENT_ID = "newspipe-startup-check";

  private BrokerProbe() {}

  /** What a cluster answered: its id, or why there is none. */
  record Answer(Optional<String> clusterId, String problem) {}

  /**
   * Asks the cluster at {@code bootstrapServers} to describe itself, waiting at most {@code
   * timeout}.
   *
   * @param clientProps the pass-through client properties (TLS and SASL settings included)
   */
  static Answer ask(String bootstrapServers, Map<String, Object> clientProps, Duration timeout) {
    int ms = (int) Math.max(1, timeout.toMillis());
    Map<String, Object> props = new HashMap<>(clientProps);
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, CLIENT_ID);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
    props.putIfAbsent(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, (long) ms);
    props.putIfAbsent(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, (long) ms);
    Admin admin = Admin.create(props);
    try {
      DescribeClusterResult cluster = admin.describeCluster();
      if (cluster.nodes().get(ms, TimeUnit.MILLISECONDS).isEmpty()) {
        return new Answer(Optional.empty(), "it answered but listed no live broker");
      }
      return new Answer(
          Optional.ofNullable(cluster.clusterId().get(ms, TimeUnit.MILLISECONDS)), "no cluster id");
    } catch (ExecutionException e) {
      return new Answer(
          Optional.empty(), e.getCause() == null ? e.toString() : e.getCause().getMessage());
    } catch (TimeoutException e) {
      return new Answer(Optional.empty(), "no answer");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(Optional.empty(), "interrupted");
    } catch (RuntimeException e) {
      return new Answer(Optional.empty(), e.getMessage());
    } finally {
      // Nothing of the probe's is worth waiting for once it has its answer.
      admin.close(Duration.ZERO);
    }
  }

  /**
   * Returns when the cluster at {@code bootstrapServers} lists its brokers within {@code timeout}.
   *
   * @param clientProps the pass-through client properties (TLS and SASL settings included)
   * @throws ConfigException naming the servers and the setting to change when it does not
   */
  public static void awaitReachable(
      String bootstrapServers, Map<String, Object> clientProps, Duration timeout) {
    long started = System.nanoTime();
    Answer answer = ask(bootstrapServers, clientProps, timeout);
    if (answer.clusterId().isPresent()) {
      return;
    }
    long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    throw new ConfigException(
        "cannot reach Kafka at "
            + bootstrapServers
            + " within "
            + waited
            + " s ("
            + answer.problem()
            + "): check --bootstrap-servers / NEWSPIPE_KAFKA_BOOTSTRAP_SERVERS and that the"
            + " broker runs, or leave them unset to use the embedded broker");
  }

  /** True if something accepts TCP connections on {@code host:port}. */
  static boolean listening(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The cluster id of the broker at {@code host:port} once it serves requests with at least one
   * live broker, or empty if nothing answers like a Kafka broker within the timeout.
   */
  static Optional<String> clusterId(String host, int port, Duration timeout) {
    // A plain connect first: when nothing listens (the usual case) this answers at once and
    // spares the user the admin client's connection warnings.
    if (!listening(host, port)) {
      return Optional.empty();
    }
    return ask(host + ":" + port, Map.of(), timeout).clusterId();
  }

  /** Polls {@link #clusterId} until a broker answers or the deadline passes. */
  static Optional<String> await(String host, int port, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<String> id = clusterId(host, port, Duration.ofSeconds(2));
      if (id.isPresent()) {
        return id;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
