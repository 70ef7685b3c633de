package io.newspipe.app.run;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigException;

/**
 * Asks a configured Kafka cluster, once at start, whether it answers. Without it an unreachable
 * {@code --bootstrap-servers} shows as a minute of client warnings before the first real request
 * times out; with it the command stops after a few seconds with one line saying what to check.
 */
final class ClusterCheck {

  /** The probe's client id; {@code KnownNoiseFilter} keeps its connection warnings quiet. */
  static final String CLIENT_ID = "newspipe-startup-check";

  private ClusterCheck() {}

  /**
   * Returns when the cluster at {@code bootstrapServers} lists its brokers within {@code timeout}.
   *
   * @param clientProps the pass-through client properties (TLS and SASL settings included)
   * @throws ConfigException naming the servers and the setting to change when it does not
   */
  static void awaitReachable(
      String bootstrapServers, Map<String, Object> clientProps, Duration timeout) {
    int ms = (int) Math.max(1, timeout.toMillis());
    Map<String, Object> props = new HashMap<>(clientProps);
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, CLIENT_ID);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
    long started = System.nanoTime();
    String reason;
    Admin admin = Admin.create(props);
    try {
      if (!admin.describeCluster().nodes().get(ms, TimeUnit.MILLISECONDS).isEmpty()) {
        return;
      }
      reason = "it answered but listed no live broker";
    } catch (ExecutionException e) {
      reason = e.getCause() == null ? e.toString() : e.getCause().getMessage();
    } catch (TimeoutException e) {
      reason = "no answer";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reason = "interrupted";
    } catch (RuntimeException e) {
      reason = e.getMessage();
    } finally {
      // Nothing of the probe's is worth waiting for once it has its answer.
      admin.close(Duration.ZERO);
    }
    long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    throw new ConfigException(
        "cannot reach Kafka at "
            + bootstrapServers
            + " within "
            + waited
            + " s ("
            + reason
            + "): check --bootstrap-servers / NEWSPIPE_KAFKA_BOOTSTRAP_SERVERS and that the"
            + " broker runs, or leave them unset to use the embedded broker");
  }
}
