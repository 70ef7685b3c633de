package io.newspipe.app.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;

/** Asks whatever listens on a local port whether it is a Kafka broker, and of which cluster. */
final class BrokerProbe {

  private BrokerProbe() {}

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
    int ms = (int) Math.max(1, timeout.toMillis());
    Map<String, Object> props =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            host + ":" + port,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            ms,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            ms,
            AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG,
            (long) ms,
            AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG,
            (long) ms);
    try (Admin admin = Admin.create(props)) {
      DescribeClusterResult cluster = admin.describeCluster();
      if (cluster.nodes().get(ms, TimeUnit.MILLISECONDS).isEmpty()) {
        return Optional.empty();
      }
      return Optional.ofNullable(cluster.clusterId().get(ms, TimeUnit.MILLISECONDS));
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
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
