package io.newspipe.ingest.feed;

import java.time.Duration;

/**
 * How politely and defensively feeds are fetched.
 *
 * @param connectTimeout giving up on a TCP/TLS connection
 * @param readTimeout giving up when the response (headers and body) takes longer than this
 * @param maxBodyBytes a longer body (after gzip decoding) is cut off with an error, never buffered
 * @param maxRedirects redirects followed per fetch
 * @param perHostInterval minimum time between two requests to the same host
 * @param maxBackoff ceiling of the exponential backoff after failures
 * @param userAgent sent with every request, so publishers can identify (and contact) the poller
 * @param silentFactor a feed that used to publish is reported silent after this many of its usual
 *     gaps without a new item ({@code ingest.feeds.silent.factor}, see {@link FeedHealthTracker})
 */
public record HttpSettings(
    Duration connectTimeout,
    Duration readTimeout,
    long maxBodyBytes,
    int maxRedirects,
    Duration perHostInterval,
    Duration maxBackoff,
    String userAgent,
    int silentFactor) {

  /** The settings with the default silent factor. */
  public HttpSettings(
      Duration connectTimeout,
      Duration readTimeout,
      long maxBodyBytes,
      int maxRedirects,
      Duration perHostInterval,
      Duration maxBackoff,
      String userAgent) {
    this(
        connectTimeout,
        readTimeout,
        maxBodyBytes,
        maxRedirects,
        perHostInterval,
        maxBackoff,
        userAgent,
        FeedHealthTracker.DEFAULT_SILENT_FACTOR);
  }

  public HttpSettings {
    if (silentFactor < 1) {
      throw new IllegalArgumentException(
          "ingest.feeds.silent.factor must be at least 1, got " + silentFactor);
    }
  }

  public static final HttpSettings DEFAULTS =
      new HttpSettings(
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          10L * 1024 * 1024,
          5,
          Duration.ofSeconds(1),
          Duration.ofHours(1),
          "newspipe/0.1 (+https://github.com/newspipe/newspipe)");

  public HttpSettings withMaxBodyBytes(long bytes) {
    return new HttpSettings(
        connectTimeout,
        readTimeout,
        bytes,
        maxRedirects,
        perHostInterval,
        maxBackoff,
        userAgent,
        silentFactor);
  }

  public HttpSettings withPerHostInterval(Duration interval) {
    return new HttpSettings(
        connectTimeout,
        readTimeout,
        maxBodyBytes,
        maxRedirects,
        interval,
        maxBackoff,
        userAgent,
        silentFactor);
  }

  /** The same settings with another {@code silentFactor}. */
  public HttpSettings withSilentFactor(int factor) {
    return new HttpSettings(
        connectTimeout,
        readTimeout,
        maxBodyBytes,
        maxRedirects,
        perHostInterval,
        maxBackoff,
        userAgent,
        factor);
  }
}
