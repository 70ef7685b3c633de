package io.newspipe.ingest.fulltext;

import io.newspipe.ingest.format.PlainText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Writes an element out as plain-text paragraphs: a block element (p, div, li, h2, …) starts a new
 * paragraph, whitespace collapses, and a block that is mostly links (a list of related stories, a
 * tag cloud) is left out.
 */
final class Paragraphs {

  /** Table cells and line breaks also end a paragraph here, unlike in {@link PlainText}. */
  private static final Set<String> ALSO_BREAKS = Set.of("td", "th", "br");

  private static final Set<String> LINK_LISTS = Set.of("ul", "ol", "div", "section", "table", "p");

  private final List<String> out = new ArrayList<>();
  private final StringBuilder current = new StringBuilder();

  private Paragraphs() {}

  static String of(Element root) {
    Paragraphs p = new Paragraphs();
    p.walk(root);
    p.flush();
    return String.join("\n\n", p.out);
  }

  /** The paragraphs of an HTML fragment, such as an {@code articleBody} that holds markup. */
  static String ofHtml(String html) {
    return of(org.jsoup.Jsoup.parseBodyFragment(html).body());
  }

  private void walk(Element el) {
    String tag = el.tagName();
    boolean block = PlainText.isBlock(tag) || ALSO_BREAKS.contains(tag);
    if (block) {
      flush();
    }
    if (LINK_LISTS.contains(tag) && MainText.linkDensity(el) > 0.5 && el.text().length() > 0) {
      return;
    }
    for (Node child : el.childNodes()) {
      if (child instanceof TextNode t) {
        current.append(t.text());
      } else if (child instanceof Element e) {
        walk(e);
      }
    }
    if (block) {
      flush();
    }
  }

  private void flush() {
    String text = current.toString().replaceAll("[\\s\\u00A0]+", " ").strip();
    current.setLength(0);
    if (!text.isEmpty()) {
      out.add(text);
    }
  }
}
