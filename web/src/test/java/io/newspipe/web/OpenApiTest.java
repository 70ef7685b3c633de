package io.newspipe.web;

import static io.newspipe.web.WebFixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newspipe.read.watch.WatchBook;
import io.newspipe.schemas.TopicPolicy;
import io.newspipe.schemas.TopicSet;
import io.newspipe.store.SqliteStore;
import io.newspipe.web.notify.NotifyApi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/openapi.json} describes exactly the API routes the web service registers: a route
 * added without its description (or a description left behind by a removed route) fails here.
 */
class OpenApiTest {
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  @TempDir static Path dir;
  static SqliteStore store;
  static WebService web;

  @BeforeAll
  static void start() {
    store = SqliteStore.open(dir.resolve("newspipe.db"));
    // With the notify routes (saved searches, alerts): they only reach Kafka when called.
    Map<String, Object> kafka = Map.of("bootstrap.servers", "127.0.0.1:9");
    web =
        WebService.builder(store)
            .port(0)
            .notify(
                new NotifyApi(
                    kafka,
                    TopicSet.DEFAULT,
                    new WatchBook(kafka, TopicSet.DEFAULT, new TopicPolicy(1, (short) 1))))
            .start();
  }

  @AfterAll
  static void stop() {
    web.close();
    store.close();
  }

  @Test
  void shouldDescribeEveryRegisteredApiRouteAndNoOther() {
    JsonNode doc = get(web, "/api/openapi.json").json();
    List<String> described = new ArrayList<>();
    doc.get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> {
                          if (METHODS.contains(method)) {
                            described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                          }
                        }));

    assertThat(web.apiRoutes())
        .as("routes registered by the web service")
        .contains(
            "GET /api/articles/{id}",
            "GET /api/feeds",
            "GET /api/openapi.json",
            "POST /api/watches");
    assertThat(described)
        .as("operations in openapi.json: every registered /api route must be described there")
        .containsExactlyInAnyOrderElementsOf(web.apiRoutes());
  }

  @Test
  void shouldServeAnOpenApi3DocumentAsJson() {
    WebFixtures.Response r = get(web, "/api/openapi.json");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.json().get("openapi").asText()).startsWith("3.");
    assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
  }

  @Test
  void shouldAnswerFeedsWith503WithoutKafka() {
    WebFixtures.Response r = get(web, "/api/feeds");

    assertThat(r.status()).isEqualTo(503);
    assertThat(r.json().get("error").asText()).contains("Kafka");
  }
}
