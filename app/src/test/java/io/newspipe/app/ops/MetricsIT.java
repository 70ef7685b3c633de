package io.newspipe.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newspipe.app.config.ConfigLoader;
import io.newspipe.app.config.Settings;
import io.newspipe.app.run.Pipeline;
import io.newspipe.schemas.TopicSet;
import io.newspipe.testkit.KafkaClusterExtension;
import io.newspipe.web.WebService;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * AC1 of issue 12: while {@code up} runs with articles flowing, {@code /metrics} on the web port
 * shows per-stage counts moving between two scrapes, the lag of the sink's and enrich's consumer
 * groups, and the end-to-end latency histogram.
 */
class MetricsIT {

  @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE);

  @TempDir Path work;

  @Test
  void shouldShowStageCountsMovingConsumerLagAndEndToEndLatencyWhileArticlesFlow()
      throws Exception {
    Path sources = Files.createDirectories(work.resolve("seeds"));
    TopicSet topics = KAFKA.topics("metrics");
    String unique = topics.raw().name().replace(".news.articles.raw", "");
    Map<String, Object> flags = new HashMap<>();
    flags.put(Settings.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
    flags.put(Settings.DATA_DIR, work.resolve("data").toString());
    flags.put(Settings.SOURCES, List.of(sources.toString()));
    flags.put(Settings.ENRICH_APPLICATION_ID, unique + "-enrich");
    flags.put(Settings.SINK_GROUP_ID, unique + "-sink");
    flags.put(Settings.WEB_PORT, 0);
    Settings settings = ConfigLoader.load(null, Map.of(), flags);

    try (Pipeline pipeline = Pipeline.start(settings, topics)) {
      WebService web = pipeline.startWeb("");
      URI metrics = URI.create(web.url() + "metrics");
      Thread running = new Thread(() -> runQuietly(pipeline), "metrics-it-pipeline");
      running.start();

      write(sources, 0, 5);
      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () ->
                  value(scrape(metrics), "newspipe_stage_records_out_total", "stage=\"sink\"")
                      >= 5);
      String first = scrape(metrics);

      write(sources, 5, 10);
      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () ->
                  value(scrape(metrics), "newspipe_stage_records_out_total", "stage=\"sink\"")
                      >= 10);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                String text = scrape(metrics);
                return has(text, "newspipe_consumer_lag_records", "group=\"" + unique + "-sink\"")
                    && has(
                        text, "newspipe_consumer_lag_records", "group=\"" + unique + "-enrich\"");
              });
      String second = scrape(metrics);

      for (String stage : List.of("ingest", "enrich", "sink")) {
        String tag = "stage=\"" + stage + "\"";
        assertThat(value(second, "newspipe_stage_records_out_total", tag))
            .as("records out of " + stage)
            .isGreaterThan(value(first, "newspipe_stage_records_out_total", tag));
        assertThat(value(second, "newspipe_stage_records_in_total", tag))
            .as("records into " + stage)
            .isGreaterThan(value(first, "newspipe_stage_records_in_total", tag));
        assertThat(value(second, "newspipe_stage_processing_seconds_count", tag)).isPositive();
      }
      assertThat(value(second, "newspipe_consumer_lag_records", "group=\"" + unique + "-sink\""))
          .isGreaterThanOrEqualTo(0);
      assertThat(second)
          .contains("newspipe_sink_end_to_end_latency_seconds_bucket{le=\"")
          .contains("newspipe_sink_end_to_end_latency_seconds_bucket{le=\"+Inf\"}");
      assertThat(value(second, "newspipe_sink_end_to_end_latency_seconds_count", "")).isEqualTo(10);
      assertThat(value(second, "newspipe_sink_batch_size_records_count", "")).isPositive();
      assertThat(value(second, "newspipe_sink_store_write_seconds_count", "")).isPositive();
      assertThat(value(second, "newspipe_web_requests_seconds_count", "route=\"/metrics\""))
          .isPositive();
      assertThat(second).contains("newspipe_web_sse_streams ");
      // Kafka's own client and Streams metrics come through Micrometer's binders.
      assertThat(second).contains("kafka_consumer_fetch_manager_records_consumed_total");
      assertThat(second).contains("kafka_stream_thread_process_total");
    }
  }

  private static void runQuietly(Pipeline pipeline) {
    try {
      pipeline.runUntilStopped();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(Path dir, int from, int to) throws Exception {
    for (int i = from; i < to; i++) {
      Files.writeString(
          dir.resolve("story-" + i + ".txt"),
          "Harbour reopens after storm number "
              + i
              + "\n\nThe harbour of town "
              + i
              + " reopened on Tuesday after a storm closed it for three days.\n");
    }
  }

  static String scrape(URI uri) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    return r.body();
  }

  /** The sum of the samples of {@code name} whose labels contain {@code label}. */
  static double value(String text, String name, String label) {
    double sum = 0;
    Matcher m = SAMPLE.matcher(text);
    while (m.find()) {
      String labels = m.group(2) == null ? "" : m.group(2);
      if (m.group(1).equals(name) && labels.contains(label)) {
        sum += Double.parseDouble(m.group(3));
      }
    }
    return sum;
  }

  static boolean has(String text, String name, String label) {
    Matcher m = SAMPLE.matcher(text);
    while (m.find()) {
      String labels = m.group(2) == null ? "" : m.group(2);
      if (m.group(1).equals(name) && labels.contains(label)) {
        return true;
      }
    }
    return false;
  }
}
