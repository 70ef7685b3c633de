package io.newspipe.app.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.newspipe.schemas.lifecycle.Health;
import io.newspipe.schemas.lifecycle.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The operations endpoints of one process: {@code /metrics} (Prometheus text of the process's
 * registry), {@code /health/live} and {@code /health/ready} (JSON, 200 when every service of the
 * process is live/ready, else 503, with each service's state and reason). The management server
 * serves them on {@code management.port}; {@code up} also serves them on the web port.
 */
public final class Operations {

  public static final String METRICS = "/metrics";
  public static final String LIVE = "/health/live";
  public static final String READY = "/health/ready";

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Services whose work needs the brokers: not ready while Kafka does not answer. */
  private static final Set<String> ON_KAFKA = Set.of("ingest", "enrich", "notify", "sink");

  private final Metrics metrics;
  private volatile Supplier<List<Service>> services = List::of;
  private volatile BrokerCheck broker;

  public Operations(Metrics metrics) {
    this.metrics = metrics;
  }

  /** Reports the health of {@code running} (e.g. a runner's services, as they start). */
  public Operations watch(Supplier<List<Service>> running) {
    this.services = running;
    return this;
  }

  /** Checks the brokers for the readiness of ingest, enrich and sink. */
  public Operations brokerCheck(BrokerCheck check) {
    this.broker = check;
    return this;
  }

  public Metrics metrics() {
    return metrics;
  }

  /** The endpoints by path, for a Javalin router. */
  public Map<String, Handler> handlers() {
    Map<String, Handler> handlers = new LinkedHashMap<>();
    handlers.put(METRICS, this::scrape);
    handlers.put(LIVE, ctx -> health(ctx, Health::live));
    handlers.put(READY, ctx -> health(ctx, Health::ready));
    return handlers;
  }

  private void scrape(Context ctx) {
    ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape());
  }

  private void health(Context ctx, Function<Health, Boolean> check) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    Map<String, Object> each = new LinkedHashMap<>();
    boolean all = true;
    for (Service service : services.get()) {
      Health health = healthOf(service);
      all &= check.apply(health);
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("live", health.live());
      h.put("ready", health.ready());
      h.put("detail", health.detail());
      each.put(service.name(), h);
    }
    body.put("status", all ? "UP" : "DOWN");
    body.put("services", each);
    ctx.status(all ? 200 : 503)
        .contentType("application/json")
        .header("Cache-Control", "no-store")
        .result(JSON.writeValueAsString(body));
  }

  /**
   * The service's own health, not ready while the brokers do not answer if it works on Kafka; a
   * health check answers even when the service's check throws.
   */
  Health healthOf(Service service) {
    Health health;
    try {
      health = service.health();
    } catch (RuntimeException e) {
      return Health.notReady("health check failed: " + e);
    }
    BrokerCheck check = broker;
    if (health.ready() && check != null && ON_KAFKA.contains(service.name())) {
      Optional<String> problem = check.problem();
      if (problem.isPresent()) {
        return Health.notReady(problem.get());
      }
    }
    return health;
  }
}
