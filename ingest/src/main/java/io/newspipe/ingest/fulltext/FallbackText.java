package io.newspipe.ingest.fulltext;

import io.newspipe.ingest.format.PlainText;
import java.util.List;
import java.util.function.Supplier;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The article text when {@link MainText} comes out empty or very short although the page has
 * readable text: an extractor should never return nothing for a page that has an article. Tried in
 * order, the first that reaches {@link #SHORT_BELOW_CHARS} wins, else the longest of all:
 *
 * <ol>
 *   <li>the largest container the page marks as the article ({@code [itemprop=articleBody]}, {@code
 *       article}, {@code main}, {@code [role=main]});
 *   <li>{@link MainText} on the page cleaned only lightly (scripts and widgets removed, but forms,
 *       navigation, asides, footers and hidden elements kept: some sites wrap the whole page in a
 *       {@code <form>} or mark the article hidden until a script runs);
 *   <li>the article containers of that lightly cleaned page;
 *   <li>the largest block of readable text there: the element whose own text and paragraph
 *       children, links not counted, hold the most characters (text split by {@code <br>} in a
 *       {@code <div>} counts as well as {@code <p>});
 *   <li>the JSON-LD {@code articleBody}, however short.
 * </ol>
 */
final class FallbackText {

  /** Main text shorter than this is taken for a failed extraction and the fallbacks are tried. */
  static final int SHORT_BELOW_CHARS = 250;

  private static final String ARTICLE_CONTAINERS =
      "[itemprop=articleBody], article, main, [role=main]";

  /** Only what can never be read; everything {@link PageCleaner} removes beyond this is kept. */
  private static final String NEVER_READABLE =
      "script, style, noscript, template, svg, canvas, iframe, object, embed, select, input,"
          + " textarea, button, link, meta";

  private FallbackText() {}

  static boolean isShort(String text) {
    return text.length() < SHORT_BELOW_CHARS;
  }

  /**
   * @param found what the normal extraction found (short)
   * @param cleaned the page after {@link PageCleaner}
   * @param raw the page before any cleaning (changed here)
   * @param jsonLdBody the page's JSON-LD articleBody as plain text, or null
   */
  static String of(String found, Document cleaned, Document raw, String jsonLdBody) {
    List<Supplier<String>> fallbacks =
        List.of(
            () -> containers(cleaned),
            () -> MainText.of(lightlyCleaned(raw)),
            () -> containers(raw),
            () -> raw.body() == null ? "" : largestBlock(raw.body()),
            () -> jsonLdBody == null ? "" : jsonLdBody);
    String best = found;
    for (Supplier<String> fallback : fallbacks) {
      String text = fallback.get();
      if (!isShort(text)) {
        return text;
      }
      if (text.length() > best.length()) {
        best = text;
      }
    }
    return best;
  }

  private static Document lightlyCleaned(Document raw) {
    raw.select(NEVER_READABLE).remove();
    return raw;
  }

  /** The text of the largest element the page marks as its article, or "". */
  static String containers(Document doc) {
    String best = "";
    for (Element el : doc.select(ARTICLE_CONTAINERS)) {
      String text = Paragraphs.of(el);
      if (text.length() > best.length()) {
        best = text;
      }
    }
    return best;
  }

  /** The paragraphs of the element with the most readable text of its own, or "". */
  static String largestBlock(Element root) {
    Element best = null;
    int bestChars = 0;
    for (Element el : root.getAllElements()) {
      if (el.closest("a") != null) {
        continue; // a link's text is not article text, however long
      }
      int chars = ownReadableChars(el);
      if (chars > bestChars) {
        bestChars = chars;
        best = el;
      }
    }
    return best == null ? "" : Paragraphs.of(best);
  }

  /** Characters of text in el's own text nodes, inline children and p children, not in links. */
  private static int ownReadableChars(Element el) {
    int chars = 0;
    for (Node n : el.childNodes()) {
      if (n instanceof TextNode t) {
        chars += t.text().strip().length();
      } else if (n instanceof Element child
          && !child.tagName().equals("a")
          && (child.tagName().equals("p") || !PlainText.isBlock(child.tagName()))) {
        chars += child.text().length() - linkChars(child);
      }
    }
    return chars;
  }

  private static int linkChars(Element el) {
    int chars = 0;
    for (Element a : el.select("a")) {
      chars += a.text().length();
    }
    return chars;
  }
}
