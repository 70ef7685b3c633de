package io.newspipe.web.live;

import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import io.newspipe.schemas.Topics;
import io.newspipe.web.TagInfo;
import io.newspipe.web.api.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/stream?tag=ID[&tag=ID...]}: Server-Sent Events of articles as enrich tags them,
 * optionally only those with any of the given tags. Events: {@code status} ({@code {"state":
 * "live"}} once the reader is at the end of the topic, or {@code waiting} / {@code reconnecting}),
 * then {@code article} (the list-item JSON of {@code /api/articles}). Comments every heartbeat keep
 * the connection open. The request is checked before the stream starts, so a mistake is a JSON
 * error, not a stream that never sends anything.
 */
public final class StreamEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(StreamEndpoint.class);

  private final LiveHub hub;
  private final LiveFeed feed;
  private final Set<String> knownTags = new TreeSet<>();
  private final Duration heartbeat;

  public StreamEndpoint(LiveHub hub, LiveFeed feed, List<TagInfo> tags, Duration heartbeat) {
    this.hub = hub;
    this.feed = feed;
    tags.forEach(t -> knownTags.add(t.id()));
    this.heartbeat = heartbeat;
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
    SseHandler stream =
        new SseHandler(
            0,
            sse -> {
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
            });
    try {
      stream.handle(ctx);
    } catch (Exception | Error e) {
      hub.remove(client); // the stream never started: free its place
      throw e;
    }
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
