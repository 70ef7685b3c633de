package io.newspipe.web.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.TopicSet;
import io.newspipe.store.SqliteStore;
import io.newspipe.testkit.Articles;
import io.newspipe.testkit.KafkaClusterExtension;
import io.newspipe.web.TagInfo;
import io.newspipe.web.WebService;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/stream} over real HTTP, fed by the in-JVM Kafka broker. */
class LiveStreamIT {
  @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dir;
  static TopicSet topics;
  static SqliteStore store;
  static WebService web;

  @BeforeAll
  static void start() throws InterruptedException {
    topics = KAFKA.topics("LiveStreamIT");
    store = SqliteStore.open(dir.resolve("newspipe.db"));
    web =
        WebService.builder(store)
            .port(0)
            .tags(
                List.of(
                    new TagInfo("narcotics", "Narcotics", "", List.of()),
                    new TagInfo("sport", "Sport", "", List.of())))
            .live(Map.of("bootstrap.servers", KAFKA.bootstrapServers()), topics)
            .heartbeat(Duration.ofMillis(300))
            .partitionCheck(Duration.ofMillis(500))
            .start();
    assertThat(web.awaitLive(Duration.ofSeconds(30))).isTrue();
  }

  @AfterAll
  static void stop() {
    web.close();
    store.close();
  }

  /** One open stream; its lines are read on a background thread. */
  static final class Stream implements AutoCloseable {
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final InputStream body;

    Stream(String query) throws Exception {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + web.port() + "/api/stream" + query))
              .header("Accept", "text/event-stream")
              .build();
      HttpResponse<InputStream> response =
          HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
      body = response.body();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                  for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                  }
                } catch (Exception closed) {
                  // the test closed the stream
                }
              });
      reader.setDaemon(true);
      reader.start();
    }

    /** The data of the next event named {@code name}, skipping others; fails after 15 s. */
    JsonNode next(String name) throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      String event = null;
      while (System.nanoTime() < deadline) {
        String line = lines.poll(100, TimeUnit.MILLISECONDS);
        if (line == null) {
          continue;
        }
        if (line.startsWith("event: ")) {
          event = line.substring(7);
        } else if (line.startsWith("data: ") && name.equals(event)) {
          return JSON.readTree(line.substring(6));
        }
      }
      throw new AssertionError("no '" + name + "' event within 15 s");
    }

    @Override
    public void close() throws Exception {
      body.close();
    }
  }

  private static TaggedArticle article(String id, String headline, String... tags) {
    return Articles.tagged(
        Articles.article(id, headline, "Body of " + headline),
        java.util.Arrays.stream(tags).map(Articles::tag).toArray(io.newspipe.schemas.Tag[]::new));
  }

  @Test
  void shouldStreamOnlyArticlesWithTheTagSkippingRecordsItCannotRead() throws Exception {
    try (Stream stream = new Stream("?tag=narcotics")) {
      assertThat(stream.next("status").get("state").asText()).isEqualTo("live");
      await().atMost(Duration.ofSeconds(10)).until(() -> stream.lines.contains(": heartbeat"));

      KAFKA.produceRaw(
          topics.tagged().name(), "bad".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3});
      KAFKA.produce(topics.tagged(), "s1", article("s1", "Cup final tonight", "sport"));
      KAFKA.produce(
          topics.tagged(), "n1", article("n1", "Captagon haul seized", "narcotics", "sport"));

      JsonNode event = stream.next("article");
      assertThat(event.get("id").asText()).isEqualTo("n1");
      assertThat(event.get("headline").asText()).isEqualTo("Captagon haul seized");
      assertThat(event.get("tags"))
          .extracting(JsonNode::asText)
          .containsExactly("narcotics", "sport");
    }
  }

  @Test
  void shouldReadPartitionsAddedToTheTopicWhileRunning() throws Exception {
    try (Stream stream = new Stream("?tag=narcotics");
        Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
      stream.next("status");
      int before =
          admin
              .describeTopics(List.of(topics.tagged().name()))
              .allTopicNames()
              .get()
              .get(topics.tagged().name())
              .partitions()
              .size();
      admin
          .createPartitions(Map.of(topics.tagged().name(), NewPartitions.increaseTo(before + 1)))
          .all()
          .get();

      // Written to the new partition as soon as it exists, before the reader has seen it.
      KAFKA.produceTo(
          topics.tagged(),
          before,
          "p1",
          article("p1", "Heroin seized in new partition", "narcotics"));

      assertThat(stream.next("article").get("id").asText()).isEqualTo("p1");
    }
  }

  @Test
  void shouldGiveEveryStreamEveryArticleWithoutAConsumerGroup() throws Exception {
    try (Stream a = new Stream("");
        Stream b = new Stream("")) {
      a.next("status");
      b.next("status");
      KAFKA.produce(topics.tagged(), "u1", article("u1", "Untagged story"));
      assertThat(a.next("article").get("id").asText()).isEqualTo("u1");
      assertThat(b.next("article").get("id").asText()).isEqualTo("u1");
    }
  }

  @Test
  void shouldForgetAStreamWhoseBrowserWentAway() throws Exception {
    await().atMost(Duration.ofSeconds(10)).until(() -> streams() == 0);
    Stream stream = new Stream("");
    stream.next("status");
    assertThat(streams()).isEqualTo(1);

    stream.close();

    // The next heartbeat write fails and the client is dropped.
    await().atMost(Duration.ofSeconds(10)).until(() -> streams() == 0);
  }

  private static int streams() throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/api/health"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body()).get("streams").asInt();
  }
}
