package io.newspipe.ingest.fulltext;

import java.util.Locale;

/**
 * When ingest fetches the page behind a feed item ({@code fullText:} per feed in newspipe.yaml).
 */
public enum FullTextMode {
  /** When the item's text is shorter than the threshold, or it has only a link (the default). */
  AUTO,
  /** For every item with a link. */
  ALWAYS,
  /** Never: the feed's text is the article. */
  NEVER;

  /**
   * @throws IllegalArgumentException naming the feed and the accepted values
   */
  public static FullTextMode parse(String feedId, String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "feed '" + feedId + "': fullText '" + value + "' must be auto, always or never");
    }
  }
}
