package io.newspipe.ingest.fulltext;

/** A page was not fetched or not used; the message says why, for the one log line. */
final class FetchRefused extends Exception {
  private static final long serialVersionUID = 1L;

  /** The HTTP status that caused the refusal, or 0 if it was not an HTTP answer. */
  private final int status;

  FetchRefused(String message) {
    this(message, 0);
  }

  FetchRefused(String message, int status) {
    super(message);
    this.status = status;
  }

  FetchRefused(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
  }

  int status() {
    return status;
  }
}
