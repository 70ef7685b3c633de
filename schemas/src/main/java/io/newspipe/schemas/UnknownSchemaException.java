package io.newspipe.schemas;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record was written with a schema this build does not know (by fingerprint). Not a crash: the
 * stage that reads it sends the record to the dead-letter topic with this message.
 */
public class UnknownSchemaException extends SerializationException {
  private static final long serialVersionUID = 1L;

  private final long fingerprint;

  public UnknownSchemaException(String type, long fingerprint, Throwable cause) {
    super(
        String.format(
            "cannot decode %s: writer schema fingerprint %016x is not in this build's schema"
                + " history; upgrade newspipe to a release that knows that schema version",
            type, fingerprint),
        cause);
    this.fingerprint = fingerprint;
  }

  public long fingerprint() {
    return fingerprint;
  }
}
