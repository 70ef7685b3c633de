package io.newspipe.ingest.format;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the prolog of an XML document (declaration, comments, processing instructions, DOCTYPE)
 * without an XML parser, to find the root element and any DOCTYPE before a parser sees the bytes.
 */
final class XmlProlog {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][\\w.:-]*");
  private static final Pattern XML_LANG =
      Pattern.compile("\\sxml:lang\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

  /** A DOCTYPE found before the root element: where it is and whether it declares anything. */
  record Doctype(int start, int end, boolean hasInternalSubset) {}

  private final String text;
  private final Doctype doctype;
  private final int rootStart;

  private XmlProlog(String text, Doctype doctype, int rootStart) {
    this.text = text;
    this.doctype = doctype;
    this.rootStart = rootStart;
  }

  /** Scans the prolog; {@code rootStart} is -1 if no root start tag was found in {@code text}. */
  static XmlProlog scan(String text) {
    int i = skipWhitespace(text, 0);
    Doctype doctype = null;
    while (i < text.length()) {
      if (text.startsWith("<?", i)) {
        i = after(text, "?>", i);
      } else if (text.startsWith("<!--", i)) {
        i = after(text, "-->", i);
      } else if (text.startsWith("<!DOCTYPE", i) || text.startsWith("<!doctype", i)) {
        int end = doctypeEnd(text, i);
        int bracket = text.indexOf('[', i);
        doctype = new Doctype(i, end, bracket >= 0 && (end < 0 || bracket < end));
        i = end;
      } else if (text.startsWith("<", i)
          && NAME.matcher(text).region(i + 1, text.length()).lookingAt()) {
        return new XmlProlog(text, doctype, i);
      } else {
        break;
      }
      if (i < 0) {
        break;
      }
      i = skipWhitespace(text, i);
    }
    return new XmlProlog(text, doctype, -1);
  }

  /** The DOCTYPE before the root, or null. */
  Doctype doctype() {
    return doctype;
  }

  /** The root element's qualified name ({@code rdf:RDF}), or null if none was found. */
  String rootName() {
    if (rootStart < 0) {
      return null;
    }
    Matcher m = NAME.matcher(text).region(rootStart + 1, text.length());
    return m.lookingAt() ? m.group() : null;
  }

  /** The root element's local name ({@code RDF}), or null. */
  String rootLocalName() {
    String name = rootName();
    return name == null ? null : name.substring(name.indexOf(':') + 1);
  }

  /** The {@code xml:lang} attribute of the root element, or null. */
  String rootLanguage() {
    if (rootStart < 0) {
      return null;
    }
    int end = text.indexOf('>', rootStart);
    if (end < 0) {
      return null;
    }
    Matcher m = XML_LANG.matcher(text.substring(rootStart, end));
    if (!m.find()) {
      return null;
    }
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  private static int skipWhitespace(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int after(String text, String terminator, int from) {
    int at = text.indexOf(terminator, from);
    return at < 0 ? -1 : at + terminator.length();
  }

  /** End (exclusive) of a DOCTYPE, skipping an internal subset in brackets; -1 if unterminated. */
  private static int doctypeEnd(String text, int from) {
    int depth = 0;
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == '>' && depth <= 0) {
        return i + 1;
      }
    }
    return -1;
  }
}
