package io.newspipe.ingest.fulltext;

import java.time.Duration;

/**
 * How full-text fetching behaves across all feeds.
 *
 * @param threshold in {@link FullTextMode#AUTO}, an item whose plain text is shorter than this many
 *     characters is fetched
 * @param threads concurrent page fetches (own pool: a slow site never delays feed polling)
 * @param queue pages waiting to be fetched; beyond this an item keeps its feed text (logged)
 * @param maxBodyBytes a page larger than this (after gzip decoding) is cut off and not used
 * @param timeout connect timeout, and the limit for the whole response, headers and body
 * @param maxRedirects redirects followed per page
 * @param allowPrivateAddresses true lets pages on loopback, private, link-local addresses be
 *     fetched (tests; an intranet); false by default so a feed cannot make ingest probe the local
 *     network
 * @param robotsTtl how long a host's robots.txt is trusted before it is fetched again
 */
public record FullTextSettings(
    int threshold,
    int threads,
    int queue,
    long maxBodyBytes,
    Duration timeout,
    int maxRedirects,
    boolean allowLoopback,
    boolean allowPrivateAddresses,
    Duration robotsTtl) {

  public static final FullTextSettings DEFAULTS =
      new FullTextSettings(
          600,
          2,
          500,
          5L * 1024 * 1024,
          Duration.ofSeconds(20),
          5,
          false,
          false,
          Duration.ofHours(24));

  public FullTextSettings {
    if (threads < 1 || queue < 1 || maxBodyBytes < 1024 || maxRedirects < 0 || threshold < 0) {
      throw new IllegalArgumentException(
          "full-text settings out of range: threads and queue at least 1, max body at least"
              + " 1024 bytes, redirects and threshold not negative");
    }
  }

  /** These settings with loopback addresses allowed (for tests against a local server). */
  public FullTextSettings withLoopbackAllowed() {
    return new FullTextSettings(
        threshold,
        threads,
        queue,
        maxBodyBytes,
        timeout,
        maxRedirects,
        true,
        allowPrivateAddresses,
        robotsTtl);
  }

  public FullTextSettings withLimits(long bodyBytes, Duration newTimeout) {
    return new FullTextSettings(
        threshold,
        threads,
        queue,
        bodyBytes,
        newTimeout,
        maxRedirects,
        allowLoopback,
        allowPrivateAddresses,
        robotsTtl);
  }
}
