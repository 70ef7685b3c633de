package io.newspipe.ingest.format;

/**
 * The bounds an XML document must keep before any third-party parser (ROME, JDOM, jsoup, the JDK's
 * DOM) sees it: nesting depth and element count. Those parsers and the code around them recurse
 * over the tree (ROME's {@code XMLOutputter} on an item's description, JDOM's copy of an Atom
 * {@code xhtml} content), so a 100,000-deep {@code <a>} nest is a {@link StackOverflowError}, not
 * an error message; and each element costs memory.
 *
 * <p>The scan is lexical, linear and allocation-free: it counts start and end tags, skipping
 * comments, CDATA sections, processing instructions and declarations, and never recurses. It does
 * not need the document to be well-formed, because the lenient reader ({@link LenientXml}) builds a
 * tree from broken markup too: an unclosed tag nests what follows it, and is counted as such here,
 * so the bound holds for every reader. Size is bounded earlier, by the sources' document cap.
 */
public final class XmlLimits {

  /**
   * Deepest nesting accepted. Real feeds stay far below (an Atom entry with XHTML content is some
   * 10-20 deep); ROME and JDOM handle this depth on a default thread stack many times over.
   */
  public static final int MAX_DEPTH = 256;

  /**
   * Most elements accepted in one document: a 10 MB feed of real articles has some 50,000; this
   * leaves room and keeps the trees ROME and JDOM build to a few hundred MB at most.
   */
  public static final int MAX_ELEMENTS = 250_000;

  private XmlLimits() {}

  /**
   * Refuses {@code xml} if it nests deeper than {@link #MAX_DEPTH} or holds more than {@link
   * #MAX_ELEMENTS} elements.
   *
   * @throws ParseException naming the document, the bound and where it was crossed
   */
  public static void check(String xml, String document) throws ParseException {
    check(xml, document, MAX_DEPTH, MAX_ELEMENTS);
  }

  static void check(String xml, String document, int maxDepth, int maxElements)
      throws ParseException {
    int depth = 0;
    int elements = 0;
    int n = xml.length();
    int i = xml.indexOf('<');
    while (i >= 0 && i < n - 1) {
      char c = xml.charAt(i + 1);
      int next;
      if (c == '!' || c == '?') {
        next = skipMarkupDeclaration(xml, i);
      } else if (c == '/') {
        depth = Math.max(0, depth - 1);
        next = xml.indexOf('>', i);
      } else if (isNameStart(c)) {
        int end = tagEnd(xml, i + 1);
        boolean selfClosing = end > 0 && xml.charAt(end - 1) == '/';
        elements++;
        if (!selfClosing) {
          depth++;
        }
        if (depth > maxDepth) {
          throw new ParseException(
              document,
              "refused: elements nest more than "
                  + maxDepth
                  + " deep (at character "
                  + i
                  + "); no real feed or article does, and parsers would exhaust their stack on it."
                  + " Fix the producer");
        }
        if (elements > maxElements) {
          throw new ParseException(
              document,
              "refused: more than "
                  + maxElements
                  + " elements (at character "
                  + i
                  + "); split the document into smaller ones");
        }
        next = end;
      } else {
        next = i + 1; // a stray '<' in text: not a tag
      }
      if (next < 0) {
        return; // cut off inside markup: the parsers say what is wrong
      }
      i = xml.indexOf('<', next);
    }
  }

  /** Where a comment, CDATA section, PI or declaration starting at {@code i} ends, or -1. */
  private static int skipMarkupDeclaration(String xml, int i) {
    if (xml.startsWith("<!--", i)) {
      int end = xml.indexOf("-->", i + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (xml.startsWith("<![CDATA[", i)) {
      int end = xml.indexOf("]]>", i + 9);
      return end < 0 ? -1 : end + 3;
    }
    if (xml.startsWith("<?", i)) {
      int end = xml.indexOf("?>", i + 2);
      return end < 0 ? -1 : end + 2;
    }
    // <!DOCTYPE ...> (entity declarations are refused elsewhere, before this matters)
    int end = xml.indexOf('>', i);
    return end < 0 ? -1 : end + 1;
  }

  /** The index of the '>' that closes the tag opened before {@code from}, quotes respected. */
  private static int tagEnd(String xml, int from) {
    char quote = 0;
    for (int j = from; j < xml.length(); j++) {
      char c = xml.charAt(j);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return j;
      } else if (c == '<') {
        return j; // a broken tag: lenient readers end it here too
      }
    }
    return -1;
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_' || c == ':';
  }
}
