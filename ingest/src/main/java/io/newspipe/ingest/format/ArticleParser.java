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
  private final JsonFeedFormat jsonFeed;
  private final NinjsFormat ninjs;
  private final NewsmlG2Format newsml;

  public ArticleParser(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    this.text = new TextFormat(clock);
    this.feed = new FeedFormat(clock);
    this.jsonLines = new JsonLinesFormat(clock);
    this.jsonFeed = new JsonFeedFormat(clock);
    this.ninjs = new NinjsFormat(clock);
    this.newsml = new NewsmlG2Format(clock);
  }

  /**
   * Parses one document: a text or Markdown file gives one article, a feed one per item (possibly
   * none), JSON lines one per line.
   *
   * @throws ParseException if the document cannot be read; the message names it and says why
   */
  public List<Article> parse(byte[] bytes, Origin origin) throws ParseException {
    return parse(bytes, origin, null, null);
  }

  /**
   * Parses one document fetched over HTTP or configured with an explicit format.
   *
   * @param format the format to use, or null to detect it from the content
   * @param httpContentType the response's Content-Type (its charset wins over the XML declaration,
   *     as the XML-over-HTTP rules say), or null
   */
  public List<Article> parse(byte[] bytes, Origin origin, Format format, String httpContentType)
      throws ParseException {
    Format f = format != null ? format : FormatDetector.detect(bytes, origin.fileName());
    return switch (f) {
      case TEXT -> List.of(text.parse(bytes, origin, false));
      case MARKDOWN -> List.of(text.parse(bytes, origin, true));
      case FEED -> feed.parse(bytes, origin, httpContentType);
      case JSON_LINES -> parseJsonLines(bytes, origin);
      case JSON_FEED -> jsonFeed.parse(Utf8.decode(bytes, origin.description()), origin);
      case NINJS -> ninjs.parse(Utf8.decode(bytes, origin.description()), origin);
      case NEWSML_G2 -> parseNewsml(bytes, origin, httpContentType);
      case OTHER_XML ->
          throw new ParseException(
              origin.description(),
              "XML, but not a feed: the root element must be <rss>, <rdf:RDF> or <feed>, or"
                  + " <newsItem>/<newsMessage> for NewsML-G2");
    };
  }

  private List<Article> parseNewsml(byte[] bytes, Origin origin, String httpContentType)
      throws ParseException {
    String xml = XmlText.decode(bytes, httpContentType, origin.description());
    return newsml.parse(FeedFormat.defuse(xml, XmlProlog.scan(xml), origin), origin);
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
