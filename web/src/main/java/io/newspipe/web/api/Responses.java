package io.newspipe.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.newspipe.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JSON out, and the one place errors become JSON responses. */
public final class Responses {
  private static final Logger LOG = LoggerFactory.getLogger(Responses.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The catch-all route that answers API paths no route matched with a JSON 404. */
  public static final String UNKNOWN_API_PATH = "/api/<rest>";

  private Responses() {}

  /** The value as JSON text (records, lists, maps of plain values). */
  public static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass() + " as JSON", e);
    }
  }

  public static void json(Context ctx, Object body) {
    json(ctx, 200, body);
  }

  public static void json(Context ctx, int status, Object body) {
    ctx.status(status);
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/json; charset=utf-8");
    ctx.result(toJson(body));
  }

  /** Registers the handlers that turn failures (and unknown API paths) into JSON errors. */
  public static void errors(RoutesConfig routes) {
    routes.exception(ApiException.class, (e, ctx) -> json(ctx, e.status(), e.body()));
    routes.exception(
        StoreException.class,
        (e, ctx) -> {
          LOG.warn("{} {} failed: {}", ctx.method(), ctx.path(), e.getMessage());
          ApiException unavailable =
              new ApiException(503, "the store cannot be read right now; try again shortly");
          json(ctx, unavailable.status(), unavailable.body());
        });
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
          ApiException internal = new ApiException(500, "internal error; see the server log");
          json(ctx, internal.status(), internal.body());
        });
    // Registered last, so it only answers paths no API route matched.
    routes.get(
        UNKNOWN_API_PATH,
        ctx -> {
          throw new ApiException(404, "no API endpoint " + ctx.path());
        });
  }
}
