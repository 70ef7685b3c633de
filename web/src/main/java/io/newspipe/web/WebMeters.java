package io.newspipe.web;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The web server's meters: requests by method, route (the matched path pattern, so ids in URLs do
 * not explode the series) and status ({@value #REQUESTS}), and live streams open now ({@value
 * #STREAMS}).
 */
final class WebMeters {

  static final String REQUESTS = "newspipe.web.requests";
  static final String STREAMS = "newspipe.web.sse.streams";

  private final MeterRegistry registry;

  WebMeters(MeterRegistry registry, IntSupplier openStreams) {
    this.registry = registry;
    Gauge.builder(STREAMS, openStreams::getAsInt)
        .description("Live event streams (/api/stream) open now")
        .register(registry);
  }

  /** Javalin's request logger: called once per finished HTTP request. */
  void request(Context ctx, Float millis) {
    Timer.builder(REQUESTS)
        .description("HTTP requests served")
        .tag("method", ctx.method().name())
        .tag("route", route(ctx))
        .tag("status", Integer.toString(ctx.statusCode()))
        .register(registry)
        .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
  }

  private static String route(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    if (endpoint != null) {
      return endpoint.path;
    }
    return ctx.statusCode() == 404 ? "unmatched" : "static";
  }
}
