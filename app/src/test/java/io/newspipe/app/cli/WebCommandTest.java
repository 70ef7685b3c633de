package io.newspipe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.store.SqliteStore;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code newspipe web} fails: before any Kafka is contacted, with what to do. */
class WebCommandTest {

  @TempDir Path dir;
  private final CliRun cli = new CliRun();

  @Test
  void shouldNameTheTakenPortAndTheWaysToChangeIt() throws Exception {
    Path db = dir.resolve("newspipe.db");
    SqliteStore.open(db).close();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      int code =
          cli.execute(
              "web",
              "--store=sqlite:" + db,
              "--bootstrap-servers=127.0.0.1:1",
              "--web-port=" + port);

      assertThat(code).isEqualTo(1);
      assertThat(cli.err.toString())
          .contains("cannot listen on 127.0.0.1:" + port)
          .contains("already in use")
          .contains("--web-port")
          .contains("NEWSPIPE_WEB_PORT")
          .doesNotContain("Exception");
    }
  }

  @Test
  void shouldSayWhenTheStoreDoesNotExist() {
    int code =
        cli.execute(
            "web",
            "--store=sqlite:" + dir.resolve("missing.db"),
            "--bootstrap-servers=127.0.0.1:1",
            "--web-port=0");

    assertThat(code).isEqualTo(1);
    assertThat(cli.err.toString()).contains("no store at").contains("newspipe up");
  }
}
