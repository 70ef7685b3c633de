package io.newspipe.ingest.feed;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on 127.0.0.1 serving one scripted feed: its body, ETag, status and Retry-After
 * can change between polls, and every request's headers are recorded. Honours If-None-Match with
 * 304, as a well-behaved publisher does.
 */
final class FeedServer implements AutoCloseable {

  private final HttpServer server;
  final List<Map<String, List<String>>> requests = new CopyOnWriteArrayList<>();
  volatile String body = "";
  volatile String etag;
  volatile int status = 200;
  volatile String retryAfter;
  volatile long streamBytes = -1;

  FeedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/feed",
        exchange -> {
          requests.add(Map.copyOf(exchange.getRequestHeaders()));
          String inm = exchange.getRequestHeaders().getFirst("If-None-Match");
          if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
          }
          if (status == 200 && etag != null && etag.equals(inm)) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
          }
          if (etag != null) {
            exchange.getResponseHeaders().add("ETag", etag);
          }
          exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
          try (OutputStream out = exchange.getResponseBody()) {
            if (streamBytes > 0) {
              exchange.sendResponseHeaders(status, 0); // chunked: the size is not announced
              byte[] chunk = new byte[64 * 1024];
              java.util.Arrays.fill(chunk, (byte) ' ');
              for (long sent = 0; sent < streamBytes; sent += chunk.length) {
                out.write(chunk);
              }
            } else {
              byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
              out.write(bytes);
            }
          } catch (IOException e) {
            // the client hung up on purpose (size cap): nothing to do
          }
        });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feed");
  }

  static String rss(String... items) {
    StringBuilder sb =
        new StringBuilder(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>");
    for (int i = 0; i < items.length; i++) {
      sb.append("<item><guid>item-")
          .append(i + 1)
          .append("</guid><title>Story ")
          .append(i + 1)
          .append("</title><description>")
          .append(items[i])
          .append("</description></item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
