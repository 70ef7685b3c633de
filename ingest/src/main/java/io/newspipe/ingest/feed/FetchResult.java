package io.newspipe.ingest.feed;

import java.time.Duration;

/**
 * What one conditional GET returned.
 *
 * @param status final HTTP status (after redirects)
 * @param body the decoded body (empty for 304)
 * @param contentType Content-Type header, or null
 * @param etag ETag header, or null
 * @param lastModified Last-Modified header, or null
 * @param retryAfter the server's Retry-After, or null
 * @param finalUrl the URL that answered, after redirects
 */
public record FetchResult(
    int status,
    byte[] body,
    String contentType,
    String etag,
    String lastModified,
    Duration retryAfter,
    String finalUrl) {

  public boolean notModified() {
    return status == 304;
  }

  public boolean ok() {
    return status >= 200 && status < 300;
  }
}
