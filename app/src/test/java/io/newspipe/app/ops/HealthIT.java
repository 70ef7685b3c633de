package io.newspipe.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.app.broker.EmbeddedBroker;
import io.newspipe.app.config.ConfigLoader;
import io.newspipe.app.config.Settings;
import io.newspipe.app.run.Pipeline;
import io.newspipe.app.run.ServiceRunner;
import io.newspipe.schemas.TopicSet;
import io.newspipe.testkit.Postgres;
import io.newspipe.testkit.TcpProxy;
import io.newspipe.web.WebService;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AC2 of issue 12: readiness of ingest, enrich and sink turns to 503 when the broker goes away (a
 * real embedded broker, stopped and started again on the same log and ports) or the store does (a
 * real PostgreSQL behind a TCP proxy that drops and refuses connections), and back to 200 when it
 * returns. {@code up} reports them together at {@code /health/ready} on the web port.
 */
class HealthIT {

  private static final Duration FLIP = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  @Test
  void shouldTurnNotReadyWhileTheBrokerOrTheStoreIsAwayAndReadyWhenItReturns() throws Exception {
    Path brokerDir = work.resolve("broker");
    int brokerPort = freePort();
    int controllerPort = freePort();
    EmbeddedBroker broker = EmbeddedBroker.start(brokerDir, brokerPort, controllerPort);
    Path sources = Files.createDirectories(work.resolve("seeds"));
    Files.writeString(
        sources.resolve("one.txt"), "Harbour reopens\n\nThe harbour reopened on Tuesday.\n");
    try (Postgres.Schema schema = Postgres.newSchema("health_it");
        TcpProxy proxy = proxyTo(schema.jdbcUrl())) {
      URI target = URI.create(schema.jdbcUrl().substring("jdbc:".length()));
      Map<String, Object> flags = new HashMap<>();
      flags.put(Settings.BOOTSTRAP_SERVERS, broker.bootstrapServers());
      flags.put(Settings.DATA_DIR, work.resolve("data").toString());
      flags.put(Settings.SOURCES, List.of(sources.toString()));
      flags.put(
          Settings.STORE_URL,
          schema.jdbcUrl().replace(target.getAuthority(), "127.0.0.1:" + proxy.port()));
      flags.put(Settings.WEB_PORT, 0);
      flags.put(Settings.TOPIC_PARTITIONS, 1);
      Settings settings = ConfigLoader.load(null, Map.of(), flags);

      try (ServiceRunner runner =
              new ServiceRunner(ServiceRunner.READY_TIMEOUT, Duration.ofSeconds(10), false);
          Pipeline pipeline = Pipeline.start(settings, TopicSet.DEFAULT, runner)) {
        WebService web = pipeline.startWeb("");
        URI ready = URI.create(web.url() + "health/ready");
        URI live = URI.create(web.url() + "health/live");
        Thread running = new Thread(() -> runQuietly(pipeline), "health-it-pipeline");
        running.start();

        JsonNode up = awaitStatus(ready, 200);
        assertThat(up.get("services").fieldNames())
            .toIterable()
            .containsExactlyInAnyOrder("enrich", "notify", "sink", "web", "ingest");

        proxy.cut();
        // The web's own store check may notice first; wait for the sink's.
        JsonNode storeAway =
            awaitUntil(ready, body -> !body.at("/services/sink/ready").asBoolean());
        assertThat(storeAway.at("/services/sink/ready").asBoolean()).isFalse();
        assertThat(storeAway.at("/services/sink/detail").asText()).contains("store");
        assertThat(status(live)).as("the store's outage is no reason to restart").isEqualTo(200);
        proxy.restore();
        awaitStatus(ready, 200);

        broker.close();
        JsonNode brokerAway =
            awaitUntil(
                ready,
                body ->
                    !body.at("/services/ingest/ready").asBoolean()
                        && !body.at("/services/enrich/ready").asBoolean()
                        && !body.at("/services/sink/ready").asBoolean());
        assertThat(brokerAway.at("/services/enrich/detail").asText()).contains("Kafka");
        assertThat(status(live)).isEqualTo(200);
        broker = EmbeddedBroker.start(brokerDir, brokerPort, controllerPort);
        JsonNode back = awaitStatus(ready, 200);
        assertThat(back.at("/services/enrich/ready").asBoolean()).isTrue();
        assertThat(back.at("/services/sink/ready").asBoolean()).isTrue();
        assertThat(back.at("/services/ingest/ready").asBoolean()).isTrue();
      }
    } finally {
      broker.close();
    }
  }

  private static void runQuietly(Pipeline pipeline) {
    try {
      pipeline.runUntilStopped();
    } catch (Exception e) {
      // the test closes the pipeline under it
    }
  }

  private static TcpProxy proxyTo(String jdbcUrl) throws Exception {
    URI target = URI.create(jdbcUrl.substring("jdbc:".length()));
    return new TcpProxy(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort());
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static JsonNode awaitStatus(URI uri, int status) {
    return awaitUntil(uri, status, body -> true);
  }

  /** Not ready (503) and {@code condition} holds of the body. */
  private static JsonNode awaitUntil(URI uri, Predicate<JsonNode> condition) {
    return awaitUntil(uri, 503, condition);
  }

  private static JsonNode awaitUntil(URI uri, int status, Predicate<JsonNode> condition) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(FLIP)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              HttpResponse<String> r = get(uri);
              last[0] = JSON.readTree(r.body());
              return r.statusCode() == status && condition.test(last[0]);
            });
    return last[0];
  }

  private static int status(URI uri) throws Exception {
    return get(uri).statusCode();
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
