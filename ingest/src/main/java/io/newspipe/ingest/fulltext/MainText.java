package io.newspipe.ingest.fulltext;

import io.newspipe.ingest.format.PlainText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the main text of a cleaned page, in the manner of Readability: every paragraph-like block
 * scores its parent and grandparent (longer text and more commas score more, class and id names
 * such as {@code article-body} or {@code sidebar} add or subtract), the best container wins after a
 * penalty for link-heavy text, and siblings that look like more of the same article join it. The
 * winner is then written out as paragraphs, leaving out link lists and boilerplate lines.
 */
final class MainText {

  private static final Pattern UNLIKELY =
      Pattern.compile(
          "-ad-|^ad-|ad-slot|adslot|advert|banner|breadcrumb|combx|comment|community|cookie|"
              + "disqus|extra|footer|gdpr|masthead|menu|modal|newsletter|outbrain|pagination|"
              + "pager|popup|promo|related|remark|replies|rss|share|sharing|shoutbox|sidebar|"
              + "skyscraper|social|sponsor|subscribe|supplemental|taboola|tags|toolbar|"
              + "trending|recirc|most-popular|signup|paywall|byline|author-bio|caption",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern MAYBE =
      Pattern.compile(
          "and|article|body|column|content|main|shadow|story|post|entry|text",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern POSITIVE =
      Pattern.compile(
          "article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|"
              + "paragraph",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern NEGATIVE =
      Pattern.compile(
          "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|"
              + "footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|"
              + "sidebar|skyscraper|sponsor|shopping|tags|tool|widget|newsletter|subscribe|"
              + "recirc|caption|byline|author",
          Pattern.CASE_INSENSITIVE);

  private static final Set<String> PARAGRAPHS = Set.of("p", "pre", "td", "blockquote");

  /** Shorter text than this makes a second pass that keeps "unlikely" blocks (as Readability). */
  private static final int RETRY_BELOW_CHARS = 500;

  private final Map<Element, Double> scores = new HashMap<>();
  private final boolean stripUnlikely;

  private MainText(boolean stripUnlikely) {
    this.stripUnlikely = stripUnlikely;
  }

  /** The main text of {@code doc} (already cleaned by {@link PageCleaner}), or "". */
  static String of(Document doc) {
    Element body = doc.body();
    if (body == null) {
      return "";
    }
    String strict = new MainText(true).extract(body.clone());
    if (strict.length() >= RETRY_BELOW_CHARS) {
      return strict;
    }
    String lenient = new MainText(false).extract(body);
    return lenient.length() > strict.length() ? lenient : strict;
  }

  private String extract(Element body) {
    if (stripUnlikely) {
      removeUnlikely(body);
    }
    Element top = bestCandidate(body);
    if (top == null) {
      return Paragraphs.of(body);
    }
    List<Element> parts = withSiblings(top);
    StringBuilder out = new StringBuilder();
    for (Element part : parts) {
      String text = Paragraphs.of(part);
      if (!text.isEmpty()) {
        if (out.length() > 0) {
          out.append("\n\n");
        }
        out.append(text);
      }
    }
    return out.toString();
  }

  private static void removeUnlikely(Element body) {
    List<Element> doomed = new ArrayList<>();
    for (Element el : body.getAllElements()) {
      if (el == body || el.tagName().equals("a") || el.tagName().equals("article")) {
        continue;
      }
      String names = el.className() + " " + el.id();
      if (names.isBlank()) {
        continue;
      }
      if (UNLIKELY.matcher(names).find()
          && !MAYBE.matcher(names).find()
          && !hasAncestor(el, "table", "code")) {
        doomed.add(el);
      }
    }
    doomed.forEach(Element::remove);
  }

  private static boolean hasAncestor(Element el, String... tags) {
    for (Element p = el.parent(); p != null; p = p.parent()) {
      for (String t : tags) {
        if (p.tagName().equals(t)) {
          return true;
        }
      }
    }
    return false;
  }

  private Element bestCandidate(Element body) {
    for (Element el : body.getAllElements()) {
      if (!isParagraph(el)) {
        continue;
      }
      String text = el.text();
      if (text.length() < 25) {
        continue;
      }
      double score = 1 + commas(text) + Math.min(Math.floor(text.length() / 100.0), 3);
      Element parent = el.parent();
      for (int level = 0; parent != null && level < 3; level++, parent = parent.parent()) {
        if (parent == body.parent()) {
          break;
        }
        double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        scores.merge(parent, initialScore(parent) + score / divider, (a, b) -> a + score / divider);
      }
    }
    Element best = null;
    double bestScore = 0;
    for (Map.Entry<Element, Double> e : scores.entrySet()) {
      double s = e.getValue() * (1 - linkDensity(e.getKey()));
      e.setValue(s);
      if (s > bestScore) {
        bestScore = s;
        best = e.getKey();
      }
    }
    return best;
  }

  /**
   * A p, pre, td or blockquote, or a div whose content is only inline (a paragraph in disguise).
   */
  private static boolean isParagraph(Element el) {
    String tag = el.tagName();
    if (PARAGRAPHS.contains(tag)) {
      return true;
    }
    if (!tag.equals("div") && !tag.equals("section") && !tag.equals("span")) {
      return false;
    }
    for (Element child : el.children()) {
      if (PlainText.isBlock(child.tagName())) {
        return false;
      }
    }
    return hasOwnText(el);
  }

  private static boolean hasOwnText(Element el) {
    for (Node n : el.childNodes()) {
      if (n instanceof TextNode t && !t.isBlank()) {
        return true;
      }
    }
    return false;
  }

  private static double initialScore(Element el) {
    double score =
        switch (el.tagName()) {
          case "div", "article", "main" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    return score + classWeight(el);
  }

  static double classWeight(Element el) {
    double weight = 0;
    for (String name : new String[] {el.className(), el.id()}) {
      if (name.isBlank()) {
        continue;
      }
      if (NEGATIVE.matcher(name).find()) {
        weight -= 25;
      }
      if (POSITIVE.matcher(name).find()) {
        weight += 25;
      }
    }
    if ("articleBody".equals(el.attr("itemprop"))) {
      weight += 50;
    }
    return weight;
  }

  private static int commas(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '\u060C' || c == '\uFF0C' || c == '\u3001') {
        n++;
      }
    }
    return n;
  }

  static double linkDensity(Element el) {
    int length = el.text().length();
    if (length == 0) {
      return 0;
    }
    int links = 0;
    for (Element a : el.select("a")) {
      String href = a.attr("href");
      double coefficient = href.startsWith("#") ? 0.3 : 1;
      links += (int) (a.text().length() * coefficient);
    }
    return Math.min(1.0, (double) links / length);
  }

  /** The top candidate and those siblings that score well or read like article paragraphs. */
  private List<Element> withSiblings(Element top) {
    Element parent = top.parent();
    if (parent == null) {
      return List.of(top);
    }
    double topScore = scores.get(top);
    double threshold = Math.max(10, topScore * 0.2);
    String topClass = top.className();
    List<Element> parts = new ArrayList<>();
    for (Element sibling : parent.children()) {
      if (sibling == top) {
        parts.add(sibling);
        continue;
      }
      double bonus =
          !topClass.isEmpty() && sibling.className().equals(topClass) ? topScore * 0.2 : 0;
      Double score = scores.get(sibling);
      if (score != null && score + bonus >= threshold) {
        parts.add(sibling);
      } else if (sibling.tagName().equals("p") || isParagraph(sibling)) {
        // a div of inline text only is a paragraph in disguise (Readability turns such divs
        // into p before it scores): a lead set apart from the body, say
        String text = sibling.text();
        double density = linkDensity(sibling);
        if ((text.length() > 80 && density < 0.25)
            || (text.length() > 0 && density == 0 && text.matches(".*\\.( |$).*"))) {
          parts.add(sibling);
        }
      }
    }
    return parts;
  }
}
