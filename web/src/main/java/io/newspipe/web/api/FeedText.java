package io.newspipe.web.api;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Feed text that may be HTML, made plain for the API. The store keeps a summary exactly as the
 * source gave it (RSS descriptions are HTML as often as not, {@code <script>} and {@code
 * javascript:} links included); the API serves only its text, so no client that puts a field into a
 * page as HTML can be made to run a feed's markup. Plain text rather than allow-listed HTML: the UI
 * shows every field as text, and text is what API clients search and display.
 */
public final class FeedText {
  private static final Pattern MARKUP_HINT = Pattern.compile("[<&]");

  // Elements whose content is not text a reader sees.
  private static final String INVISIBLE = "script, style, noscript, template, iframe, object";

  private FeedText() {}

  /**
   * The text of {@code maybeHtml}: elements removed (the content of script, style and the like
   * too), entities decoded, whitespace collapsed to single spaces; null stays null. Text without
   * {@code <} or {@code &} is returned as it is.
   */
  public static String plain(String maybeHtml) {
    if (maybeHtml == null || !MARKUP_HINT.matcher(maybeHtml).find()) {
      return maybeHtml;
    }
    // jsoup's parser is iterative, so markup nested 100,000 deep costs memory, not the stack.
    Document doc = Jsoup.parseBodyFragment(maybeHtml);
    doc.select(INVISIBLE).remove();
    return doc.body().text();
  }
}
