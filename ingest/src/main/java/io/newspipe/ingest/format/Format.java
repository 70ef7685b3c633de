package io.newspipe.ingest.format;

/** The document formats ingest understands, as {@link FormatDetector} tells them apart. */
public enum Format {
  /** Plain text: headline line, blank-line separated paragraphs, optional copyright line. */
  TEXT("text"),
  /** Markdown: as {@link #TEXT}, with the headline's leading {@code #} stripped. */
  MARKDOWN("text"),
  /** An XML feed: RSS 0.9x/2.0 ({@code <rss>}), RSS 1.0 ({@code <rdf:RDF>}) or Atom. */
  FEED("rss"),
  /** One JSON article object per line. */
  JSON_LINES("jsonl"),
  /** XML whose root is not a feed: refused rather than read as text. */
  OTHER_XML("xml");

  private final String wireName;

  Format(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The value for {@code Source.format}. Feeds report their concrete type ({@code rss} or {@code
   * atom}) once parsed; this is the default.
   */
  public String wireName() {
    return wireName;
  }
}
