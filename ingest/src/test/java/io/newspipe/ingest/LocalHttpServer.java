package io.newspipe.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 whose paths each answer with a scripted handler, counting the
 * requests per path. For feed tests that need hostile servers: bombs, endless or stalled bodies,
 * redirect loops, web pages.
 */
public final class LocalHttpServer implements AutoCloseable {

  /** Answers one request; may stream, stall or hang up. */
  public interface Handler {
    void handle(HttpExchange exchange) throws IOException, InterruptedException;
  }

  private final HttpServer server;
  private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

  public LocalHttpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
          Handler handler = handlers.get(path);
          try {
            if (handler == null) {
              exchange.sendResponseHeaders(404, -1);
            } else {
              handler.handle(exchange);
            }
          } catch (IOException e) {
            // the client hung up on purpose (a cap or a timeout): nothing to do
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            exchange.close();
          }
        });
    server.start();
  }

  /** Serves {@code handler} at {@code path}; returns the URL. */
  public URI serve(String path, Handler handler) {
    handlers.put(path, handler);
    return url(path);
  }

  /** Serves a fixed 200 response. */
  public URI serve(String path, String contentType, byte[] body) {
    return serve(path, exchange -> respond(exchange, 200, contentType, body));
  }

  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  public int requests(String path) {
    AtomicInteger n = requests.get(path);
    return n == null ? 0 : n.get();
  }

  public static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    if (contentType != null) {
      exchange.getResponseHeaders().add("Content-Type", contentType);
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
