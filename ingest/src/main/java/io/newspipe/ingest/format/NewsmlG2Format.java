package io.newspipe.ingest.format;

import io.newspipe.schemas.Article;
import io.newspipe.schemas.Signal;
import io.newspipe.schemas.Subject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSSerializer;

/**
 * IPTC NewsML-G2 {@code newsItem}s (alone, or inside a {@code newsMessage}) to articles, one per
 * news item. Reads itemMeta (versionCreated, firstCreated, embargoed, pubStatus, signals),
 * contentMeta (headlines, creator, dateline, located, language, urgency, subjects with their
 * qcodes) and the text of the first {@code inlineXML}/{@code inlineData} (NITF or XHTML). Package,
 * concept, planning and knowledge items carry no article and are skipped.
 *
 * <p>Parsed with {@link SafeXml} after {@link FeedFormat#defuse}: no DOCTYPE, no entities.
 */
final class NewsmlG2Format {

  private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

  private final Clock clock;

  NewsmlG2Format(Clock clock) {
    this.clock = clock;
  }

  List<Article> parse(String xml, Origin origin) throws ParseException {
    return parse(SafeXml.parse(xml, origin.description()), origin);
  }

  /** One article per news item of a parsed document. */
  List<Article> parse(Document doc, Origin origin) throws ParseException {
    List<Article> articles = new ArrayList<>();
    NodeList items = doc.getElementsByTagNameNS("*", "newsItem");
    for (int i = 0; i < items.getLength(); i++) {
      articles.add(toArticle((Element) items.item(i), origin));
    }
    if (articles.isEmpty()) {
      throw new ParseException(
          origin.description(),
          "a NewsML-G2 document without a newsItem (only package, concept, planning or"
              + " knowledge items): nothing to publish as an article");
    }
    return articles;
  }

  private Article toArticle(Element item, Origin origin) throws ParseException {
    String where = origin.description();
    Element itemMeta = child(item, "itemMeta");
    Element contentMeta = child(item, "contentMeta");
    Element inline = first(item, "inlineXML");
    Element data = inline == null ? first(item, "inlineData") : null;
    String html = inline == null ? null : innerXml(inline);
    String body =
        html != null
            ? PlainText.fromHtml(html)
            : data != null ? PlainText.paragraphs(data.getTextContent()) : "";
    String headline = headline(contentMeta, false);
    if (ArticleIds.isBlank(headline) && inline != null) {
      headline = text(first(inline, "hl1"));
    }
    String guid = attr(item, "guid");
    if (ArticleIds.isBlank(headline)) {
      headline =
          NinjsFormat.firstNonBlank(
              text(child(contentMeta, "slugline")),
              text(child(contentMeta, "description")),
              body.isEmpty() ? null : body.split(PlainText.PARAGRAPH_BREAK, 2)[0],
              guid,
              origin.fileName(),
              "(untitled)");
    }
    headline = PlainText.paragraphs(headline).replace(PlainText.PARAGRAPH_BREAK, " ");
    String subheadline = headline(contentMeta, true);
    Instant published = Times.parse(text(child(itemMeta, "firstCreated")), "firstCreated", where);
    String language = languageOf(item, contentMeta);
    return Article.newBuilder()
        .setId(ArticleIds.forFeedItem(origin.sourceId(), guid, null, headline, published))
        .setVersion(ArticleIds.FIRST_VERSION)
        .setSource(origin.source(Format.NEWSML_G2))
        .setGuid(ArticleIds.isBlank(guid) ? null : guid.strip())
        .setHeadline(headline)
        .setSubheadline(subheadline)
        .setByline(byline(contentMeta, inline))
        .setDateline(
            NinjsFormat.firstNonBlank(
                text(child(contentMeta, "dateline")), text(first(inline, "dateline"))))
        .setLocated(text(child(child(contentMeta, "located"), "name")))
        .setLanguage(language)
        .setBody(body)
        .setSummary(text(child(contentMeta, "description")))
        .setHtml(html)
        .setPublishedAt(published)
        .setUpdatedAt(Times.parse(text(child(itemMeta, "versionCreated")), "versionCreated", where))
        .setReceivedAt(clock.instant())
        .setUrgency(urgency(contentMeta))
        .setSignal(signal(itemMeta))
        .setEmbargoUntil(Times.parse(text(child(itemMeta, "embargoed")), "embargoed", where))
        .setSubjects(subjects(contentMeta))
        .setRights(text(first(child(item, "rightsInfo"), "copyrightNotice")))
        .setContentHash(ContentHash.of(headline, subheadline, body))
        .build();
  }

  /** The main headline (no role, or a main role), or with {@code sub} the first sub-headline. */
  private static String headline(Element contentMeta, boolean sub) {
    String main = null;
    for (Element h : children(contentMeta, "headline")) {
      String role = attr(h, "role");
      boolean isSub = role != null && role.contains("sub");
      if (isSub == sub && !ArticleIds.isBlank(h.getTextContent())) {
        if (sub || role == null || role.contains("main")) {
          return text(h);
        }
        main = main == null ? text(h) : main;
      }
    }
    return main;
  }

  private static String byline(Element contentMeta, Element inline) {
    List<String> names = new ArrayList<>();
    for (Element creator : children(contentMeta, "creator")) {
      String name =
          NinjsFormat.firstNonBlank(text(child(creator, "name")), attr(creator, "literal"));
      if (name != null) {
        names.add(name);
      }
    }
    if (!names.isEmpty()) {
      return String.join(", ", names);
    }
    Element by = first(child(contentMeta, "by") != null ? contentMeta : inline, "by");
    return by == null ? text(first(inline, "byline")) : text(by);
  }

  private static String languageOf(Element item, Element contentMeta) {
    Element language = child(contentMeta, "language");
    String tag = language == null ? null : attr(language, "tag");
    if (ArticleIds.isBlank(tag)) {
      tag = item.getAttributeNS(XML_NS, "lang");
    }
    return Languages.toBcp47(tag);
  }

  private static Integer urgency(Element contentMeta) {
    String u = text(child(contentMeta, "urgency"));
    try {
      return u == null ? null : Integer.valueOf(u.strip());
    } catch (NumberFormatException e) {
      return null; // a junk urgency is not worth losing the story for
    }
  }

  private static Signal signal(Element itemMeta) {
    Element status = child(itemMeta, "pubStatus");
    Signal signal = status == null ? null : Signals.ofPubStatus(attr(status, "qcode"));
    for (Element s : children(itemMeta, "signal")) {
      signal = Signals.stronger(signal, Signals.ofSignal(attr(s, "qcode")));
    }
    return signal == null ? Signal.USABLE : signal;
  }

  private static List<Subject> subjects(Element contentMeta) {
    List<Subject> subjects = new ArrayList<>();
    for (Element s : children(contentMeta, "subject")) {
      String code = IptcCodes.qualify(NinjsFormat.firstNonBlank(attr(s, "qcode"), attr(s, "uri")));
      String name = NinjsFormat.firstNonBlank(text(child(s, "name")), attr(s, "literal"), code);
      if (name != null) {
        subjects.add(
            Subject.newBuilder()
                .setName(name)
                .setCode(code)
                .setScheme(IptcCodes.schemeOf(code))
                .build());
      }
    }
    return subjects;
  }

  private static String innerXml(Element element) {
    DOMImplementationLS ls =
        (DOMImplementationLS)
            element.getOwnerDocument().getImplementation().getFeature("LS", "3.0");
    LSSerializer serializer = ls.createLSSerializer();
    serializer.getDomConfig().setParameter("xml-declaration", false);
    StringBuilder out = new StringBuilder();
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      out.append(serializer.writeToString(n));
    }
    String xml = out.toString().strip();
    return xml.isEmpty() ? null : xml;
  }

  private static Element child(Element parent, String localName) {
    if (parent == null) {
      return null;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> out = new ArrayList<>();
    if (parent != null) {
      for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && localName.equals(e.getLocalName())) {
          out.add(e);
        }
      }
    }
    return out;
  }

  private static Element first(Element parent, String localName) {
    if (parent == null) {
      return null;
    }
    NodeList list = parent.getElementsByTagNameNS("*", localName);
    return list.getLength() == 0 ? null : (Element) list.item(0);
  }

  private static String attr(Element e, String name) {
    if (e == null || !e.hasAttribute(name)) {
      return null;
    }
    return e.getAttribute(name);
  }

  private static String text(Element e) {
    if (e == null) {
      return null;
    }
    String t = PlainText.paragraphs(e.getTextContent());
    return ArticleIds.isBlank(t) ? null : t;
  }
}
