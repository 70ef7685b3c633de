package io.newspipe.ingest.format;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.Verifier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * A forgiving reading of XML that a strict parser refuses (truncated documents, unclosed elements,
 * undeclared namespace prefixes), the way feed readers recover "bozo" feeds: jsoup's XML parser
 * builds the tree it can, and this class copies it into a JDOM document ROME can map. jsoup never
 * resolves entities declared in a DOCTYPE nor loads anything external, so recovery opens no XML
 * attack; callers still refuse entity declarations first.
 *
 * <p>An item or entry whose end tag is missing (a document cut off inside it, or markup left open)
 * is left out: it may be incomplete, and publishing a partial item would later duplicate or garble
 * the real one.
 */
final class LenientXml {

  /** Where a prefix nobody declared is put, so the element keeps its name. */
  private static final String UNDECLARED = "urn:newspipe:undeclared:";

  private LenientXml() {}

  /** What could be recovered, and how many unclosed items were left out. */
  record Recovered(Document document, int incompleteItems) {}

  /** The document jsoup recovers from {@code xml}, or null if there is no element at all. */
  static Recovered read(String xml) {
    org.jsoup.nodes.Document soup = Jsoup.parse(xml, "", Parser.xmlParser().setTrackPosition(true));
    org.jsoup.nodes.Element root =
        soup.children().stream().findFirst().orElse(null); // the first element is the root
    if (root == null) {
      return null;
    }
    Deque<Map<String, String>> scopes = new ArrayDeque<>();
    scopes.push(Map.of("xml", Namespace.XML_NAMESPACE.getURI()));
    int[] incomplete = new int[1];
    Document document = new Document(copy(root, scopes, incomplete));
    return new Recovered(document, incomplete[0]);
  }

  private static boolean isItem(org.jsoup.nodes.Element e) {
    String name = localName(e.tagName()).toLowerCase(Locale.ROOT);
    return name.equals("item") || name.equals("entry");
  }

  private static boolean closed(org.jsoup.nodes.Element e) {
    return e.endSourceRange().isTracked() && !e.endSourceRange().isImplicit();
  }

  private static Element copy(
      org.jsoup.nodes.Element from, Deque<Map<String, String>> scopes, int[] incomplete) {
    Map<String, String> scope = new HashMap<>(scopes.peek());
    for (Attribute a : from.attributes()) {
      if (a.getKey().equals("xmlns")) {
        scope.put("", a.getValue());
      } else if (a.getKey().startsWith("xmlns:")) {
        scope.put(a.getKey().substring(6), a.getValue());
      }
    }
    scopes.push(scope);
    try {
      Element to = new Element(localName(from.tagName()), namespace(from.tagName(), scope, true));
      for (Attribute a : from.attributes()) {
        String key = a.getKey();
        if (key.equals("xmlns") || key.startsWith("xmlns:")) {
          continue;
        }
        try {
          to.setAttribute(localName(key), a.getValue(), namespace(key, scope, false));
        } catch (IllegalArgumentException e) { // JDOM's IllegalName/Data/AddException
          // an attribute XML cannot hold (e.g. a broken name): dropped, the element is kept
        }
      }
      for (Node child : from.childNodes()) {
        if (child instanceof org.jsoup.nodes.Element e) {
          if (isItem(e) && !closed(e)) {
            incomplete[0]++;
          } else if (Verifier.checkElementName(localName(e.tagName())) == null) {
            to.addContent(copy(e, scopes, incomplete));
          }
        } else if (child instanceof CDataNode cdata) {
          to.addContent(Verifier.checkCharacterData(cdata.text()) == null ? cdata.text() : "");
        } else if (child instanceof TextNode text) {
          String value = text.getWholeText();
          if (Verifier.checkCharacterData(value) == null) {
            to.addContent(value);
          }
        }
      }
      return to;
    } finally {
      scopes.pop();
    }
  }

  private static String localName(String qualified) {
    int colon = qualified.indexOf(':');
    return colon < 0 ? qualified : qualified.substring(colon + 1);
  }

  private static Namespace namespace(String qualified, Map<String, String> scope, boolean element) {
    int colon = qualified.indexOf(':');
    if (colon < 0) {
      // Unprefixed attributes are in no namespace; unprefixed elements in the default one.
      String uri = element ? scope.get("") : null;
      return uri == null || uri.isEmpty() ? Namespace.NO_NAMESPACE : Namespace.getNamespace(uri);
    }
    String prefix = qualified.substring(0, colon);
    String uri = scope.get(prefix);
    if (uri == null || uri.isEmpty()) {
      uri = UNDECLARED + prefix.toLowerCase(Locale.ROOT);
    }
    return Namespace.getNamespace(prefix, uri);
  }
}
