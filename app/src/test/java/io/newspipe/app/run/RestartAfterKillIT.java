package io.newspipe.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of {@code newspipe up} (the fat jar in a child JVM, {@code destroyForcibly})
 * while it stores an import, then a restart on the same data dir: every article is stored exactly
 * once, and the restart does not wait for the killed process's group members to time out.
 *
 * <p>Before static group membership, the restarted enrich and sink got no partition until the
 * killed members' sessions expired. To tell that wait apart from a slow machine (the restart's own
 * work takes from seconds on a quiet machine to a minute on a 2-core machine shared with several
 * builds), the session timeout is raised to {@value #SESSION_TIMEOUT_S} s: waiting for it would
 * take longer than the limit, doing the work does not. The 15 s of issue 16 on a given machine is
 * measured by {@code bench/restart/kill9-restart.sh}; this test prints its figure.
 */
class RestartAfterKillIT {
  static final int ARTICLES = 300;
  static final int SESSION_TIMEOUT_S = 180;
  static final Duration RESUME_LIMIT = Duration.ofSeconds(SESSION_TIMEOUT_S - 30);
  static final Path JAR = Path.of("target/newspipe.jar");

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path work;

  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    for (Process p : processes) {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void shouldStoreTheRestWithoutWaitingForTheKilledMembersSessionsAndEachArticleOnce()
      throws Exception {
    assertThat(JAR).as("the fat jar (built in package, before this IT)").exists();
    Path sources = Files.createDirectories(work.resolve("src"));
    for (int i = 1; i <= ARTICLES; i++) {
      Files.writeString(
          sources.resolve("report-" + i + ".txt"),
          "Report "
              + i
              + " on the harbour talks\n\nDelegates met for round "
              + i
              + " of the talks on shipping lanes and tariffs in the port city.\n",
          StandardCharsets.UTF_8);
    }
    Path db = work.resolve("data/newspipe.db");
    int brokerPort = freePort();
    int controllerPort = freePort();

    Process first = up(sources, brokerPort, controllerPort, "first.log");
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> counts(db)[0] >= ARTICLES / 10);
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    long atKill = counts(db)[0];
    assertThat(atKill).as("killed mid-stream").isLessThan(ARTICLES);

    Process second = up(sources, brokerPort, controllerPort, "second.log");
    long ready = awaitBroker(brokerPort, second);
    try {
      await()
          .atMost(Duration.ofMinutes(6))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> counts(db)[0] >= ARTICLES);
    } catch (ConditionTimeoutException e) {
      System.out.printf(
          "RestartAfterKillIT: %d of %d stored 6 minutes after the restart; logs kept in %s%n%s%n",
          counts(db)[0], ARTICLES, work, tail(work.resolve("second.log"), 80));
      throw e;
    }
    Duration resumed = Duration.ofNanos(System.nanoTime() - ready);
    Thread.sleep(2000); // a duplicate, if any, would arrive now
    long[] counts = counts(db);
    System.out.printf(
        "RestartAfterKillIT: %d of %d stored at the kill; the rest %d ms after the restarted"
            + " broker answered; distinct %d, rows %d, later versions %d%n",
        atKill, ARTICLES, resumed.toMillis(), counts[0], counts[1], counts[2]);

    assertThat(counts)
        .as("distinct ids, rows, later versions")
        .containsExactly(ARTICLES, ARTICLES, 0);
    assertThat(resumed).isLessThanOrEqualTo(RESUME_LIMIT);
  }

  private Process up(Path sources, int brokerPort, int controllerPort, String log)
      throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            JAR.toString(),
            "up",
            "--data-dir",
            work.resolve("data").toString(),
            "--source",
            sources.toString(),
            "--no-web",
            "-X",
            "session.timeout.ms=" + SESSION_TIMEOUT_S * 1000);
    Map<String, String> env = pb.environment();
    env.put("NEWSPIPE_BROKER_PORT", Integer.toString(brokerPort));
    env.put("NEWSPIPE_BROKER_CONTROLLER_PORT", Integer.toString(controllerPort));
    pb.redirectErrorStream(true).redirectOutput(work.resolve(log).toFile());
    Process p = pb.start();
    processes.add(p);
    return p;
  }

  /** System.nanoTime() when the child's broker first answers a metadata request. */
  private static long awaitBroker(int port, Process child) throws InterruptedException {
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1000,
            AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 100);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    try (Admin admin = Admin.create(config)) {
      while (System.nanoTime() < deadline && child.isAlive()) {
        try {
          admin.describeCluster().clusterId().get(1, TimeUnit.SECONDS);
          return System.nanoTime();
        } catch (Exception notYet) {
          Thread.sleep(100);
        }
      }
    }
    throw new AssertionError("the restarted broker did not answer within 5 minutes");
  }

  /** Distinct article ids, article rows and rows of a version above 1 (all 0 before the store). */
  private static long[] counts(Path db) throws SQLException {
    if (!Files.exists(db)) {
      return new long[] {0, 0, 0};
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT count(DISTINCT id), count(*), coalesce(sum(version > 1), 0) FROM articles")) {
      return new long[] {r.getLong(1), r.getLong(2), r.getLong(3)};
    } catch (SQLException e) {
      if (e.getMessage().contains("no such table")) {
        return new long[] {0, 0, 0}; // not migrated yet
      }
      throw e;
    }
  }

  private static String tail(Path log, int lines) throws IOException {
    List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
