package io.newspipe.ingest.feed;

import java.io.IOException;
import java.time.Duration;

/**
 * A feed could not be fetched. The message names the URL, the reason and what to do; {@link
 * #payload()} holds what was received (possibly a prefix) for the dead letter.
 */
public final class FeedFetchException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient byte[] payload;
  private final transient Duration retryAfter;

  public FeedFetchException(String message, byte[] payload, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.payload = payload == null ? new byte[0] : payload;
    this.retryAfter = retryAfter;
  }

  public byte[] payload() {
    return payload;
  }

  /** The server's Retry-After (429/503), or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
