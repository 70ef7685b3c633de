package io.newspipe.ingest.feed;

import io.newspipe.ingest.format.ArticleParser;
import io.newspipe.ingest.publish.ArticlePublisher;
import io.newspipe.schemas.FeedState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every enabled feed on its own schedule. Each feed is a separate task, rescheduled after
 * each poll by the delay the poll asked for (its interval, a backoff, or a server's Retry-After),
 * so a slow or failing feed never holds up the others.
 */
public final class FeedSource implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FeedSource.class);
  private static final int THREADS = 4;

  private final List<FeedPoller> pollers = new ArrayList<>();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private ScheduledExecutorService executor;
  private volatile boolean closed;

  /**
   * @param states the feeds' saved states by feed id (see {@link FeedStateStore#load})
   */
  public FeedSource(
      List<FeedSpec> feeds,
      Map<String, FeedState> states,
      HttpSettings settings,
      ArticleParser parser,
      ArticlePublisher publisher,
      Clock clock) {
    HttpFetcher fetcher = new HttpFetcher(settings, clock);
    HostRateLimiter limiter = new HostRateLimiter(settings.perHostInterval());
    for (FeedSpec spec : feeds) {
      if (spec.enabled()) {
        pollers.add(
            new FeedPoller(
                spec, states.get(spec.id()), fetcher, limiter, parser, publisher, settings, clock));
      }
    }
  }

  /** Polls every feed once, one after the other (for {@code --once} runs). */
  public void pollAllOnce() throws InterruptedException {
    for (FeedPoller poller : pollers) {
      if (closed) {
        return;
      }
      count(poller.poll());
    }
  }

  /** Starts polling in the background; returns at once. */
  public synchronized void start() {
    executor =
        Executors.newScheduledThreadPool(
            Math.min(THREADS, Math.max(1, pollers.size())),
            r -> {
              Thread t = new Thread(r, "newspipe-feeds");
              t.setDaemon(true);
              return t;
            });
    for (FeedPoller poller : pollers) {
      executor.execute(() -> pollAndReschedule(poller));
    }
  }

  private void pollAndReschedule(FeedPoller poller) {
    if (closed) {
      return;
    }
    Duration next = poller.spec().interval();
    try {
      FeedPoller.Outcome outcome = poller.poll();
      count(outcome);
      next = outcome.nextDelay();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (RuntimeException e) {
      LOG.error("feed {}: unexpected error, polling it again later", poller.spec().id(), e);
    }
    if (!closed) {
      executor.schedule(() -> pollAndReschedule(poller), next.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void count(FeedPoller.Outcome outcome) {
    published.addAndGet(outcome.published());
    if (outcome.failed()) {
      failed.incrementAndGet();
    }
  }

  public int feeds() {
    return pollers.size();
  }

  /** Articles handed to the publisher so far. */
  public long published() {
    return published.get();
  }

  /** Failed polls so far. */
  public long failedPolls() {
    return failed.get();
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
