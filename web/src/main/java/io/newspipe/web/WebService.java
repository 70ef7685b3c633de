package io.newspipe.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import io.javalin.util.JavalinBindException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newspipe.schemas.TopicSet;
import io.newspipe.schemas.lifecycle.CachedCheck;
import io.newspipe.schemas.lifecycle.Health;
import io.newspipe.schemas.lifecycle.Service;
import io.newspipe.store.ArticleQueries;
import io.newspipe.web.api.ArticleApi;
import io.newspipe.web.api.OpenApi;
import io.newspipe.web.api.Responses;
import io.newspipe.web.api.TagFeeds;
import io.newspipe.web.api.TimelineApi;
import io.newspipe.web.feeds.FeedApi;
import io.newspipe.web.feeds.FeedHealthView;
import io.newspipe.web.live.LiveFeed;
import io.newspipe.web.live.LiveHub;
import io.newspipe.web.live.StreamEndpoint;
import io.newspipe.web.notify.NotifyApi;
import java.net.BindException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read side over HTTP: the JSON API over the store ({@code /api/articles} and its export,
 * {@code /api/stories}, {@code /api/tags}, {@code /api/tags/timeline}, {@code /api/health}), each
 * feed's health from {@code news.feeds.health} ({@code /api/feeds}), feeds per tag ({@code
 * /feeds/tags/{id}.xml}), live Server-Sent Events from {@code news.articles.tagged} ({@code
 * /api/stream}), the OpenAPI description of the API ({@code /api/openapi.json}) and the web UI
 * (static files from the classpath).
 *
 * <pre>{@code
 * try (WebService web = WebService.builder(store).port(8080).tags(tags)
 *     .live(kafkaClientProps, TopicSet.DEFAULT).start()) {
 *   System.out.println("UI at " + web.url());
 *   ...
 * }
 * }</pre>
 *
 * Every response, the HTTP server's own error pages included, carries a strict
 * Content-Security-Policy (scripts and styles from this origin only, nothing inline) and {@code
 * X-Content-Type-Options: nosniff}: article text comes from feeds and is untrusted, and the UI
 * renders it as text only.
 *
 * <p>As a {@link Service}: ready while it listens and the store answers a query (checked at most
 * once a second); down once closed.
 */
public final class WebService implements Service {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;

  static final String UI_RESOURCES = "/io/newspipe/web/ui";
  static final Map<String, String> SECURITY_HEADERS =
      Map.of(
          "Content-Security-Policy",
          "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
              + " connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
          "X-Content-Type-Options",
          "nosniff",
          "Referrer-Policy",
          "no-referrer",
          "X-Frame-Options",
          "DENY");

  private static final Logger LOG = LoggerFactory.getLogger(WebService.class);
  private static final Duration HTTP_THREAD_IDLE = Duration.ofSeconds(5);

  /** An id no article has: looking it up is the cheapest query that proves the store answers. */
  private static final String PROBE_ID = "newspipe-health-probe";

  private final Builder config;
  private final LiveHub hub;
  private final LiveFeed feed;
  private final StreamEndpoint stream;
  private final FeedHealthView feedHealth;
  private final Javalin app;
  private final CachedCheck storeCheck;
  private volatile boolean started;
  private volatile boolean closed;

  private WebService(Builder b) {
    this.config = b;
    this.hub = new LiveHub(b.maxStreamClients, b.streamQueue);
    this.feed =
        b.kafkaProps == null
            ? null
            : new LiveFeed(b.kafkaProps, b.topics.tagged(), hub, b.partitionCheck);
    this.storeCheck = new CachedCheck(Duration.ofSeconds(1), () -> b.store.article(PROBE_ID));
    this.feedHealth =
        b.kafkaProps == null ? null : new FeedHealthView(b.kafkaProps, b.topics.feedHealth());
    ArticleApi api = new ArticleApi(b.store, b.tags);
    this.stream = new StreamEndpoint(hub, feed, b.tags, b.heartbeat);
    WebMeters meters = new WebMeters(b.registry, hub::size);
    this.app =
        Javalin.create(
            javalin -> {
              javalin.startup.showJavalinBanner = false;
              javalin.startup.showOldJavalinVersionWarning = false;
              javalin.jetty.host = b.host;
              javalin.jetty.port = b.port;
              javalin.jetty.threadPool = httpThreads();
              javalin.jetty.modifyServer(
                  server -> server.setErrorHandler(new SecureErrorHandler(SECURITY_HEADERS)));
              javalin.staticFiles.add(
                  files -> {
                    files.hostedPath = "/";
                    files.directory = UI_RESOURCES;
                    files.location = Location.CLASSPATH;
                    Map<String, String> headers = new HashMap<>(SECURITY_HEADERS);
                    headers.put("Cache-Control", "no-cache");
                    files.headers = headers;
                  });
              javalin.routes.before(ctx -> SECURITY_HEADERS.forEach(ctx::header));
              javalin.requestLogger.http(meters::request);
              b.extraRoutes.forEach(javalin.routes::get);
              api.routes(javalin.routes);
              new FeedApi(feedHealth).routes(javalin.routes);
              OpenApi.routes(javalin.routes);
              new TimelineApi(b.store).routes(javalin.routes);
              new TagFeeds(b.store, b.tags).routes(javalin.routes);
              javalin.routes.get("/api/health", this::health);
              javalin.routes.get("/api/stream", stream::handle);
              if (b.notifyApi != null) {
                b.notifyApi.routes(javalin.routes);
              }
              Responses.errors(javalin.routes);
            });
  }

  /**
   * Jetty's request threads: as many as Javalin's default (250), but idle ones end after 5 s rather
   * than a minute, all of them rather than one per period (Jetty's default), so a burst (100 live
   * streams closing at once, each completed on a request thread) does not leave its threads behind
   * for minutes. Live streams do not hold these threads (see {@link StreamEndpoint}).
   */
  private static QueuedThreadPool httpThreads() {
    int max = 250;
    QueuedThreadPool pool = new QueuedThreadPool(max, 8, (int) HTTP_THREAD_IDLE.toMillis());
    pool.setMaxEvictCount(max);
    pool.setName("newspipe-web-http");
    return pool;
  }

  /** A web service over {@code store}, not started; set what differs from the defaults. */
  public static Builder builder(ArticleQueries store) {
    return new Builder(store);
  }

  @Override
  public String name() {
    return "web";
  }

  /**
   * Starts listening (and reading the live stream), when built with {@link Builder#build()}.
   *
   * @throws WebBindException when the port is taken
   */
  @Override
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("the web service is already started");
    }
    started = true;
    try {
      app.start();
    } catch (JavalinBindException e) {
      throw new WebBindException(config.host, config.port, e);
    } catch (RuntimeException e) {
      if (causedBy(e, BindException.class)) {
        throw new WebBindException(config.host, config.port, e);
      }
      throw e;
    }
    if (feed != null) {
      feed.start();
    }
    if (feedHealth != null) {
      feedHealth.start();
    }
    LOG.info("web UI and API at {}", url());
  }

  @Override
  public Health health() {
    if (closed) {
      return Health.down("web closed");
    }
    if (!started) {
      return Health.notReady("web is not started");
    }
    var storeProblem = storeCheck.problem();
    return storeProblem
        .map(p -> Health.notReady("the store cannot be read: " + p))
        .orElseGet(() -> Health.ready("serving " + url()));
  }

  /** The port bound (the ephemeral one chosen when the builder's port was 0). */
  public int port() {
    return app.port();
  }

  /** The address of the UI, e.g. {@code http://localhost:8080/}. */
  public String url() {
    String host = config.host;
    if (host.equals(DEFAULT_HOST)) {
      host = "localhost"; // what people type; resolves to the loopback we listen on
    } else if (host.equals("0.0.0.0") || host.equals("::")) {
      host = "localhost";
    } else if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + port() + "/";
  }

  /**
   * Waits until the live stream reads the end of the tagged topic, so that everything written from
   * now on reaches connected clients; false on timeout (or when no Kafka was configured).
   */
  public boolean awaitLive(Duration timeout) throws InterruptedException {
    return feed != null && feed.awaitLive(timeout);
  }

  /** 200 when the store answers, else 503; either way what each part is doing. */
  private void health(Context ctx) {
    boolean storeOk;
    try {
      config.store.articleCount();
      storeOk = true;
    } catch (RuntimeException e) {
      LOG.warn("health check: the store cannot be read: {}", e.getMessage());
      storeOk = false;
    }
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("status", storeOk ? "ok" : "unavailable");
    h.put("store", storeOk ? "ok" : "cannot be read");
    h.put("live", feed == null ? "off" : feed.state());
    h.put("streams", hub.size());
    Responses.json(ctx, storeOk ? 200 : 503, h);
  }

  /** Ends live streams, stops the Kafka consumer and the HTTP server. Idempotent. */
  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  /**
   * As {@link #close()}. The deadline is not enforced here: Jetty's own stop timeout bounds the
   * HTTP server, and live streams end at once.
   */
  @Override
  public synchronized void close(Duration deadline) {
    if (closed) {
      return;
    }
    closed = true;
    hub.close();
    if (feed != null) {
      feed.close();
    }
    if (feedHealth != null) {
      feedHealth.close();
    }
    app.stop();
    stream.close();
  }

  /**
   * The API routes registered, as {@code "GET /api/articles/{id}"} (path parameters in OpenAPI's
   * braces), without the catch-all that answers unknown API paths: what {@code /api/openapi.json}
   * must describe.
   */
  List<String> apiRoutes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(e -> e.endpoint)
        .filter(e -> e.method.isHttpMethod() && e.path.startsWith("/api/"))
        .filter(e -> !e.path.equals(Responses.UNKNOWN_API_PATH))
        .map(e -> e.method.name() + " " + e.path.replace('<', '{').replace('>', '}'))
        .distinct()
        .toList();
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** What a web service is given; defaults as documented on each method. */
  public static final class Builder {
    private final ArticleQueries store;
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private List<TagInfo> tags = List.of();
    private Map<String, Object> kafkaProps;
    private TopicSet topics;
    private Duration heartbeat = Duration.ofSeconds(15);
    private Duration partitionCheck = LiveFeed.DEFAULT_PARTITION_CHECK;
    private int maxStreamClients = 100;
    private int streamQueue = 256;
    private MeterRegistry registry = new SimpleMeterRegistry();
    private final Map<String, Handler> extraRoutes = new LinkedHashMap<>();
    private NotifyApi notifyApi;

    private Builder(ArticleQueries store) {
      this.store = Objects.requireNonNull(store, "store");
    }

    /** Address to listen on; default {@value #DEFAULT_HOST} (this machine only). */
    public Builder host(String bindHost) {
      this.host = Objects.requireNonNull(bindHost, "host");
      return this;
    }

    /** Port to listen on; default {@value #DEFAULT_PORT}; 0 picks a free one (tests). */
    public Builder port(int bindPort) {
      if (bindPort < 0 || bindPort > 65535) {
        throw new IllegalArgumentException("web port must be 0-65535, got " + bindPort);
      }
      this.port = bindPort;
      return this;
    }

    /** The taxonomy's tags, for {@code /api/tags} and the UI's tag filter; default none. */
    public Builder tags(List<TagInfo> taxonomyTags) {
      this.tags = List.copyOf(taxonomyTags);
      return this;
    }

    /**
     * Kafka client properties (bootstrap servers, TLS/SASL...) and topics for {@code /api/stream};
     * without them the live stream answers 503.
     */
    public Builder live(Map<String, Object> kafkaClientProps, TopicSet topicSet) {
      this.kafkaProps = new HashMap<>(kafkaClientProps);
      this.topics = Objects.requireNonNull(topicSet, "topics");
      return this;
    }

    /** Saved searches, alerts, deliveries and their feeds ({@link NotifyApi}); default off. */
    public Builder notify(NotifyApi api) {
      this.notifyApi = Objects.requireNonNull(api, "api");
      return this;
    }

    /** How often an idle live stream sends a comment, so proxies and dead peers are noticed. */
    public Builder heartbeat(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("heartbeat must be positive, got " + interval);
      }
      this.heartbeat = interval;
      return this;
    }

    /** How often the live reader looks for partitions added to the tagged topic; default 30 s. */
    public Builder partitionCheck(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("partition check must be positive, got " + interval);
      }
      this.partitionCheck = interval;
      return this;
    }

    /**
     * Limits of live streams: at most {@code clients} at once, each with at most {@code queue}
     * undelivered events (a client that falls further behind is disconnected).
     */
    public Builder streamLimits(int clients, int queue) {
      if (clients < 1 || queue < 1) {
        throw new IllegalArgumentException("stream limits must be at least 1");
      }
      this.maxStreamClients = clients;
      this.streamQueue = queue;
      return this;
    }

    /**
     * The process's meter registry, where requests ({@value WebMeters#REQUESTS}) and open live
     * streams ({@value WebMeters#STREAMS}) are counted; default a registry of its own.
     */
    public Builder meters(MeterRegistry meterRegistry) {
      this.registry = Objects.requireNonNull(meterRegistry, "registry");
      return this;
    }

    /**
     * Serves {@code handler} for GET {@code path} besides the API, e.g. the operations endpoints
     * ({@code /metrics}, {@code /health/ready}) that {@code newspipe up} shares the web port with.
     */
    public Builder get(String path, Handler handler) {
      extraRoutes.put(Objects.requireNonNull(path, "path"), Objects.requireNonNull(handler));
      return this;
    }

    /**
     * Starts listening (and reading the live stream).
     *
     * @throws WebBindException when the port is taken
     */
    public WebService start() {
      WebService web = build();
      web.start();
      return web;
    }

    /** The web service, not started yet ({@link WebService#start()}). */
    public WebService build() {
      if (host.isBlank()) {
        throw new IllegalArgumentException("web host is empty; use e.g. 127.0.0.1 or 0.0.0.0");
      }
      return new WebService(this);
    }
  }
}
