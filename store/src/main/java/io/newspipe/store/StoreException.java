package io.newspipe.store;

/** A store operation failed; the message says what was being done and what to check. */
public class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
