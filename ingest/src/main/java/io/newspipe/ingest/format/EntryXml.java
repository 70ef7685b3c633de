package io.newspipe.ingest.format;

import com.rometools.rome.io.impl.DateParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * What ROME loses from a feed entry's XML, read from the element itself: Atom text constructs in
 * every form RFC 4287 and Atom 0.3 allow (text, escaped HTML, inline XHTML, base64 and other MIME
 * types), links written as element text, and the non-standard RSS item elements feeds use in the
 * wild ({@code xhtml:body}, {@code fullitem}, {@code summary}, {@code dc:author}, {@code tags}).
 */
final class EntryXml {

  static final Namespace XHTML = Namespace.getNamespace("http://www.w3.org/1999/xhtml");
  static final Namespace DC = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");
  static final Namespace DCTERMS = Namespace.getNamespace("http://purl.org/dc/terms/");

  private static final XMLOutputter RAW = new XMLOutputter(Format.getRawFormat());

  /** A text value and whether it is markup. */
  record Text(String value, Kind kind) {
    enum Kind {
      PLAIN,
      HTML,
      /** Decoded from base64 or of unknown type: HTML if it looks like HTML. */
      UNKNOWN
    }

    boolean isHtml() {
      return kind == Kind.HTML;
    }

    /** The plain text of the value. */
    String plain() {
      return switch (kind) {
        case PLAIN -> PlainText.paragraphs(value);
        case HTML -> PlainText.fromHtml(value);
        case UNKNOWN -> PlainText.fromMaybeHtml(value);
      };
    }
  }

  private final Element element;
  private final boolean atom03;

  private EntryXml(Element element) {
    this.element = element;
    this.atom03 = element.getNamespace().equals(FeedDocument.ATOM_03);
  }

  static EntryXml of(Element element) {
    return element == null ? null : new EntryXml(element);
  }

  boolean isAtom() {
    return FeedDocument.isAtom(element);
  }

  /** An Atom text construct child ({@code title}, {@code summary}, {@code rights}), or null. */
  Text atomText(String name) {
    Element e = element.getChild(name, element.getNamespace());
    return e == null ? null : atomText(e);
  }

  /** The entry's content elements: one in Atom 1.0, several alternatives allowed in Atom 0.3. */
  List<Text> atomContents() {
    return element.getChildren("content", element.getNamespace()).stream()
        .map(this::atomText)
        .toList();
  }

  private Text atomText(Element e) {
    String type = lower(e.getAttributeValue("type"));
    String mode = lower(e.getAttributeValue("mode"));
    if (atom03) {
      // Atom 0.3: a MIME type (default text/plain) and a mode: xml (default), escaped or base64.
      String mime = type == null ? "text/plain" : type;
      if ("base64".equals(mode)) {
        return new Text(base64(e.getText()), Text.Kind.UNKNOWN);
      }
      if ("escaped".equals(mode)) {
        return new Text(e.getValue(), Text.Kind.HTML);
      }
      if (mime.contains("html") || mime.contains("xml")) {
        return new Text(e.getChildren().isEmpty() ? e.getValue() : children(e), Text.Kind.HTML);
      }
      return new Text(e.getValue(), Text.Kind.PLAIN);
    }
    if (type == null || type.isEmpty() || type.equals("text") || type.equals("text/plain")) {
      return new Text(e.getValue(), Text.Kind.PLAIN);
    }
    if (type.equals("html") || type.equals("text/html")) {
      // Escaped HTML; some producers wrap it in an XHTML div, whose text is the same HTML.
      return new Text(e.getValue(), Text.Kind.HTML);
    }
    if (type.equals("xhtml") || type.endsWith("/xml") || type.endsWith("+xml")) {
      return new Text(xhtmlContent(e), Text.Kind.HTML);
    }
    if (type.startsWith("text/")) {
      return new Text(e.getValue(), Text.Kind.PLAIN);
    }
    // Any other MIME type is base64 (RFC 4287 section 4.1.3.3).
    return new Text(base64(e.getText()), Text.Kind.UNKNOWN);
  }

  /** The entry's link: the alternate (or rel-less) one, from href or, failing that, its text. */
  String atomLink() {
    String fallback = null;
    for (Element link : element.getChildren("link", element.getNamespace())) {
      String rel = lower(link.getAttributeValue("rel"));
      String href = link.getAttributeValue("href");
      String target = ArticleIds.isBlank(href) ? link.getTextTrim() : href.strip();
      if (ArticleIds.isBlank(target)) {
        continue;
      }
      if (rel == null || rel.equals("alternate")) {
        return target;
      }
      if (fallback == null) {
        fallback = target;
      }
    }
    return fallback;
  }

  /**
   * What an RSS item says in non-standard elements: its full content (null if none) and its summary
   * (null if the item has no {@code summary} element; possibly blank).
   */
  record RssExtras(Text content, String summary) {
    static final RssExtras NONE = new RssExtras(null, null);
  }

  /**
   * The full content: an XHTML {@code <body>}, a {@code <fullitem>} holding escaped HTML, or the
   * second of a description and a summary; the summary: the first of them (see {@link
   * #rssDescriptions}).
   */
  RssExtras rssExtras() {
    List<String> descriptions = rssDescriptions();
    Text content = rssContent();
    if (content == null && descriptions.size() > 1) {
      content = new Text(descriptions.get(1), Text.Kind.HTML);
    }
    return new RssExtras(content, descriptions.isEmpty() ? null : descriptions.get(0));
  }

  /**
   * An RSS item's full content where it uses a non-standard element for it: an XHTML {@code
   * <body>}, or {@code <fullitem>} holding escaped HTML.
   */
  private Text rssContent() {
    Element body = element.getChild("body", XHTML);
    if (body != null) {
      return new Text(children(body), Text.Kind.HTML);
    }
    Element fullitem = child("fullitem");
    return fullitem == null ? null : new Text(fullitem.getValue(), Text.Kind.HTML);
  }

  /**
   * Where an RSS item has a non-standard {@code summary} element: it and the {@code description} in
   * document order, the first being the summary and the second, if any, the full content. Empty for
   * items without one (ROME reads those).
   */
  private List<String> rssDescriptions() {
    if (child("summary") == null) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (Element child : element.getChildren()) {
      String name = child.getName();
      boolean rssNamespace = !child.getNamespace().equals(DC);
      if (rssNamespace && (name.equals("description") || name.equals("summary"))) {
        values.add(child.getValue());
      }
    }
    return values;
  }

  /** Dublin Core's non-standard {@code dc:author}, which some feeds use for dc:creator. */
  String dcAuthor() {
    Element author = element.getChild("author", DC);
    return author == null || ArticleIds.isBlank(author.getText()) ? null : author.getTextTrim();
  }

  /** A Dublin Core terms date ({@code issued}, {@code modified}, {@code created}), or null. */
  Instant dcTermsDate(String name) {
    return date(element.getChild(name, DCTERMS));
  }

  /** The item's own {@code dc:date} (ROME's DC module reports pubDate there too), or null. */
  Instant dcDate() {
    return date(element.getChild("date", DC));
  }

  private static Instant date(Element date) {
    if (date == null || ArticleIds.isBlank(date.getText())) {
      return null;
    }
    Date parsed = DateParser.parseDate(date.getTextTrim(), Locale.ROOT);
    return parsed == null ? null : parsed.toInstant();
  }

  /** Comma-separated tags in a made-up {@code <tags>} element. */
  List<String> madeUpTags() {
    Element tags = child("tags");
    List<String> names = new ArrayList<>();
    if (tags != null) {
      for (String name : tags.getText().split(",")) {
        if (!ArticleIds.isBlank(name)) {
          names.add(name.strip());
        }
      }
    }
    return names;
  }

  private Element child(String name) {
    return element.getChildren().stream()
        .filter(e -> e.getName().equals(name) && e.getNamespace().getURI().isEmpty())
        .findFirst()
        .orElse(null);
  }

  /** Inline XHTML: the markup inside the wrapping div (RFC 4287 section 3.1.1.3). */
  private static String xhtmlContent(Element e) {
    List<Element> kids = e.getChildren();
    if (kids.size() == 1 && kids.get(0).getName().equals("div") && e.getTextTrim().isEmpty()) {
      return children(kids.get(0));
    }
    return children(e);
  }

  private static String children(Element e) {
    return RAW.outputString(e.getContent())
        .replace(" xmlns=\"" + XHTML.getURI() + "\"", "")
        .strip();
  }

  private static String base64(String text) {
    try {
      byte[] bytes = Base64.getMimeDecoder().decode(text.strip());
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text; // not base64 after all: keep what is there
    }
  }

  private static String lower(String s) {
    return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
  }
}
