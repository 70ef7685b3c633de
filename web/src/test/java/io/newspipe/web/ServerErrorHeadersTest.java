package io.newspipe.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.store.SqliteStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests the HTTP parser refuses before any route runs, sent over a raw socket (an HTTP client
 * library would refuse to send them): the answers carry the same security headers as the API's.
 */
class ServerErrorHeadersTest {
  static SqliteStore store;
  static WebService web;

  /** An empty store is enough: these requests never reach a route. */
  @BeforeAll
  static void serveAnEmptyStore(@TempDir Path dir) {
    store = SqliteStore.open(dir.resolve("empty.db"));
    web = WebService.builder(store).port(0).start();
  }

  @AfterAll
  static void stop() {
    web.close();
    store.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "malformed request line, 400",
    "header without a colon, 400",
    "URI of 100 kB, 414",
    "header of 100 kB, 431",
  })
  void shouldSendTheSecurityHeadersWithTheServersOwnErrors(String what, int status)
      throws IOException {
    String longText = "a".repeat(100_000);
    String request =
        switch (what) {
          case "malformed request line" -> "GET /api/health HTTP/1.1 extra\r\nHost: x\r\n\r\n";
          case "header without a colon" -> "GET /api/health HTTP/1.1\r\nHost: x\r\nBroken\r\n\r\n";
          case "URI of 100 kB" ->
              "GET /api/articles?q=" + longText + " HTTP/1.1\r\nHost: x\r\n\r\n";
          case "header of 100 kB" ->
              "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + longText + "\r\n\r\n";
          default -> throw new IllegalArgumentException(what);
        };
    Map<String, String> headers = rawRequest(request);
    assertThat(headers.get(":status")).startsWith("HTTP/1.1 " + status);
    WebService.SECURITY_HEADERS.forEach(
        (name, value) -> assertThat(headers).containsEntry(name.toLowerCase(Locale.ROOT), value));
  }

  @Test
  void shouldSendTheSameHeadersWithAnApiAnswer() throws IOException {
    Map<String, String> headers = rawRequest("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(headers.get(":status")).startsWith("HTTP/1.1 200");
    WebService.SECURITY_HEADERS.forEach(
        (name, value) -> assertThat(headers).containsEntry(name.toLowerCase(Locale.ROOT), value));
  }

  /** The status line (as ":status") and headers (names in lower case) of the server's answer. */
  private static Map<String, String> rawRequest(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", web.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      } catch (SocketException e) {
        // The server may answer and close before it has read all of a huge request.
      }
      String head = readHead(socket.getInputStream());
      Map<String, String> headers = new TreeMap<>();
      String[] lines = head.split("\r\n");
      headers.put(":status", lines[0]);
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.put(
              lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
              lines[i].substring(colon + 1).trim());
        }
      }
      return headers;
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    for (int b = in.read(); b >= 0; b = in.read()) {
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == end.length) {
        break;
      }
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }
}
