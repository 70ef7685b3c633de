package io.newspipe.app.ops;

import io.newspipe.schemas.lifecycle.CachedCheck;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Whether the Kafka cluster answers now: a cluster description through the Admin API, at most one
 * every two seconds however often health is asked. A Kafka Streams app or a consumer keeps its
 * state (RUNNING, assigned) while the brokers are away, so readiness asks the brokers themselves.
 */
public final class BrokerCheck implements AutoCloseable {

  private static final Duration TTL = Duration.ofSeconds(2);
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final Admin admin;
  private final CachedCheck check;

  private BrokerCheck(Admin admin) {
    this.admin = admin;
    this.check = new CachedCheck(TTL, this::describe);
  }

  public static BrokerCheck open(Map<String, Object> clientProps) {
    Map<String, Object> config = new HashMap<>(clientProps);
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "newspipe-health");
    return new BrokerCheck(Admin.create(config));
  }

  /** Empty when the brokers answered within two seconds, else why not. */
  public Optional<String> problem() {
    return check.problem();
  }

  private void describe() {
    try {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
          .clusterId()
          .get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking the brokers", e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new IllegalStateException(
          "Kafka does not answer ("
              + cause.getClass().getSimpleName()
              + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
              + ")",
          e);
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
