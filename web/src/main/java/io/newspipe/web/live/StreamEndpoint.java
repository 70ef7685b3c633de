package io.newspipe.web.live;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.newspipe.schemas.Topics;
import io.newspipe.web.TagInfo;
import io.newspipe.web.api.ApiException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/stream?tag=ID[&tag=ID...]}: Server-Sent Events of articles as enrich tags them,
 * optionally only those with any of the given tags. Events: {@code status} ({@code {"state":
 * "live"}} once the reader is at the end of the topic, or {@code waiting} / {@code reconnecting}),
 * then {@code article} (the list-item JSON of {@code /api/articles}). Comments every heartbeat keep
 * the connection open. The request is checked before the stream starts, so a mistake is a JSON
 * error, not a stream that never sends anything.
 *
 * <p>Threads: an open stream holds exactly one thread, from this endpoint's own pool of at most
 * {@link LiveHub#maxClients()} threads; the HTTP request thread goes back to Jetty at once. A
 * stream's thread ends within {@link #THREAD_IDLE} of the stream closing (Javalin's default async
 * pool would keep it for a minute, and has no upper bound). A browser that goes away is noticed at
 * the next write, so at the latest after one heartbeat.
 */
public final class StreamEndpoint implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamEndpoint.class);

  /** How long a stream thread outlives its stream, waiting for the next one. */
  static final Duration THREAD_IDLE = Duration.ofSeconds(2);

  private final LiveHub hub;
  private final LiveFeed feed;
  private final Set<String> knownTags = new TreeSet<>();
  private final Duration heartbeat;
  private final ExecutorService streams;

  public StreamEndpoint(LiveHub hub, LiveFeed feed, List<TagInfo> tags, Duration heartbeat) {
    this.hub = hub;
    this.feed = feed;
    tags.forEach(t -> knownTags.add(t.id()));
    this.heartbeat = heartbeat;
    // The hub admits at most maxClients streams, so the queue only ever holds a stream whose
    // thread is being handed over from one that has just ended.
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            hub.maxClients(),
            hub.maxClients(),
            THREAD_IDLE.toMillis(),
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            threads());
    pool.allowCoreThreadTimeOut(true);
    this.streams = pool;
  }

  private static ThreadFactory threads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "newspipe-web-stream-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  public void handle(Context ctx) throws Exception {
    Set<String> tags = tags(ctx.queryParamMap());
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      throw new ApiException(
          406,
          "/api/stream is a Server-Sent Events stream: open it with an EventSource, or send"
              + " 'Accept: text/event-stream'");
    }
    if (feed == null) {
      throw new ApiException(
          503, "the live stream is off: this web service was started without Kafka");
    }
    StreamClient client = hub.open(tags, ctx.ip());
    if (client == null) {
      throw new ApiException(
          503,
          "too many live streams are open (at most "
              + hub.maxClients()
              + "); close some tabs or try again later");
    }
    String state = feed.state();
    client.offer(LiveHub.statusEvent(state.startsWith("waiting") ? "waiting" : state));
    try {
      startStream(ctx);
      ctx.async(
          async -> {
            async.timeout = 0;
            async.executor = streams;
          },
          () -> serve(new SseClient(ctx), client, tags));
    } catch (Exception | Error e) {
      hub.remove(client); // the stream never started: free its place
      throw e;
    }
  }

  /** The response head of an event stream, as Javalin's {@code SseHandler} writes it. */
  private static void startStream(Context ctx) throws IOException {
    var res = ctx.res();
    res.setStatus(200);
    res.setCharacterEncoding("UTF-8");
    res.setContentType("text/event-stream");
    res.addHeader("Connection", "close");
    res.addHeader("Cache-Control", "no-cache");
    res.addHeader("X-Accel-Buffering", "no"); // proxies must not buffer the stream
    res.flushBuffer();
  }

  private void serve(SseClient sse, StreamClient client, Set<String> tags) {
    LOG.debug("live stream client {} connected, tags {}", client.name(), tags);
    try {
      client.serve(sse, heartbeat);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      hub.remove(client);
      sse.close();
      LOG.debug(
          "live stream client {} gone ({})",
          client.name(),
          client.endReason() == null ? "disconnected" : client.endReason());
    }
  }

  /** Ends the stream threads (the hub has ended their streams before). */
  @Override
  public void close() {
    streams.shutdownNow();
  }

  private Set<String> tags(Map<String, List<String>> parameters) {
    Set<String> tags = new TreeSet<>();
    for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
      if (!p.getKey().equals("tag")) {
        throw ApiException.badParameter(
            p.getKey(), "unknown parameter '" + p.getKey() + "'; /api/stream takes only tag");
      }
      for (String tag : p.getValue()) {
        try {
          Topics.tag(tag);
        } catch (IllegalArgumentException e) {
          throw ApiException.badParameter("tag", e.getMessage());
        }
        if (!knownTags.isEmpty() && !knownTags.contains(tag)) {
          throw ApiException.badParameter(
              "tag", "unknown tag '" + tag + "'; known tags: " + String.join(", ", knownTags));
        }
        tags.add(tag);
      }
    }
    return tags;
  }
}
