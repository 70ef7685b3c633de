package io.newspipe.ingest.feed;

import io.newspipe.schemas.FeedPollOutcome;
import java.io.IOException;
import java.time.Duration;

/**
 * A feed could not be fetched. The message names the URL, the reason and what to do; {@link
 * #payload()} holds what was received (possibly a prefix) for the dead letter; {@link #outcome()}
 * and {@link #httpStatus()} say what kind of failure it was, for the feed's health record.
 */
public final class FeedFetchException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient byte[] payload;
  private final transient Duration retryAfter;
  private final FeedPollOutcome outcome;
  private final Integer httpStatus;

  public FeedFetchException(String message, byte[] payload, Duration retryAfter, Throwable cause) {
    this(FeedPollOutcome.ERROR, null, message, payload, retryAfter, cause);
  }

  /**
   * @param outcome the kind of failure (timeout, HTTP error, refused response...)
   * @param httpStatus the status of the response that failed, or null when none arrived
   */
  public FeedFetchException(
      FeedPollOutcome outcome,
      Integer httpStatus,
      String message,
      byte[] payload,
      Duration retryAfter,
      Throwable cause) {
    super(message, cause);
    this.payload = payload == null ? new byte[0] : payload;
    this.retryAfter = retryAfter;
    this.outcome = outcome;
    this.httpStatus = httpStatus;
  }

  /** What kind of failure this is. */
  public FeedPollOutcome outcome() {
    return outcome;
  }

  /** The HTTP status of the failed response, or null when no response arrived. */
  public Integer httpStatus() {
    return httpStatus;
  }

  public byte[] payload() {
    return payload;
  }

  /** The server's Retry-After (429/503), or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
