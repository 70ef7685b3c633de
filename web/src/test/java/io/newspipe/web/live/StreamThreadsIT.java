package io.newspipe.web.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newspipe.store.SqliteStore;
import io.newspipe.testkit.KafkaClusterExtension;
import io.newspipe.web.WebService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threads of live streams, counted with the JVM's ThreadMXBean while 200 real HTTP connections ask
 * for a stream, stay open and go away. The clients are plain sockets, which need no threads of
 * their own, so every thread counted belongs to the server (or to the JVM's background work, which
 * the tolerances absorb).
 */
class StreamThreadsIT {
  @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

  static final int MAX_STREAMS = 100;
  static final int CLIENTS = 200;

  /** Threads the JVM, Kafka's clients and Jetty may start or end on their own meanwhile. */
  static final int NOISE = 25;

  /** How far above the baseline the count may stay once the streams are closed. */
  static final int LEFT_OVER = 10;

  static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  @TempDir static Path dir;
  static SqliteStore store;
  static WebService web;

  @BeforeAll
  static void start() throws InterruptedException {
    store = SqliteStore.open(dir.resolve("newspipe.db"));
    web =
        WebService.builder(store)
            .port(0)
            .live(Map.of("bootstrap.servers", KAFKA.bootstrapServers()), KAFKA.topics("Threads"))
            .heartbeat(Duration.ofMillis(500))
            .streamLimits(MAX_STREAMS, 16)
            .start();
    assertThat(web.awaitLive(Duration.ofSeconds(60))).isTrue();
  }

  @AfterAll
  static void stop() {
    web.close();
    store.close();
  }

  @Test
  void shouldHoldAtMostOneThreadPerOpenStreamAndReleaseThemWhenStreamsClose() throws Exception {
    int baseline = settledThreadCount();

    List<Socket> sockets = new ArrayList<>();
    int accepted = 0;
    int refused = 0;
    try {
      for (int i = 0; i < CLIENTS; i++) {
        Socket s = new Socket("127.0.0.1", web.port());
        s.setSoTimeout(20_000);
        sockets.add(s);
        s.getOutputStream()
            .write(
                ("GET /api/stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        String status = statusLine(s.getInputStream());
        if (status.startsWith("HTTP/1.1 200")) {
          accepted++;
        } else if (status.startsWith("HTTP/1.1 503")) {
          refused++;
        } else {
          throw new AssertionError("unexpected answer: " + status);
        }
      }
      assertThat(accepted).isEqualTo(MAX_STREAMS);
      assertThat(refused).isEqualTo(CLIENTS - MAX_STREAMS);

      int open = THREADS.getThreadCount();
      System.out.printf(
          "StreamThreadsIT: baseline %d threads, %d with %d open streams (%+d), peak %d%n",
          baseline, open, accepted, open - baseline, THREADS.getPeakThreadCount());
      assertThat(open - baseline)
          .as("threads added by %d open streams", accepted)
          .isLessThanOrEqualTo(MAX_STREAMS + NOISE);
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(liveStreamThreads()).isEqualTo(MAX_STREAMS));
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }

    long closedAt = System.nanoTime();
    System.out.println("StreamThreadsIT: threads at close " + threadsByName());
    await()
        .atMost(Duration.ofSeconds(45))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              assertThat(liveStreamThreads()).isZero();
              assertThat(THREADS.getThreadCount()).isLessThanOrEqualTo(baseline + LEFT_OVER);
            });
    System.out.printf(
        "StreamThreadsIT: %d threads %d ms after the streams closed (baseline %d)%n",
        THREADS.getThreadCount(), (System.nanoTime() - closedAt) / 1_000_000, baseline);
    System.out.println("StreamThreadsIT: threads after close " + threadsByName());
  }

  /** The thread count once it has not changed by more than 2 for a second. */
  private static int settledThreadCount() throws InterruptedException {
    int last = THREADS.getThreadCount();
    for (int i = 0; i < 30; i++) {
      Thread.sleep(1000);
      int now = THREADS.getThreadCount();
      if (Math.abs(now - last) <= 2) {
        return now;
      }
      last = now;
    }
    return last;
  }

  /** Live threads by name with digits dropped (pool names), for the log. */
  private static Map<String, Long> threadsByName() {
    return Thread.getAllStackTraces().keySet().stream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                t -> t.getName().replaceAll("[0-9]+", "#"),
                java.util.TreeMap::new,
                java.util.stream.Collectors.counting()));
  }

  private static long liveStreamThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("newspipe-web-stream-"))
        .count();
  }

  private static String statusLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      line.write(b);
    }
    return line.toString(StandardCharsets.US_ASCII).strip();
  }
}
