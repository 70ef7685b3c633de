package io.newspipe.web.api;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3 description of the HTTP API, kept by hand in {@value
 * #RESOURCE} beside the code (a test fails when a registered {@code /api} route is missing from it,
 * or it describes one that does not exist).
 */
public final class OpenApi {

  /** Where the document lives on the classpath. */
  public static final String RESOURCE = "/io/newspipe/web/openapi.json";

  private OpenApi() {}

  public static void routes(RoutesConfig routes) {
    byte[] document = load();
    routes.get(
        "/api/openapi.json",
        ctx -> {
          ctx.header("Cache-Control", "no-cache");
          ctx.contentType("application/json; charset=utf-8");
          ctx.result(document);
        });
  }

  /** The document's bytes, read once at start: a jar without it is a build error. */
  public static byte[] load() {
    try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the OpenAPI document is missing from the jar: " + RESOURCE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
