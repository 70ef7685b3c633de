package io.newspipe.ingest.fulltext;

import io.newspipe.ingest.feed.HostRateLimiter;
import io.newspipe.ingest.format.ContentHash;
import io.newspipe.ingest.format.PlainText;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.BodySource;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the page behind a feed item and turns it into the article's next version with the
 * extracted body. Runs on its own bounded pool, so a slow or hostile site delays only other pages,
 * never a feed poll; a full queue, a refused or failed fetch, or a page without article text leaves
 * the feed's version as it is and logs one line that says why. Thread-safe.
 */
public final class FullTextFetcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FullTextFetcher.class);

  /** Pages whose validators and extraction are kept for conditional GETs. */
  private static final int REMEMBERED_PAGES = 1_000;

  private record Remembered(String etag, String lastModified, ExtractedPage page) {}

  private final FullTextSettings settings;
  private final PageFetcher fetcher;
  private final RobotsCache robots;
  private final ArticleExtractor extractor = new ArticleExtractor();
  private final Clock clock;
  private final ThreadPoolExecutor pool;
  private final AtomicLong extracted = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final Map<String, Remembered> pages =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
          return size() > REMEMBERED_PAGES;
        }
      };

  /**
   * @param limiter the per-host limiter the feed pollers use, so pages and feeds share one budget
   * @param userAgent sent with every request (the feeds' user agent)
   */
  public FullTextFetcher(
      FullTextSettings settings, HostRateLimiter limiter, String userAgent, Clock clock) {
    this.settings = settings;
    this.fetcher = new PageFetcher(settings, limiter, userAgent);
    this.robots = new RobotsCache(fetcher, settings.robotsTtl());
    this.clock = clock;
    this.pool =
        new ThreadPoolExecutor(
            settings.threads(),
            settings.threads(),
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(settings.queue()),
            r -> {
              Thread t = new Thread(r, "newspipe-fulltext");
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
  }

  /** Whether {@code article} should be fetched in full under {@code mode}. */
  public boolean wanted(FullTextMode mode, Article article) {
    if (mode == FullTextMode.NEVER || article.getUrl() == null) {
      return false;
    }
    return mode == FullTextMode.ALWAYS
        || PlainText.fromMaybeHtml(article.getBody()).strip().length() < settings.threshold();
  }

  /**
   * Queues the fetch of {@code feedVersion}'s link. On success {@code onExtracted} gets the next
   * version's content (the caller sets its version number and publishes it), on the pool's thread;
   * on failure it is not called.
   */
  public void submit(String feedId, Article feedVersion, Consumer<Article> onExtracted) {
    try {
      pool.execute(() -> run(feedId, feedVersion, onExtracted));
    } catch (RejectedExecutionException e) {
      refuse(
          feedId,
          feedVersion,
          pool.isShutdown()
              ? "ingest is shutting down"
              : "the full-text queue is full (" + settings.queue() + " pages)");
    }
  }

  private void run(String feedId, Article feedVersion, Consumer<Article> onExtracted) {
    try {
      ExtractedPage page = fetch(URI.create(feedVersion.getUrl().strip()));
      if (!page.hasBody()
          || page.body().length() <= PlainText.fromMaybeHtml(feedVersion.getBody()).length()) {
        throw new FetchRefused("the page has no article text longer than the feed's");
      }
      Article next = withExtractedBody(feedVersion, page, clock.instant());
      if (next.getHeadline().isBlank()) {
        throw new FetchRefused("the page has no headline and the feed gave none");
      }
      onExtracted.accept(next);
      extracted.incrementAndGet();
    } catch (FetchRefused e) {
      refuse(feedId, feedVersion, e.getMessage());
    } catch (IllegalArgumentException e) {
      refuse(feedId, feedVersion, "the link is not a valid URL (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | StackOverflowError e) {
      refuse(feedId, feedVersion, "extraction failed (" + e + ")");
    }
  }

  private void refuse(String feedId, Article article, String why) {
    failed.incrementAndGet();
    LOG.warn(
        "full text of {} (feed {}, article {}) not used: {}; the article keeps the feed's text",
        article.getUrl(),
        feedId,
        article.getId(),
        why);
  }

  /** Robots check, conditional GET, extraction; a 304 reuses the page extracted before. */
  ExtractedPage fetch(URI url) throws FetchRefused, InterruptedException {
    if (!robots.allowed(url)) {
      throw new FetchRefused("robots.txt of " + url.getHost() + " disallows " + url.getPath());
    }
    Remembered before;
    synchronized (pages) {
      before = pages.get(url.toString());
    }
    PageFetcher.Response r =
        fetcher.get(
            url,
            before == null ? null : before.etag(),
            before == null ? null : before.lastModified());
    if (r.notModified()) {
      if (before == null) {
        throw new FetchRefused(url + " answered 304 to an unconditional request");
      }
      return before.page();
    }
    requireHtml(url, r.contentType());
    ExtractedPage page = extractor.extract(r.body(), r.contentType(), r.url().toString());
    if (r.etag() != null || r.lastModified() != null) {
      synchronized (pages) {
        pages.put(url.toString(), new Remembered(r.etag(), r.lastModified(), page));
      }
    }
    return page;
  }

  private static void requireHtml(URI url, String contentType) throws FetchRefused {
    if (contentType == null) {
      return;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    if (!type.contains("html")) {
      throw new FetchRefused(url + " is not an HTML page (" + contentType + ")");
    }
  }

  /**
   * The article's next version with the page's text as body. The feed's own text is kept as the
   * summary (unless the feed gave a summary); what the feed left empty is filled from the page.
   */
  static Article withExtractedBody(Article feed, ExtractedPage page, Instant now) {
    String summary = feed.getSummary();
    if (summary == null && !feed.getBody().isBlank()) {
      summary = feed.getBody();
    }
    String headline =
        feed.getHeadline().isBlank() && page.headline() != null
            ? page.headline()
            : feed.getHeadline();
    return Article.newBuilder(feed)
        .setHeadline(headline)
        .setBody(page.body())
        .setBodySource(BodySource.EXTRACTED)
        .setSummary(summary)
        .setByline(feed.getByline() != null ? feed.getByline() : page.byline())
        .setLanguage(feed.getLanguage() != null ? feed.getLanguage() : page.language())
        .setImageUrl(feed.getImageUrl() != null ? feed.getImageUrl() : page.imageUrl())
        .setPublishedAt(
            feed.getPublishedAt() != null ? feed.getPublishedAt() : instant(page.published()))
        .setReceivedAt(now)
        .setContentHash(ContentHash.of(headline, feed.getSubheadline(), page.body()))
        .build();
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Pages extracted and handed on so far. */
  public long extracted() {
    return extracted.get();
  }

  /** Fetches refused or failed so far (each logged). */
  public long failed() {
    return failed.get();
  }

  @Override
  public void close() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
