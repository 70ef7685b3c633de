package io.newspipe.ingest.format;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.Source;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdom2.input.JDOMParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RSS 0.9x/1.0/2.0 and Atom feeds via ROME: one {@link Article} per item or entry.
 *
 * <p>Hardened against hostile XML in two layers. First, before any parser runs, a document that
 * declares entities (a DOCTYPE internal subset or {@code <!ENTITY}) is refused: feeds never need
 * them, and they are how external-entity (XXE) and entity-expansion ("billion laughs") attacks
 * work. A bare DOCTYPE naming an external DTD, as old Netscape RSS 0.91 feeds carry, is blanked out
 * so it is never fetched. Second, ROME itself runs with DOCTYPEs disallowed, external entities and
 * DTD loading off and JAXP secure processing on.
 */
final class FeedFormat {

  private static final Logger LOG = LoggerFactory.getLogger(FeedFormat.class);

  private final Clock clock;

  FeedFormat(Clock clock) {
    this.clock = clock;
  }

  List<Article> parse(byte[] bytes, Origin origin) throws ParseException {
    String xml = decode(bytes, origin);
    XmlProlog prolog = XmlProlog.scan(xml);
    xml = defuse(xml, prolog, origin);
    SyndFeed feed = build(xml, origin);
    FeedEntries entries =
        new FeedEntries(feedSource(feed, origin), feedLanguage(feed, prolog), feed);
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < feed.getEntries().size(); i++) {
      Article article = entries.toArticle(feed.getEntries().get(i), clock.instant());
      if (article == null) {
        LOG.warn(
            "skipped item {} of feed {}: it has neither a title nor any text; nothing to publish",
            i + 1,
            origin.description());
      } else {
        articles.add(article);
      }
    }
    return articles;
  }

  /** A feed input with every XML safety switch ROME offers in its safe position. */
  static SyndFeedInput newFeedInput() {
    SyndFeedInput input = new SyndFeedInput(false, Locale.ROOT);
    input.setAllowDoctypes(false); // the default; stated because our safety depends on it
    input.setPreserveWireFeed(true); // RSS guid and Atom id are read from the wire entries
    return input;
  }

  private static String decode(byte[] bytes, Origin origin) throws ParseException {
    // ROME's reader applies the XML encoding rules (BOM, <?xml encoding>), leniently.
    try (Reader reader = new XmlReader(new ByteArrayInputStream(bytes), true)) {
      StringWriter out = new StringWriter(bytes.length);
      reader.transferTo(out);
      return out.toString();
    } catch (IOException e) {
      throw new ParseException(
          origin.description(),
          "cannot decode the XML text ("
              + e.getMessage()
              + "): fix the encoding declaration or save the file as UTF-8",
          e);
    }
  }

  static String defuse(String xml, XmlProlog prolog, Origin origin) throws ParseException {
    XmlProlog.Doctype doctype = prolog.doctype();
    if ((doctype != null && doctype.hasInternalSubset()) || xml.contains("<!ENTITY")) {
      throw new ParseException(
          origin.description(),
          "refused: the XML declares entities in a DOCTYPE; feeds never need them and they"
              + " enable external-entity (XXE) and entity-expansion attacks. Remove the DOCTYPE"
              + " if the file is genuine");
    }
    if (doctype == null) {
      return xml;
    }
    if (doctype.end() < 0) {
      throw new ParseException(origin.description(), "the DOCTYPE declaration is not closed");
    }
    // Blank the DOCTYPE out (keeping line breaks, so parser line numbers still match the file).
    String blanked = xml.substring(doctype.start(), doctype.end()).replaceAll("[^\\n]", " ");
    return xml.substring(0, doctype.start()) + blanked + xml.substring(doctype.end());
  }

  private static SyndFeed build(String xml, Origin origin) throws ParseException {
    try {
      return newFeedInput().build(new StringReader(xml));
    } catch (FeedException | IllegalArgumentException e) {
      Throwable cause = e.getCause() instanceof JDOMParseException ? e.getCause() : e;
      throw new ParseException(
          origin.description(),
          "not a readable RSS or Atom feed ("
              + cause.getMessage()
              + "): check that the file is complete, well-formed XML",
          e);
    }
  }

  private static Source feedSource(SyndFeed feed, Origin origin) {
    String type = feed.getFeedType() == null ? "" : feed.getFeedType();
    String title = PlainText.fromMaybeHtml(feed.getTitle());
    return Source.newBuilder()
        .setId(origin.sourceId())
        .setName(ArticleIds.isBlank(title) ? origin.sourceName() : title)
        .setUrl(origin.uri())
        .setFormat(type.startsWith("atom") ? "atom" : "rss")
        .build();
  }

  private static String feedLanguage(SyndFeed feed, XmlProlog prolog) {
    String declared = feed.getLanguage() != null ? feed.getLanguage() : prolog.rootLanguage();
    return Languages.toBcp47(declared);
  }
}
