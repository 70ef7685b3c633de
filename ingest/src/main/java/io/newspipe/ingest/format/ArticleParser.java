package io.newspipe.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.newspipe.ingest.format.validate.NewsmlG2Validator;
import io.newspipe.ingest.format.validate.NinjsValidator;
import io.newspipe.ingest.format.validate.NinjsVersion;
import io.newspipe.ingest.format.validate.ValidationReport;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.EventTypes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

/**
 * Bytes to articles: detects the format from the content ({@link FormatDetector}) and parses with
 * it. Stateless and thread-safe; the clock stamps {@code receivedAt}.
 *
 * <p>Used by every source, and by {@code newspipe parse} without Kafka.
 *
 * <p>ninjs and NewsML-G2 documents are also validated against the rules of their standard ({@link
 * NinjsValidator}, {@link NewsmlG2Validator}). A document that breaks them still gives its articles
 * (no news is lost over a producer's mistake); {@link #parse} logs a warning that names the
 * document and its first problems, {@link #parseValidated} returns them, and {@link #validate}
 * checks a document without needing it to yield articles.
 */
public final class ArticleParser {

  private static final Logger LOG = LoggerFactory.getLogger(ArticleParser.class);
  private static final int LOGGED_PROBLEMS = 3;

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
  private final NinjsValidator ninjsValidator = new NinjsValidator();
  private final NewsmlG2Validator newsmlValidator = new NewsmlG2Validator();

  /**
   * The articles of a document and how it measures up to its standard.
   *
   * @param validation the problems found; {@link ValidationReport#checked()} is false for formats
   *     without published rules (RSS, Atom, JSON Feed, text, JSON lines)
   */
  public record Parsed(List<Article> articles, ValidationReport validation) {}

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
    return parse(bytes, origin, format, httpContentType, false);
  }

  /**
   * As {@link #parse(byte[], Origin, Format, String)}; with {@code keepLinkOnly}, an RSS/Atom item
   * that has a link but neither title nor text is returned with an empty headline and body instead
   * of being skipped, for full-text fetching to fill before it is published.
   */
  public List<Article> parse(
      byte[] bytes, Origin origin, Format format, String httpContentType, boolean keepLinkOnly)
      throws ParseException {
    Parsed parsed = parseValidated(bytes, origin, format, httpContentType, keepLinkOnly);
    if (!parsed.validation().valid()) {
      LOG.warn(
          "{} breaks its standard's rules, {}; its {} article(s) are published anyway, but the"
              + " producer should fix the document",
          origin.description(),
          parsed.validation().summary(LOGGED_PROBLEMS),
          parsed.articles().size());
    }
    return parsed.articles();
  }

  /**
   * Parses one document as {@link #parse(byte[], Origin, Format, String)} does and also returns its
   * validation, without logging it (for {@code newspipe parse --validate}).
   *
   * @throws ParseException if the document cannot be read or yields no article
   */
  public Parsed parseValidated(byte[] bytes, Origin origin, Format format, String httpContentType)
      throws ParseException {
    return parseValidated(bytes, origin, format, httpContentType, false);
  }

  private Parsed parseValidated(
      byte[] bytes, Origin origin, Format format, String httpContentType, boolean keepLinkOnly)
      throws ParseException {
    try {
      return parseOne(bytes, origin, format, httpContentType, keepLinkOnly);
    } catch (ParseException e) {
      throw e;
    } catch (RuntimeException | Error e) {
      throw contained(origin, e);
    }
  }

  /**
   * Whatever one document makes a parser throw stays with that document: a parser bug, a {@link
   * StackOverflowError} from a shape the bounds did not foresee, or an {@link OutOfMemoryError}
   * from one oversized tree (its memory is garbage once the parse unwinds) becomes a {@link
   * ParseException} that names the document, so the source dead-letters it and goes on.
   */
  static ParseException contained(Origin origin, Throwable e) {
    String what;
    if (e instanceof StackOverflowError) {
      what = "it nests too deeply for the parser (stack overflow); the producer must flatten it";
    } else if (e instanceof OutOfMemoryError) {
      what = "parsing it ran out of memory; it is too large or too complex to read, split it";
    } else {
      what =
          "the parser failed on it unexpectedly ("
              + e
              + "); this is a newspipe bug worth reporting with the dead letter";
      // the dead letter's log line names the document; the stack trace is for the bug report
      LOG.error("unexpected parser failure on {}", origin.description(), e);
    }
    return new ParseException(origin.description(), what, e);
  }

  private Parsed parseOne(
      byte[] bytes, Origin origin, Format format, String httpContentType, boolean keepLinkOnly)
      throws ParseException {
    Format f = format != null ? format : FormatDetector.detect(bytes, origin.fileName());
    return switch (f) {
      case TEXT -> unchecked(List.of(text.parse(bytes, origin, false)));
      case MARKDOWN -> unchecked(List.of(text.parse(bytes, origin, true)));
      case FEED -> unchecked(feed.parse(bytes, origin, httpContentType, keepLinkOnly));
      case JSON_LINES -> unchecked(parseJsonLines(bytes, origin));
      case JSON_FEED -> unchecked(jsonFeed.parse(Utf8.decode(bytes, origin.description()), origin));
      case NINJS -> {
        List<JsonNode> values = NinjsFormat.read(Utf8.decode(bytes, origin.description()), origin);
        List<Article> articles = ninjs.toArticles(values, origin);
        yield new Parsed(articles, safely(origin, () -> ninjsValidator.validate(values, null)));
      }
      case NEWSML_G2 -> {
        Document doc = readNewsml(bytes, origin, httpContentType);
        List<Article> articles = newsml.parse(doc, origin);
        yield new Parsed(articles, safely(origin, () -> newsmlValidator.validate(doc)));
      }
      case OTHER_XML ->
          throw new ParseException(
              origin.description(),
              "XML, but not a feed: the root element must be <rss>, <rdf:RDF> or <feed>, or"
                  + " <newsItem>/<newsMessage> for NewsML-G2");
    };
  }

  /**
   * Validates one document against the rules of its standard, whether or not it would yield
   * articles: a document that is not even JSON or XML is reported as such, not thrown. For the
   * {@code newspipe parse --validate} command and conformance runs.
   *
   * @param version the version the document must follow (ninjs {@code "1.3"}, {@code "2.x-dev"};
   *     NewsML-G2 {@code "2.29"}), or null for the version the document declares (ninjs without a
   *     declaration: the version it fits best; NewsML-G2 without one: the latest)
   * @return the problems found; not {@link ValidationReport#checked() checked} for formats without
   *     published rules
   * @throws IllegalArgumentException if {@code version} names no version of the detected standard
   */
  public ValidationReport validate(byte[] bytes, Origin origin, String version) {
    try {
      return validateOne(bytes, origin, version);
    } catch (IllegalArgumentException e) {
      throw e; // an unknown version: the caller's mistake, not the document's
    } catch (RuntimeException | Error e) {
      return ValidationReport.unreadable("document", "/", contained(origin, e).reason());
    }
  }

  private ValidationReport validateOne(byte[] bytes, Origin origin, String version) {
    Format f = FormatDetector.detect(bytes, origin.fileName());
    // a one-line object without a uri looks like JSON lines, but a caller asking for a ninjs
    // version says it is meant as ninjs (an empty {} is the plainest invalid ninjs document)
    boolean meantAsNinjs =
        f == Format.JSON_LINES && version != null && NinjsVersion.of(version).isPresent();
    if (f == Format.NINJS || meantAsNinjs) {
      NinjsVersion required = version == null ? null : ninjsVersion(version);
      try {
        List<JsonNode> values = NinjsFormat.read(Utf8.decode(bytes, origin.description()), origin);
        return ninjsValidator.validate(values, required);
      } catch (ParseException e) {
        return ValidationReport.unreadable("ninjs", "$", e.reason());
      }
    }
    if (f == Format.NEWSML_G2 || (f == Format.OTHER_XML && isCatalog(bytes))) {
      try {
        return newsmlValidator.validate(readNewsml(bytes, origin, null), version);
      } catch (ParseException e) {
        return ValidationReport.unreadable("NewsML-G2", "/", e.reason());
      }
    }
    return ValidationReport.notChecked();
  }

  private static NinjsVersion ninjsVersion(String version) {
    return NinjsVersion.of(version)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "'" + version + "' is not a ninjs version: use one such as 1.3, 2.1 or 3.1"));
  }

  // a stand-alone NewsML-G2 catalog (a remote catalog file) is XML, not a feed or an item
  private static boolean isCatalog(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 64 * 1024), StandardCharsets.UTF_8);
    return "catalog".equals(XmlProlog.scan(head.stripLeading()).rootLocalName());
  }

  /**
   * Validates, but a validator bug must not cost the articles: it becomes an error line and a
   * report that says the document was not checked.
   */
  private static ValidationReport safely(Origin origin, Supplier<ValidationReport> validation) {
    try {
      return validation.get();
    } catch (RuntimeException | StackOverflowError e) {
      LOG.error(
          "could not validate {}; its articles are published unchecked", origin.description(), e);
      return ValidationReport.notChecked();
    }
  }

  private static Parsed unchecked(List<Article> articles) {
    return new Parsed(articles, ValidationReport.notChecked());
  }

  private static Document readNewsml(byte[] bytes, Origin origin, String httpContentType)
      throws ParseException {
    String xml = XmlText.decode(bytes, httpContentType, origin.description());
    return SafeXml.parse(FeedFormat.defuse(xml, XmlProlog.scan(xml), origin), origin.description());
  }

  /** Parses one JSON line (for sources that want to dead-letter bad lines one by one). */
  public Article parseJsonLine(String line, Origin origin, int lineNumber) throws ParseException {
    try {
      return jsonLines.parseLine(line, origin, origin.description() + " line " + lineNumber);
    } catch (RuntimeException | Error e) {
      throw contained(origin, e);
    }
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
