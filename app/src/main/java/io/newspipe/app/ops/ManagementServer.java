package io.newspipe.app.ops;

import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import io.newspipe.app.config.Settings;
import java.net.BindException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management HTTP port of a service command ({@code management.port}): {@link Operations}'s
 * endpoints, and nothing else, on {@code management.host} (127.0.0.1 unless configured).
 */
public final class ManagementServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);

  private final Javalin app;
  private final String host;

  private ManagementServer(Javalin app, String host) {
    this.app = app;
    this.host = host;
  }

  /**
   * Starts serving on {@code host:port} (0: a free port).
   *
   * @throws IllegalArgumentException when the port is taken, saying how to choose another
   */
  public static ManagementServer start(Operations operations, String host, int port) {
    Javalin app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jetty.host = host;
              config.jetty.port = port;
              operations.handlers().forEach(config.routes::get);
            });
    try {
      app.start();
    } catch (JavalinBindException e) {
      throw taken(host, port, e);
    } catch (RuntimeException e) {
      if (e.getCause() instanceof BindException) {
        throw taken(host, port, e);
      }
      throw e;
    }
    ManagementServer server = new ManagementServer(app, host);
    LOG.info("metrics and health at {}", server.url());
    return server;
  }

  /**
   * Starts the management server when {@code management.port} is set (not -1); otherwise returns
   * null (nothing to close).
   */
  public static ManagementServer startIfConfigured(Settings settings, Operations operations) {
    int port = settings.getInt(Settings.MANAGEMENT_PORT);
    if (port < 0) {
      return null;
    }
    return start(operations, settings.getString(Settings.MANAGEMENT_HOST), port);
  }

  private static IllegalArgumentException taken(String host, int port, Exception e) {
    return new IllegalArgumentException(
        "management port "
            + host
            + ":"
            + port
            + " is taken; choose another with --management-port PORT (or management.port in"
            + " newspipe.yaml, NEWSPIPE_MANAGEMENT_PORT in the environment)",
        e);
  }

  public int port() {
    return app.port();
  }

  /** E.g. {@code http://127.0.0.1:9464/}. */
  public String url() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + h + ":" + port() + "/";
  }

  @Override
  public void close() {
    app.stop();
  }
}
