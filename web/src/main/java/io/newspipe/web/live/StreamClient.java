package io.newspipe.web.live;

import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One connected live stream: the tags it follows and a bounded queue of events not yet written to
 * it. The Kafka reader only ever {@link #offer}s (never blocks); the client's own request thread
 * writes, so a slow or stalled browser holds up nobody else. When the queue is full the client is
 * {@link #end ended}: it reconnects (EventSource does so by itself) rather than silently missing
 * articles.
 */
final class StreamClient {
  /** An event as written: name and JSON data. */
  record Event(String name, String json) {}

  private static final Event WAKE_UP = new Event("", "");

  private final String name;
  private final Set<String> tags;
  private final BlockingQueue<Event> queue;
  private volatile String endReason;

  StreamClient(String name, Set<String> tags, int capacity) {
    this.name = name;
    this.tags = Set.copyOf(tags);
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  String name() {
    return name;
  }

  /** Whether an article with these tag ids is for this client (any followed tag; all if none). */
  boolean wants(List<String> articleTags) {
    if (tags.isEmpty()) {
      return true;
    }
    for (String t : articleTags) {
      if (tags.contains(t)) {
        return true;
      }
    }
    return false;
  }

  /** Queues an event without waiting; false when the client is too far behind (or ended). */
  boolean offer(Event event) {
    return endReason == null && queue.offer(event);
  }

  /** Makes {@link #serve} return soon; the first reason given is kept. */
  void end(String reason) {
    if (endReason == null) {
      endReason = reason;
    }
    queue.clear();
    queue.offer(WAKE_UP);
  }

  String endReason() {
    return endReason;
  }

  /** The events waiting to be written, oldest first (for tests). */
  List<Event> queued() {
    return List.copyOf(queue);
  }

  /**
   * Writes queued events to the browser until it goes away or {@link #end} is called; a comment
   * every {@code heartbeat} keeps proxies from closing an idle stream and finds dead peers.
   */
  void serve(SseClient sse, Duration heartbeat) throws InterruptedException {
    sse.sendComment("newspipe live stream");
    while (!sse.terminated() && endReason == null) {
      Event next = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
      if (endReason != null) {
        return;
      }
      if (next == null) {
        sse.sendComment("heartbeat");
      } else {
        sse.sendEvent(next.name(), next.json());
      }
    }
  }
}
