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
 */
public record HttpSettings(
    Duration connectTimeout,
    Duration readTimeout,
    long maxBodyBytes,
    int maxRedirects,
    Duration perHostInterval,
    Duration maxBackoff,
    String userAgent) {

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
        connectTimeout, readTimeout, bytes, maxRedirects, perHostInterval, maxBackoff, userAgent);
  }

  public HttpSettings withPerHostInterval(Duration interval) {
    return new HttpSettings(
        connectTimeout, readTimeout, maxBodyBytes, maxRedirects, interval, maxBackoff, userAgent);
  }
}
