package io.newspipe.ingest.feed;

import io.newspipe.ingest.format.ArticleParser;
import io.newspipe.ingest.fulltext.FullTextFetcher;
import io.newspipe.ingest.fulltext.FullTextSettings;
import io.newspipe.ingest.publish.ArticlePublisher;
import io.newspipe.schemas.FeedState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

  /** Feeds due at start are polled this far apart, so a restart is not a burst of requests. */
  static final Duration STAGGER = Duration.ofMillis(250);

  private final List<FeedPoller> pollers = new ArrayList<>();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final Clock clock;
  private final FullTextFetcher fullText;
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
    this(feeds, states, settings, null, parser, publisher, clock);
  }

  /**
   * @param fullText how pages behind items are fetched, or null to never fetch them
   */
  public FeedSource(
      List<FeedSpec> feeds,
      Map<String, FeedState> states,
      HttpSettings settings,
      FullTextSettings fullText,
      ArticleParser parser,
      ArticlePublisher publisher,
      Clock clock) {
    this.clock = clock;
    HttpFetcher fetcher = new HttpFetcher(settings, clock);
    HostRateLimiter limiter = new HostRateLimiter(settings.perHostInterval());
    this.fullText =
        fullText == null
            ? null
            : new FullTextFetcher(fullText, limiter, settings.userAgent(), clock);
    for (FeedSpec spec : feeds) {
      if (spec.enabled()) {
        pollers.add(
            new FeedPoller(
                spec,
                states.get(spec.id()),
                fetcher,
                limiter,
                parser,
                publisher,
                settings,
                clock,
                this.fullText));
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
    List<Duration> delays =
        firstPolls(
            pollers.stream().map(FeedPoller::lastPolled).toList(),
            pollers.stream().map(p -> p.spec().interval()).toList(),
            clock.instant());
    for (int i = 0; i < pollers.size(); i++) {
      FeedPoller poller = pollers.get(i);
      executor.schedule(
          () -> pollAndReschedule(poller), delays.get(i).toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * When to poll each feed first: a feed polled recently (by an ingest that was restarted) when its
   * interval is up, not at once, so restarts do not hammer servers; feeds due now one {@link
   * #STAGGER} apart, in order.
   */
  static List<Duration> firstPolls(
      List<Instant> lastPolled, List<Duration> intervals, Instant now) {
    List<Duration> delays = new ArrayList<>();
    int due = 0;
    for (int i = 0; i < lastPolled.size(); i++) {
      Instant last = lastPolled.get(i);
      Duration wait =
          last == null ? Duration.ZERO : Duration.between(now, last.plus(intervals.get(i)));
      if (wait.isNegative() || wait.isZero()) {
        wait = STAGGER.multipliedBy(due++);
      }
      delays.add(wait);
    }
    return delays;
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
    } catch (RuntimeException | Error e) {
      // FeedPoller contains what one document or response throws; this is the last line, so that
      // nothing ends the feed's schedule: one line, then the next poll after a backoff.
      next = poller.unexpectedFailure(e);
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

  /** Articles whose full text was extracted and handed on so far (0 without full text). */
  public long extractedPages() {
    return fullText == null ? 0 : fullText.extracted();
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (fullText != null) {
      fullText.close();
    }
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
