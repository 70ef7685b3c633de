package io.newspipe.ingest.format;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.Source;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RSS 0.9x/1.0/2.0 and Atom feeds via ROME: one {@link Article} per item or entry. ROME reads a
 * {@link FeedDocument} (ROME's own hardened parser, plus repairs for sloppy shapes); what ROME
 * drops from an entry is read from the entry's XML by {@link EntryXml}.
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

  List<Article> parse(byte[] bytes, Origin origin, String httpContentType) throws ParseException {
    return parse(bytes, origin, httpContentType, false);
  }

  /**
   * @param keepLinkOnly keep an item that has a link but neither title nor text, with an empty
   *     headline and body, for full-text fetching to fill (feed polling only)
   */
  List<Article> parse(byte[] bytes, Origin origin, String httpContentType, boolean keepLinkOnly)
      throws ParseException {
    List<Article> articles = new ArrayList<>();
    List<Article> entries = parseEntries(bytes, origin, httpContentType, keepLinkOnly);
    for (int i = 0; i < entries.size(); i++) {
      Article entry = entries.get(i);
      boolean empty = entry == null || entry.getHeadline().isEmpty() && entry.getBody().isEmpty();
      if (empty && (entry == null || entry.getUrl() == null)) {
        LOG.warn(
            "skipped item {} of feed {}: it has neither a title nor any text; nothing to publish",
            i + 1,
            origin.description());
      } else {
        articles.add(entries.get(i));
      }
    }
    return articles;
  }

  /**
   * One element per feed entry; where the entry has neither a title nor any text, null, or with
   * {@code keepEmpty} an article with an empty headline.
   */
  List<Article> parseEntries(byte[] bytes, Origin origin, String httpContentType, boolean keepEmpty)
      throws ParseException {
    String xml = XmlText.decode(bytes, httpContentType, origin.description());
    XmlProlog prolog = XmlProlog.scan(xml);
    xml = defuse(xml, prolog, origin);
    Parsed feed;
    try {
      feed = build(xml, origin);
    } catch (ParseException strict) {
      feed = repairedOrRecovered(xml, origin, strict);
    }
    SyndFeed syndFeed = feed.syndFeed();
    FeedEntries entries =
        new FeedEntries(feedSource(syndFeed, origin), feedLanguage(syndFeed, prolog), syndFeed);
    List<SyndEntry> syndEntries = syndFeed.getEntries();
    // ROME's entries follow the document's items; should the counts differ, go without the XML.
    boolean aligned = feed.elements().size() == syndEntries.size();
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < syndEntries.size(); i++) {
      EntryXml xmlOfEntry = aligned ? EntryXml.of(feed.elements().get(i)) : null;
      articles.add(entries.toArticle(syndEntries.get(i), xmlOfEntry, clock.instant(), keepEmpty));
    }
    return articles;
  }

  /**
   * Second and third chances for a feed a strict parser refuses: first with HTML entities (&nbsp;)
   * and bare '&' repaired, the commonest breakage; then read leniently (truncated or unbalanced
   * markup), keeping the complete items (see {@link LenientXml}). Both say so in a warning; a feed
   * that yields no item at all stays refused with the strict parser's reason.
   */
  private static Parsed repairedOrRecovered(String xml, Origin origin, ParseException strict)
      throws ParseException {
    String repaired = XmlText.repairEntities(xml);
    if (!repaired.equals(xml)) {
      try {
        Parsed feed = build(repaired, origin);
        LOG.warn(
            "{}: repaired HTML entities or bare '&' that XML does not define; the feed's producer"
                + " should escape them",
            origin.description());
        return feed;
      } catch (ParseException stillBroken) {
        // fall through to the lenient reading of the repaired text
      }
    }
    Parsed feed;
    LenientXml.Recovered recovered;
    try {
      recovered = LenientXml.read(repaired);
      if (recovered == null) {
        throw strict;
      }
      org.jdom2.Document doc = recovered.document();
      FeedDocument.repair(doc);
      feed = new Parsed(newFeedInput().build(doc), FeedDocument.entryElements(doc));
    } catch (FeedException | RuntimeException e) {
      throw strict;
    }
    if (feed.syndFeed().getEntries().isEmpty()) {
      throw strict;
    }
    LOG.warn(
        "{}: not well-formed XML ({}); recovered {} complete item(s) by reading it leniently"
            + " and left out {} unclosed one(s). The feed's producer should fix the XML",
        origin.description(),
        strict.getCause() == null ? strict.getMessage() : strict.getCause().getMessage(),
        feed.syndFeed().getEntries().size(),
        recovered.incompleteItems());
    return feed;
  }

  /** ROME's view of a feed and the XML element behind each of its entries. */
  private record Parsed(SyndFeed syndFeed, List<Element> elements) {}

  /** A feed input with every XML safety switch ROME offers in its safe position. */
  static SyndFeedInput newFeedInput() {
    SyndFeedInput input = new SyndFeedInput(false, Locale.ROOT);
    input.setAllowDoctypes(false); // the default; stated because our safety depends on it
    input.setPreserveWireFeed(true); // RSS guid and Atom id are read from the wire entries
    return input;
  }

  /**
   * Makes {@code xml} safe to hand to a parser, or refuses it: entity declarations are refused, a
   * bare DOCTYPE is blanked out, and the nesting and size bounds of {@link XmlLimits} are enforced.
   */
  static String defuse(String xml, XmlProlog prolog, Origin origin) throws ParseException {
    XmlLimits.check(xml, origin.description());
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

  private static Parsed build(String xml, Origin origin) throws ParseException {
    try {
      Document doc = FeedDocument.read(xml);
      List<Element> elements = FeedDocument.entryElements(doc);
      return new Parsed(newFeedInput().build(doc), elements);
    } catch (JDOMException | IOException | FeedException | RuntimeException e) {
      // RuntimeException: ROME's mappers fail with NullPointerException on some odd shapes.
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
    return origin.source(title, type.startsWith("atom") ? "atom" : "rss");
  }

  private static String feedLanguage(SyndFeed feed, XmlProlog prolog) {
    String declared = feed.getLanguage() != null ? feed.getLanguage() : prolog.rootLanguage();
    return Languages.toBcp47(declared);
  }
}
