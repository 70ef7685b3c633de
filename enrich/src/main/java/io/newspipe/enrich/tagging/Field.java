package io.newspipe.enrich.tagging;

import java.util.Locale;

/** The article fields the tagger reads, in the order evidence is reported. */
enum Field {
  HEADLINE,
  SUBHEADLINE,
  BODY;

  /** The name used in evidence and in taxonomy {@code fieldWeights}. */
  String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
