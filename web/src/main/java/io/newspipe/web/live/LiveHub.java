package io.newspipe.web.live;

import io.newspipe.schemas.TaggedArticle;
import io.newspipe.web.api.ArticleJson;
import io.newspipe.web.api.Responses;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans live articles out to the connected streams: each article is turned into JSON once and
 * offered to every client that follows one of its tags. Offering never blocks, so one slow client
 * cannot hold up the Kafka reader or the other clients.
 */
public final class LiveHub {
  private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);

  private final int maxClients;
  private final int queueCapacity;
  private final Set<StreamClient> clients = new CopyOnWriteArraySet<>();
  private final AtomicLong counter = new AtomicLong();
  private volatile boolean closed;

  public LiveHub(int maxClients, int queueCapacity) {
    this.maxClients = maxClients;
    this.queueCapacity = queueCapacity;
  }

  /** A new client following {@code tags} (all when empty), or null when the hub is full/closed. */
  synchronized StreamClient open(Set<String> tags, String remote) {
    if (closed || clients.size() >= maxClients) {
      return null;
    }
    StreamClient client =
        new StreamClient("#" + counter.incrementAndGet() + " " + remote, tags, queueCapacity);
    clients.add(client);
    return client;
  }

  void remove(StreamClient client) {
    clients.remove(client);
  }

  public int size() {
    return clients.size();
  }

  int maxClients() {
    return maxClients;
  }

  /** Sends an article to every client that follows one of its tags. */
  void publish(TaggedArticle article) {
    if (clients.isEmpty()) {
      return;
    }
    var item = ArticleJson.item(article);
    StreamClient.Event event = new StreamClient.Event("article", Responses.toJson(item));
    for (StreamClient c : clients) {
      if (c.wants(item.tags())) {
        offer(c, event);
      }
    }
  }

  /** Tells every client the state of the Kafka reader ({@code live}, {@code waiting}, ...). */
  void status(String state) {
    StreamClient.Event event = statusEvent(state);
    clients.forEach(c -> offer(c, event));
  }

  static StreamClient.Event statusEvent(String state) {
    return new StreamClient.Event("status", Responses.toJson(Map.of("state", state)));
  }

  private void offer(StreamClient c, StreamClient.Event event) {
    if (!c.offer(event) && c.endReason() == null) {
      c.end("too slow");
      clients.remove(c);
      LOG.warn(
          "live stream client {} fell {} events behind and was disconnected (it may reconnect)",
          c.name(),
          queueCapacity);
    }
  }

  /** Ends every stream; new ones are refused. */
  public synchronized void close() {
    closed = true;
    clients.forEach(c -> c.end("server stopping"));
    clients.clear();
  }
}
