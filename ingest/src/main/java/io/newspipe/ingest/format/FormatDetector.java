package io.newspipe.ingest.format;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells formats apart by content, not by file name: a feed saved as {@code .txt} is still a feed.
 * The name only decides between text and Markdown, which look the same to a machine.
 */
public final class FormatDetector {

  /** How far into a document to look for the root element (past comments and a DOCTYPE). */
  private static final int HEAD_BYTES = 64 * 1024;

  private static final Set<String> FEED_ROOTS = Set.of("rss", "RDF", "feed");
  private static final Set<String> NEWSML_ROOTS =
      Set.of(
          "newsItem",
          "newsMessage",
          "packageItem",
          "planningItem",
          "conceptItem",
          "knowledgeItem",
          "catalogItem");
  private static final Pattern JSON_FEED_VERSION =
      Pattern.compile("\"version\"\\s*:\\s*\"https?://jsonfeed\\.org/version/");
  private static final Pattern NINJS_KEY =
      Pattern.compile(
          "\"(uri|type|headline|headlines|bodies|body_text|body_xhtml|versioncreated"
              + "|versionCreated|\\$standard)\"\\s*:");

  private FormatDetector() {}

  /**
   * Detects the format of {@code bytes}. {@code fileName} may be null (stdin).
   *
   * <p>XML whose root is {@code rss}, {@code rdf:RDF} or {@code feed} is a feed; a document that
   * declares itself XML ({@code <?xml}) or starts with a DOCTYPE but has another root is {@link
   * Format#OTHER_XML}; a first line holding a JSON object means JSON lines; anything else is text.
   */
  public static Format detect(byte[] bytes, String fileName) {
    String head = head(bytes).stripLeading();
    if (head.startsWith("<")) {
      XmlProlog prolog = XmlProlog.scan(head);
      String root = prolog.rootLocalName();
      if (root != null && FEED_ROOTS.contains(root)) {
        return Format.FEED;
      }
      if (root != null && NEWSML_ROOTS.contains(root)) {
        return Format.NEWSML_G2;
      }
      boolean declaredXml = head.startsWith("<?xml") || prolog.doctype() != null;
      if (declaredXml && root == null) {
        // The root lies beyond what we looked at (e.g. behind a huge DOCTYPE): let the hardened
        // feed parser judge, it refuses anything dangerous.
        return Format.FEED;
      }
      if (declaredXml) {
        return Format.OTHER_XML;
      }
    }
    if (head.startsWith("{") || head.startsWith("[")) {
      return detectJson(head);
    }
    return isMarkdownName(fileName) ? Format.MARKDOWN : Format.TEXT;
  }

  /**
   * JSON Feed by its version URL; JSON lines when the first line is a complete object in the
   * article-line shape (no ninjs {@code uri}); ninjs otherwise, whose parser says what is wrong if
   * the document is neither.
   */
  private static Format detectJson(String head) {
    if (JSON_FEED_VERSION.matcher(head).find()) {
      return Format.JSON_FEED;
    }
    int eol = head.indexOf('\n');
    String firstLine = (eol < 0 ? head : head.substring(0, eol)).strip();
    if (firstLine.startsWith("{") && firstLine.endsWith("}")) {
      boolean ninjs = firstLine.contains("\"uri\"") && !firstLine.contains("\"body\"");
      return ninjs ? Format.NINJS : Format.JSON_LINES;
    }
    // A multi-line JSON document is not JSON lines; one with ninjs keys is read as ninjs (whose
    // parser names what is missing), anything else stays text, as a headline may start with '{'.
    return NINJS_KEY.matcher(head).find() || head.startsWith("[") ? Format.NINJS : Format.TEXT;
  }

  /** True if the document starts like an HTML page ({@code <!DOCTYPE html>}, {@code <html>}). */
  public static boolean looksLikeHtml(byte[] bytes) {
    String head = head(bytes).stripLeading().toLowerCase(Locale.ROOT);
    return head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<body");
  }

  static boolean isMarkdownName(String fileName) {
    if (fileName == null) {
      return false;
    }
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".md") || lower.endsWith(".markdown");
  }

  /** The first bytes as text, good enough to read ASCII markup whatever the real encoding. */
  private static String head(byte[] bytes) {
    ByteOrderMark bom = ByteOrderMark.of(bytes);
    if (bom != null && !bom.charset().equals(StandardCharsets.UTF_8)) {
      return bom.decode(bytes, HEAD_BYTES);
    }
    int length = Math.min(bytes.length, HEAD_BYTES);
    int offset = bom == null ? 0 : bom.length();
    return new String(bytes, offset, Math.max(0, length - offset), StandardCharsets.ISO_8859_1);
  }
}
