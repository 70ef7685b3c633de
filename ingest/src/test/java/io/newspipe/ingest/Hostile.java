package io.newspipe.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Hostile documents, generated at test time (the large ones are never committed): what an attacker
 * or a broken producer sends. Shared by the hostile-input corpus, the acceptance ITs and the fuzz
 * target's seeds.
 */
public final class Hostile {

  /** Deep enough to overflow any recursive walk on a default thread stack. */
  public static final int DEEP = 100_000;

  private Hostile() {}

  /** An RSS item whose description nests {@code <a>} {@code depth} deep (ROME's XMLOutputter). */
  public static byte[] nestedRss(int depth) {
    return utf8(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Deep</title>"
            + "<item><guid>deep-1</guid><title>Deep item</title><description>"
            + "<a>".repeat(depth)
            + "x"
            + "</a>".repeat(depth)
            + "</description></item></channel></rss>");
  }

  /** An Atom entry whose {@code <content type="xhtml">} nests {@code <div>} {@code depth} deep. */
  public static byte[] nestedAtom(int depth) {
    return utf8(
        "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Deep</title>"
            + "<id>urn:deep</id><updated>2025-01-01T00:00:00Z</updated>"
            + "<entry><id>urn:deep:1</id><title>Deep entry</title>"
            + "<updated>2025-01-01T00:00:00Z</updated><content type=\"xhtml\">"
            + "<div xmlns=\"http://www.w3.org/1999/xhtml\">"
            + "<div>".repeat(depth)
            + "x"
            + "</div>".repeat(depth)
            + "</div></content></entry></feed>");
  }

  /** Unclosed tags nesting {@code depth} deep: not well-formed, so the lenient reader sees it. */
  public static byte[] unclosedNesting(int depth) {
    return utf8(
        "<rss version=\"2.0\"><channel><title>Open</title><item><title>Open item</title>"
            + "<description>"
            + "<b>".repeat(depth));
  }

  /** The same nesting, escaped as HTML text inside the description (jsoup, not XML, sees it). */
  public static byte[] escapedNestedHtml(int depth) {
    return utf8(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Esc</title>"
            + "<item><guid>esc-1</guid><title>Escaped deep item</title><description>"
            + "&lt;a&gt;".repeat(depth)
            + "x"
            + "&lt;/a&gt;".repeat(depth)
            + "</description></item></channel></rss>");
  }

  /** A feed with {@code items} items (each a guid and a title). */
  public static byte[] manyItems(int items) {
    StringBuilder sb =
        new StringBuilder(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Many</title>");
    for (int i = 0; i < items; i++) {
      sb.append("<item><guid>g")
          .append(i)
          .append("</guid><title>t")
          .append(i)
          .append("</title></item>");
    }
    return utf8(sb.append("</channel></rss>").toString());
  }

  /** ninjs whose body nests arrays {@code depth} deep. */
  public static byte[] deepJson(int depth) {
    return utf8(
        "{\"uri\":\"urn:deep\",\"headline\":\"Deep\",\"extra\":"
            + "[".repeat(depth)
            + "]".repeat(depth)
            + "}");
  }

  /** A plain RSS feed with one item, the kind every source must still publish afterwards. */
  public static byte[] goodRss(String guid, String title) {
    return utf8(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Good</title><item><guid>"
            + guid
            + "</guid><title>"
            + title
            + "</title><description>A normal story.</description></item></channel></rss>");
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
