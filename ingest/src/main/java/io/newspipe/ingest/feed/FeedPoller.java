package io.newspipe.ingest.feed;

import io.newspipe.ingest.format.ArticleParser;
import io.newspipe.ingest.format.Format;
import io.newspipe.ingest.format.FormatDetector;
import io.newspipe.ingest.format.Origin;
import io.newspipe.ingest.format.ParseException;
import io.newspipe.ingest.fulltext.FullTextFetcher;
import io.newspipe.ingest.publish.ArticlePublisher;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.FeedHealth;
import io.newspipe.schemas.FeedPollOutcome;
import io.newspipe.schemas.FeedState;
import io.newspipe.schemas.logging.LogContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one feed: a conditional GET, then publishes only what is new or changed.
 *
 * <p>Identity and versions: article ids are deterministic (source + guid/uri, see {@code
 * ArticleIds}); the state remembers each id's last published fingerprint (content hash + signal)
 * and version. An unseen id is published as version 1, a changed fingerprint as the next version (a
 * kill/cancel changes the signal, so it is published as a withdrawal even with unchanged text), an
 * unchanged one not at all. After the articles are acknowledged the new state is written to the
 * compacted state topic, so a restarted ingest neither re-emits nor loses items.
 *
 * <p>Health: after every poll, whatever it came to, the feed's {@link FeedHealth} goes to the
 * compacted health topic and the state (with the counters behind it: failures in a row, gaps
 * between new items, see {@link FeedHealthTracker}) to the state topic.
 *
 * <p>Full text: a new or changed item that wants its page fetched (see {@link FullTextFetcher}) is
 * published first with the feed's text; the extracted body follows as the next version.
 *
 * <p>One poller per feed, polled by one thread at a time; extracted versions arrive from the
 * full-text pool and are published under the poller's lock.
 */
public final class FeedPoller {

  private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

  /** Items remembered per feed; beyond this, ids absent from the latest document are forgotten. */
  static final int MAX_REMEMBERED_ITEMS = 10_000;

  private final FeedSpec spec;
  private final HttpFetcher fetcher;
  private final HostRateLimiter limiter;
  private final ArticleParser parser;
  private final ArticlePublisher publisher;
  private final HttpSettings settings;
  private final Clock clock;
  private final FullTextFetcher fullText;
  private final FeedHealthTracker health;
  private final List<Article> toFetch = new ArrayList<>();
  private final FeedMeters meters;
  private FeedState state;
  private int newItems;

  FeedPoller(
      FeedSpec spec,
      FeedState initial,
      HttpFetcher fetcher,
      HostRateLimiter limiter,
      ArticleParser parser,
      ArticlePublisher publisher,
      HttpSettings settings,
      Clock clock) {
    this(spec, initial, fetcher, limiter, parser, publisher, settings, clock, null);
  }

  /**
   * @param fullText fetches the pages behind items that want it, or null for none
   */
  FeedPoller(
      FeedSpec spec,
      FeedState initial,
      HttpFetcher fetcher,
      HostRateLimiter limiter,
      ArticleParser parser,
      ArticlePublisher publisher,
      HttpSettings settings,
      Clock clock,
      FullTextFetcher fullText) {
    this.spec = spec;
    this.fullText = fullText;
    this.fetcher = fetcher;
    this.limiter = limiter;
    this.parser = parser;
    this.publisher = publisher;
    this.settings = settings;
    this.clock = clock;
    this.meters = new FeedMeters(publisher.meters().registry(), spec.id());
    this.health = new FeedHealthTracker(settings.silentFactor());
    boolean sameUrl = initial != null && spec.url().toString().equals(initial.getUrl());
    this.state =
        sameUrl
            ? initial
            : FeedState.newBuilder()
                .setFeedId(spec.id())
                .setUrl(spec.url().toString())
                .setItemHashes(new HashMap<>())
                .setItemVersions(new HashMap<>())
                .build();
  }

  /** What one poll did and when the next should happen. */
  public record Outcome(int published, boolean notModified, boolean failed, Duration nextDelay) {}

  /**
   * Polls once; never throws for a bad feed (it logs, dead-letters and backs off). Synchronized
   * with {@link #publishExtracted}, which full-text fetches call from their own threads.
   */
  public synchronized Outcome poll() throws InterruptedException {
    limiter.acquire(spec.url());
    try (LogContext ignored = LogContext.feed(spec.id(), ArticlePublisher.STAGE)) {
      Outcome outcome;
      try {
        outcome = fetchAndPublish();
      } catch (RuntimeException | Error e) {
        outcome =
            failed(FeedPollOutcome.ERROR, null, "failed unexpectedly (" + e + ")", null, e, null);
      }
      meters.polled(
          outcome.failed() ? "failed" : outcome.notModified() ? "not_modified" : "ok",
          clock.instant());
      return outcome;
    }
  }

  /**
   * The last line of {@link FeedSource}: one log line for a failure outside the poll itself, and
   * the backoff delay before the next poll.
   */
  synchronized Duration unexpectedFailure(Throwable e) {
    int failures = state.getConsecutiveFailures() + 1;
    state.setConsecutiveFailures(failures);
    Duration delay = Backoff.delay(spec.interval(), failures, settings.maxBackoff());
    LOG.error(
        "feed {} ({}): unexpected error ({}); next attempt in {} s",
        spec.id(),
        spec.url(),
        e.toString(),
        delay.toSeconds());
    return delay;
  }

  private Outcome fetchAndPublish() {
    FetchResult result;
    try {
      result = fetcher.fetch(spec.url(), state.getEtag(), state.getLastModified());
    } catch (FeedFetchException e) {
      return failed(e.outcome(), e.httpStatus(), e.getMessage(), e.payload(), e, e.retryAfter());
    }
    if (result.notModified()) {
      LOG.debug("feed {}: not modified", spec.id());
      report(FeedPollOutcome.NOT_MODIFIED, result.status(), null, 0, null);
      return new Outcome(0, true, false, spec.interval());
    }
    Origin origin =
        new Origin(spec.id(), spec.id(), spec.url().toString(), null, spec.url().toString());
    String notAFeed = spec.format() == null ? notAFeed(result) : null;
    if (notAFeed != null) {
      return failed(
          FeedPollOutcome.NOT_A_FEED, result.status(), notAFeed, result.body(), null, null);
    }
    List<Article> articles;
    try {
      articles = parser.parse(result.body(), origin, spec.format(), result.contentType(), true);
    } catch (ParseException e) {
      return failed(
          FeedPollOutcome.PARSE_ERROR,
          result.status(),
          "cannot parse what " + spec.url() + " sent: " + e.reason(),
          result.body(),
          e,
          null);
    }
    int published = publishChanges(articles);
    publisher.flush(); // the state may only claim what the brokers acknowledged
    rememberValidators(result, articles);
    report(
        FeedPollOutcome.OK,
        result.status(),
        null,
        newItems,
        latestItemTime(articles, clock.instant()));
    fetchFullTexts();
    return new Outcome(published, false, false, later(result.retryAfter()));
  }

  private static boolean isLinkOnly(Article article) {
    return article.getHeadline().isEmpty() && article.getBody().isEmpty();
  }

  private void linkOnly(Article article, boolean wanted) {
    if (wanted) {
      article.setVersion(0); // no version is out yet; the extracted one becomes version 1
      toFetch.add(article);
    } else {
      LOG.warn(
          "feed {}: skipped item {}: it has only a link and fullText is {}; nothing to publish",
          spec.id(),
          article.getUrl(),
          spec.fullText().name().toLowerCase(Locale.ROOT));
    }
  }

  /** Queues the full-text fetch of the versions just published that want one. */
  private void fetchFullTexts() {
    for (Article article : toFetch) {
      int feedVersion = article.getVersion();
      fullText.submit(spec.id(), article, next -> publishExtracted(next, feedVersion));
    }
    toFetch.clear();
  }

  /**
   * Publishes an extracted body as the next version of the article, unless the feed has published a
   * newer version since (that one gets its own fetch). The state keeps the feed's fingerprint, so
   * the unchanged item is not published again at the next poll.
   */
  synchronized void publishExtracted(Article next, int feedVersion) {
    Map<String, Integer> versions = new HashMap<>(state.getItemVersions());
    int current = versions.getOrDefault(next.getId(), 0);
    if (current != feedVersion) {
      LOG.debug("feed {}: {} changed while its page was fetched", spec.id(), next.getId());
      return;
    }
    next.setVersion(current + 1);
    publisher.publish(next);
    publisher.flush();
    versions.put(next.getId(), current + 1);
    state.setItemVersions(versions);
    publisher.publishState(state);
  }

  /**
   * Why a successful response is not a feed, or null: a web page (a login, error or home page
   * served with 200) would otherwise be read as a plain-text article. No feed format is plain text,
   * so what the detector calls text is refused.
   */
  static String notAFeed(FetchResult result) {
    Format format = FormatDetector.detect(result.body(), null);
    if (format != Format.TEXT && format != Format.MARKDOWN) {
      return null;
    }
    String type = result.contentType() == null ? "" : result.contentType();
    boolean html =
        type.toLowerCase(Locale.ROOT).contains("html")
            || FormatDetector.looksLikeHtml(result.body());
    return (html ? "sent an HTML page" : "sent plain text")
        + (type.isEmpty() ? "" : " (Content-Type " + type + ")")
        + ", not a feed (RSS, Atom, JSON Feed, ninjs, NewsML-G2 or JSON lines); the URL may point"
        + " to a web, login or error page: put the feed's own URL in newspipe.yaml, or set its"
        + " format if the server mislabels it";
  }

  private int publishChanges(List<Article> articles) {
    Map<String, String> hashes = new HashMap<>(state.getItemHashes());
    Map<String, Integer> versions = new HashMap<>(state.getItemVersions());
    int published = 0;
    newItems = 0;
    for (Article article : articles) {
      String fingerprint = article.getContentHash() + ":" + article.getSignal();
      String previous = hashes.get(article.getId());
      if (fingerprint.equals(previous)) {
        continue;
      }
      if (previous == null) {
        newItems++;
      }
      boolean wanted = fullText != null && fullText.wanted(spec.fullText(), article);
      hashes.put(article.getId(), fingerprint);
      if (isLinkOnly(article)) {
        linkOnly(article, wanted); // published once its page gives it a headline and text
        continue;
      }
      Integer before = versions.get(article.getId());
      int version = previous == null || before == null ? 1 : before + 1;
      article.setVersion(version);
      publisher.publish(article);
      meters.item(version == 1);
      if (wanted) {
        toFetch.add(article);
      }
      versions.put(article.getId(), version);
      published++;
    }
    if (hashes.size() > MAX_REMEMBERED_ITEMS) {
      var current =
          articles.stream().map(Article::getId).collect(java.util.stream.Collectors.toSet());
      hashes.keySet().retainAll(current);
      versions.keySet().retainAll(current);
    }
    state.setItemHashes(hashes);
    state.setItemVersions(versions);
    return published;
  }

  private void rememberValidators(FetchResult result, List<Article> articles) {
    state.setEtag(result.etag());
    state.setLastModified(result.lastModified());
    state.setPolledAt(clock.instant());
    LOG.debug("feed {}: {} items", spec.id(), articles.size());
  }

  /**
   * Records the poll in the feed's health and writes the state (with the health counters) and the
   * health record; on success only after the articles were flushed.
   */
  private void report(
      FeedPollOutcome outcome, Integer status, String message, int newCount, Instant latestItem) {
    FeedHealth h =
        health.record(
            state,
            new FeedHealthTracker.Poll(
                clock.instant(), outcome, status, message, newCount, latestItem));
    publisher.publishState(state);
    publisher.publishHealth(h);
  }

  /** The latest publication or update time of the items, ignoring times in the future. */
  static Instant latestItemTime(List<Article> articles, Instant now) {
    Instant latest = null;
    for (Article a : articles) {
      Instant t = a.getUpdatedAt() != null ? a.getUpdatedAt() : a.getPublishedAt();
      if (t != null && !t.isAfter(now) && (latest == null || t.isAfter(latest))) {
        latest = t;
      }
    }
    return latest;
  }

  private Outcome failed(
      FeedPollOutcome outcome,
      Integer status,
      String reason,
      byte[] payload,
      Throwable cause,
      Duration retryAfter) {
    report(outcome, status, reason, 0, null);
    int failures = state.getConsecutiveFailures();
    Duration delay = Backoff.delay(spec.interval(), failures, settings.maxBackoff());
    if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
      delay = retryAfter;
    }
    // one line per failure: the dead letter's, which says when the feed is tried again
    publisher.deadLetter(
        "feed " + spec.id() + " " + spec.url(),
        payload,
        new FeedFailure("feed " + spec.id() + ": " + reason, cause),
        "Next attempt in "
            + delay.toSeconds()
            + " s (failure "
            + failures
            + " in a row); other feeds are not affected. If it keeps failing, fix the URL or set"
            + " enabled: false for it in newspipe.yaml");
    return new Outcome(0, false, true, delay);
  }

  private Duration later(Duration retryAfter) {
    return retryAfter != null && retryAfter.compareTo(spec.interval()) > 0
        ? retryAfter
        : spec.interval();
  }

  public FeedSpec spec() {
    return spec;
  }

  /** When the feed was last fetched successfully (from the saved state), or null. */
  Instant lastPolled() {
    return state.getPolledAt();
  }

  /** The reason of a dead-lettered feed document, as the DLQ exception header shows it. */
  static final class FeedFailure extends Exception {
    private static final long serialVersionUID = 1L;

    FeedFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
