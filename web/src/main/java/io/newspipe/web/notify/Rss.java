package io.newspipe.web.notify;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.javalin.http.Context;
import io.newspipe.schemas.Alert;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.Watch;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * RSS 2.0 feeds written with ROME: the matches of a saved search and the alerts. Item text is plain
 * text (ROME escapes it), never feed HTML; links point at the article's own URL when it has one,
 * else at the article in this UI.
 */
final class Rss {
  private Rss() {}

  static SyndFeed watchFeed(String base, Watch watch, List<TaggedArticle> matches) {
    SyndFeed feed =
        feed(
            "newspipe: " + watch.getName(),
            base + "watches.html#" + watch.getId(),
            "Articles matching the saved search '" + watch.getQuery() + "'");
    List<SyndEntry> entries = new ArrayList<>();
    for (TaggedArticle t : matches) {
      Article a = t.getArticle();
      SyndEntry e = new SyndEntryImpl();
      e.setTitle(a.getHeadline());
      e.setLink(a.getUrl() != null ? a.getUrl() : articleLink(base, a.getId()));
      e.setUri(a.getId());
      e.setPublishedDate(
          Date.from(a.getPublishedAt() != null ? a.getPublishedAt() : a.getReceivedAt()));
      e.setDescription(
          text(a.getSubheadline() != null ? a.getSubheadline() : excerpt(a.getBody())));
      entries.add(e);
    }
    feed.setEntries(entries);
    return feed;
  }

  static SyndFeed alertFeed(String base, List<Alert> alerts) {
    SyndFeed feed =
        feed("newspipe alerts", base + "watches.html", "Alerts raised by newspipe's rules");
    List<SyndEntry> entries = new ArrayList<>();
    for (Alert a : alerts) {
      SyndEntry e = new SyndEntryImpl();
      e.setTitle(
          "["
              + a.getRuleId()
              + "] "
              + (a.getHeadline() == null ? a.getMessage() : a.getHeadline()));
      e.setLink(
          a.getUrl() != null
              ? a.getUrl()
              : a.getArticleId() == null ? base : articleLink(base, a.getArticleId()));
      e.setUri("alert:" + a.getId());
      e.setPublishedDate(Date.from(a.getFiredAt()));
      e.setDescription(text(a.getMessage()));
      entries.add(e);
    }
    feed.setEntries(entries);
    return feed;
  }

  static void send(Context ctx, SyndFeed feed) {
    try {
      String xml = new SyndFeedOutput().outputString(feed);
      ctx.header("Cache-Control", "no-cache");
      ctx.contentType("application/rss+xml; charset=utf-8");
      ctx.result(xml);
    } catch (FeedException e) {
      throw new IllegalStateException("cannot write the feed " + feed.getTitle(), e);
    }
  }

  private static SyndFeed feed(String title, String link, String description) {
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType("rss_2.0");
    feed.setTitle(title);
    feed.setLink(link);
    feed.setDescription(description);
    feed.setEncoding("UTF-8");
    return feed;
  }

  private static String articleLink(String base, String id) {
    return base + "#article=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  private static SyndContent text(String value) {
    SyndContent c = new SyndContentImpl();
    c.setType("text/plain");
    c.setValue(value == null ? "" : value);
    return c;
  }

  private static String excerpt(String body) {
    if (body == null) {
      return "";
    }
    String flat = body.replaceAll("\\s+", " ").strip();
    return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
  }
}
