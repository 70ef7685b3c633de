package io.newspipe.ingest.fulltext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Removes what is never article text: scripts, navigation, forms, hidden elements. */
final class PageCleaner {

  private static final String NEVER_TEXT =
      "script, style, noscript, template, svg, canvas, iframe, object, embed, form, button,"
          + " select, input, textarea, nav, footer, aside, menu, dialog, link, meta, figcaption";

  private PageCleaner() {}

  static void clean(Document doc) {
    doc.select(NEVER_TEXT).remove();
    List<Element> hidden = new ArrayList<>();
    for (Element el : doc.getAllElements()) {
      if (isHidden(el)) {
        hidden.add(el);
      }
    }
    hidden.forEach(Element::remove);
  }

  private static boolean isHidden(Element el) {
    if (el.hasAttr("hidden") || "true".equals(el.attr("aria-hidden"))) {
      return true;
    }
    String style = el.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
    return style.contains("display:none") || style.contains("visibility:hidden");
  }
}
