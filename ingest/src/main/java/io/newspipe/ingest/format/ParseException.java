package io.newspipe.ingest.format;

/**
 * A document could not be turned into articles. The message names the document and says what is
 * wrong with it, so the dead-letter header (and the log line) tells an operator what to fix.
 *
 * <p>Checked on purpose: every source must decide what to do with a bad document (dead-letter it
 * and carry on), rather than let it unwind a watcher thread.
 */
public final class ParseException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String document;
  private final String reason;

  public ParseException(String document, String reason) {
    this(document, reason, null);
  }

  public ParseException(String document, String reason, Throwable cause) {
    super("cannot parse " + document + ": " + reason, cause);
    this.document = document;
    this.reason = reason;
  }

  /** The document that failed: a file path, a URL or "stdin". */
  public String document() {
    return document;
  }

  /** What is wrong with it, without the document name. */
  public String reason() {
    return reason;
  }
}
