package io.newspipe.ingest.fulltext;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each site's robots.txt, fetched once per {@code robotsTtl} (conditionally after the first time)
 * and parsed with crawler-commons, whose rules follow RFC 9309: a missing robots.txt (4xx) allows
 * everything, a server error or an unreachable site disallows everything until the next try.
 * Thread-safe; at most {@link #MAX_SITES} sites are remembered.
 */
final class RobotsCache {

  static final int MAX_SITES = 2_000;

  /** The product token sites address in robots.txt ({@code User-agent: newspipe}). */
  static final String ROBOT_NAME = "newspipe";

  /** An unreachable robots.txt is tried again sooner than a good one is refreshed. */
  private static final Duration FAILED_TTL = Duration.ofMinutes(10);

  private record Entry(BaseRobotRules rules, String etag, String lastModified, long expires) {}

  private final PageFetcher fetcher;
  private final Duration ttl;
  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
  private final Map<String, Entry> sites =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
          return size() > MAX_SITES;
        }
      };

  RobotsCache(PageFetcher fetcher, Duration ttl) {
    this.fetcher = fetcher;
    this.ttl = ttl;
  }

  /** Whether robots.txt lets newspipe fetch {@code url}. */
  boolean allowed(URI url) throws InterruptedException {
    return rules(url).isAllowed(url.toString());
  }

  private BaseRobotRules rules(URI url) throws InterruptedException {
    URI robots = url.resolve("/robots.txt");
    String site = robots.toString();
    Entry cached;
    synchronized (sites) {
      cached = sites.get(site);
    }
    if (cached != null && cached.expires() > System.nanoTime()) {
      return cached.rules();
    }
    Entry fresh = fetch(robots, cached);
    synchronized (sites) {
      sites.put(site, fresh);
    }
    return fresh.rules();
  }

  private Entry fetch(URI robots, Entry previous) throws InterruptedException {
    try {
      PageFetcher.Response r =
          fetcher.get(
              robots,
              previous == null ? null : previous.etag(),
              previous == null ? null : previous.lastModified());
      if (r.notModified() && previous != null) {
        return new Entry(previous.rules(), previous.etag(), previous.lastModified(), expiry(ttl));
      }
      BaseRobotRules rules =
          parser.parseContent(robots.toString(), r.body(), r.contentType(), List.of(ROBOT_NAME));
      return new Entry(rules, r.etag(), r.lastModified(), expiry(ttl));
    } catch (FetchRefused e) {
      int status = e.status();
      if (status >= 400 && status < 500) {
        return new Entry(parser.failedFetch(status), null, null, expiry(ttl));
      }
      return new Entry(parser.failedFetch(503), null, null, expiry(FAILED_TTL));
    }
  }

  private static long expiry(Duration d) {
    return System.nanoTime() + d.toNanos();
  }
}
