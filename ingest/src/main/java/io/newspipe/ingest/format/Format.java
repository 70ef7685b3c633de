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
  /** JSON Feed 1.0/1.1. */
  JSON_FEED("jsonfeed"),
  /** IPTC ninjs 1.x-3.x: a JSON object with a {@code uri}, an array of them, or one per line. */
  NINJS("ninjs"),
  /** IPTC NewsML-G2: a {@code newsItem}, or a {@code newsMessage} carrying news items. */
  NEWSML_G2("newsml-g2"),
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
