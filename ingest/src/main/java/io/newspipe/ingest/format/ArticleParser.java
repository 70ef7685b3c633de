package io.newspipe.ingest.format;

import io.newspipe.schemas.Article;
import io.newspipe.schemas.EventTypes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Bytes to articles: detects the format from the content ({@link FormatDetector}) and parses with
 * it. Stateless and thread-safe; the clock stamps {@code receivedAt}.
 *
 * <p>Used by every source, and by {@code newspipe parse} without Kafka.
 */
public final class ArticleParser {

  static {
    // Avro 1.12 refuses to build an Article (its Signal default is an enum it must load) until
    // the classes are trusted. A parser may run before any serde exists (`newspipe parse`).
    EventTypes.trust();
  }

  private final TextFormat text;
  private final FeedFormat feed;
  private final JsonLinesFormat jsonLines;

  public ArticleParser(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    this.text = new TextFormat(clock);
    this.feed = new FeedFormat(clock);
    this.jsonLines = new JsonLinesFormat(clock);
  }

  /**
   * Parses one document: a text or Markdown file gives one article, a feed one per item (possibly
   * none), JSON lines one per line.
   *
   * @throws ParseException if the document cannot be read; the message names it and says why
   */
  public List<Article> parse(byte[] bytes, Origin origin) throws ParseException {
    Format format = FormatDetector.detect(bytes, origin.fileName());
    return switch (format) {
      case TEXT -> List.of(text.parse(bytes, origin, false));
      case MARKDOWN -> List.of(text.parse(bytes, origin, true));
      case FEED -> feed.parse(bytes, origin);
      case JSON_LINES -> parseJsonLines(bytes, origin);
      case OTHER_XML ->
          throw new ParseException(
              origin.description(),
              "XML, but not a feed: the root element must be <rss>, <rdf:RDF> or <feed>");
    };
  }

  /** Parses one JSON line (for sources that want to dead-letter bad lines one by one). */
  public Article parseJsonLine(String line, Origin origin, int lineNumber) throws ParseException {
    return jsonLines.parseLine(line, origin, origin.description() + " line " + lineNumber);
  }

  private List<Article> parseJsonLines(byte[] bytes, Origin origin) throws ParseException {
    List<Article> articles = new ArrayList<>();
    String[] lines = Utf8.decode(bytes, origin.description()).split("\\r?\\n");
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        articles.add(parseJsonLine(lines[i], origin, i + 1));
      }
    }
    return articles;
  }
}
