package io.newspipe.ingest.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Plain text in newspipe's body shape: paragraphs separated by one blank line ({@code "\n\n"}),
 * each paragraph on one line with whitespace collapsed. Taggers and the store index this text, so
 * HTML markup, scripts and hard line wraps must not leak into it.
 */
public final class PlainText {

  /** Paragraph separator in every body newspipe produces. */
  public static final String PARAGRAPH_BREAK = "\n\n";

  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\u00A0]*\\n\\s*");
  private static final Pattern MARKUP_HINT = Pattern.compile("<[a-zA-Z/!]|&[#a-zA-Z0-9]+;");

  // Our own list rather than jsoup's tag metadata, so the output does not shift between jsoup
  // versions.
  private static final Set<String> BLOCKS =
      Set.of(
          "address",
          "article",
          "aside",
          "blockquote",
          "dd",
          "div",
          "dl",
          "dt",
          "figcaption",
          "figure",
          "footer",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "header",
          "hr",
          "li",
          "main",
          "nav",
          "ol",
          "p",
          "pre",
          "section",
          "table",
          "tr",
          "ul");
  private static final Set<String> INVISIBLE =
      Set.of("script", "style", "noscript", "template", "head", "iframe", "object");

  private PlainText() {}

  /** Whether an element of this (lower-case) tag name starts a new block of text. */
  public static boolean isBlock(String tagName) {
    return BLOCKS.contains(tagName);
  }

  /** HTML (a fragment or a document) to plain text; null stays null. */
  public static String fromHtml(String html) {
    if (html == null) {
      return null;
    }
    Document doc = Jsoup.parseBodyFragment(html);
    doc.select(String.join(",", INVISIBLE)).remove();
    StringBuilder raw = new StringBuilder();
    doc.body().traverse(new Collector(raw));
    return paragraphs(raw.toString());
  }

  /**
   * Text that may or may not carry markup (RSS titles often do, escaped or not): converted as HTML
   * only if it looks like it, so a plain "profits &lt; 5%" headline is left alone.
   */
  public static String fromMaybeHtml(String text) {
    if (text == null) {
      return null;
    }
    return MARKUP_HINT.matcher(text).find() ? fromHtml(text) : paragraphs(text);
  }

  /**
   * Normalises plain text into the body shape: blank lines separate paragraphs, single line breaks
   * inside a paragraph are re-joined with a space.
   */
  public static String paragraphs(String text) {
    if (text == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (String paragraph : BLANK_LINES.split(text.replace("\r\n", "\n").replace('\r', '\n'))) {
      String line = SPACES.matcher(paragraph).replaceAll(" ").trim();
      if (!line.isEmpty()) {
        out.add(line);
      }
    }
    return String.join(PARAGRAPH_BREAK, out);
  }

  /** Writes text nodes, a newline per {@code <br>} and a blank line around block elements. */
  private static final class Collector implements NodeVisitor {
    private final StringBuilder out;

    Collector(StringBuilder out) {
      this.out = out;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode text) {
        out.append(SPACES.matcher(text.getWholeText()).replaceAll(" "));
      } else if (node instanceof Element element) {
        String name = element.normalName();
        if (name.equals("br")) {
          out.append('\n');
        } else if (BLOCKS.contains(name)) {
          out.append(PARAGRAPH_BREAK);
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element element) {
        String name = element.normalName();
        if (BLOCKS.contains(name)) {
          out.append(PARAGRAPH_BREAK);
        } else if (name.equals("td") || name.equals("th")) {
          out.append(' '); // keep table cells apart
        }
      }
    }
  }
}
