package io.newspipe.ingest.fulltext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 playing a news site: a feed whose items carry only a sentence, a
 * robots.txt, an article page, and the pages that go wrong (disallowed, missing, 20 MB, slow,
 * redirected to a private address). Records the paths requested.
 */
final class PageServer implements AutoCloseable {

  static final String ARTICLE_TEXT =
      "The harbour authority reopened the northern channel on Tuesday after three weeks of"
          + " dredging, allowing container ships to dock at the deep-water berths again.";

  private final HttpServer server;
  final List<String> requests = new CopyOnWriteArrayList<>();
  volatile String feed = "";

  PageServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    requests.add(path);
    try (exchange) {
      switch (path) {
        case "/feed" -> send(exchange, 200, "application/rss+xml", feed);
        case "/robots.txt" ->
            send(exchange, 200, "text/plain", "User-agent: *\nDisallow: /private/\n");
        case "/news/harbour", "/news/link-only" ->
            send(exchange, 200, "text/html; charset=utf-8", articlePage());
        case "/private/report" -> send(exchange, 200, "text/html", articlePage());
        case "/news/huge" -> stream(exchange, 20L * 1024 * 1024);
        case "/news/slow" -> {
          sleep(6_000);
          send(exchange, 200, "text/html", articlePage());
        }
        case "/news/moved" -> {
          exchange.getResponseHeaders().add("Location", "http://10.255.255.1/news/harbour");
          exchange.sendResponseHeaders(302, -1);
        }
        default -> send(exchange, 404, "text/plain", "not found");
      }
    } catch (IOException e) {
      // the client hung up on purpose (size cap, timeout)
    }
  }

  static String articlePage() {
    StringBuilder body = new StringBuilder();
    for (int i = 1; i <= 6; i++) {
      body.append("<p>")
          .append(i == 1 ? ARTICLE_TEXT : "Paragraph " + i + " of the report, with details,")
          .append(" figures from the port, and quotes from the pilots who guide the ships.</p>");
    }
    return "<html lang=\"en\"><head><title>Channel reopens</title></head><body>"
        + "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
        + "<article><h1>Channel reopens</h1><div class=\"article-body\">"
        + body
        + "</div></article><footer>Copyright the site</footer></body></html>";
  }

  static String rss(String base, String... paths) {
    StringBuilder sb =
        new StringBuilder(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Site</title>");
    for (String path : paths) {
      sb.append("<item><guid>")
          .append(path)
          .append("</guid><title>Story at ")
          .append(path)
          .append("</title><link>")
          .append(base)
          .append(path)
          .append("</link><description>Harbour channel reopens.</description></item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  /** The feed of {@link #rss} plus one item that has nothing but a link. */
  static String rssWithLinkOnlyItem(String base, String linkOnlyPath, String... paths) {
    return rss(base, paths)
        .replace("</channel>", "<item><link>" + base + linkOnlyPath + "</link></item></channel>");
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void stream(HttpExchange exchange, long bytes) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "text/html");
    exchange.sendResponseHeaders(200, 0);
    byte[] chunk = "<p>padding padding padding</p>\n".repeat(2048).getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = exchange.getResponseBody()) {
      for (long sent = 0; sent < bytes; sent += chunk.length) {
        out.write(chunk);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
