package io.newspipe.web.api;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.newspipe.store.ArticleFilter;
import io.newspipe.store.ArticleQueries;
import io.newspipe.store.StoredArticle;
import io.newspipe.web.TagInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Feeds per tag, written with ROME: {@code GET /feeds/tags/{id}.xml} (RSS 2.0; {@code ?format=atom}
 * for Atom) and {@code GET /feeds/tags/{id}.atom} (Atom 1.0), the newest {@value #DEFAULT_ITEMS}
 * articles with the tag ({@code ?limit=} up to {@value #MAX_ITEMS}). Item text is plain text (the
 * feed's own markup removed, characters XML cannot carry dropped) and declared as such, so no
 * reader renders an article's HTML; links are the article's own http(s) link, else its page in the
 * UI.
 */
public final class TagFeeds {
  static final int DEFAULT_ITEMS = 50;
  static final int MAX_ITEMS = 200;

  private final ArticleQueries store;
  private final List<TagInfo> tags;

  public TagFeeds(ArticleQueries store, List<TagInfo> tags) {
    this.store = store;
    this.tags = List.copyOf(tags);
  }

  public void routes(RoutesConfig routes) {
    routes.get("/feeds/tags/{file}", this::feed);
  }

  void feed(Context ctx) {
    String file = ctx.pathParam("file");
    boolean atom;
    String tagId;
    if (file.endsWith(".atom")) {
      atom = true;
      tagId = file.substring(0, file.length() - ".atom".length());
    } else if (file.endsWith(".xml")) {
      String format = Optional.ofNullable(ctx.queryParam("format")).orElse("rss");
      if (!format.equals("rss") && !format.equals("atom")) {
        throw ApiException.badParameter(
            "format", "format must be rss or atom, got '" + format + "'");
      }
      atom = format.equals("atom");
      tagId = file.substring(0, file.length() - ".xml".length());
    } else {
      throw new ApiException(
          404, "no feed " + ctx.path() + "; use /feeds/tags/{tag}.xml or /feeds/tags/{tag}.atom");
    }
    String tag = FilterParameters.tag(tagId);
    TagInfo info = tags.stream().filter(t -> t.id().equals(tag)).findFirst().orElse(null);
    if (info == null && !tags.isEmpty()) {
      throw new ApiException(
          404, "no tag '" + tag + "' in the taxonomy; see /api/tags", Map.of("tag", tag));
    }
    int limit = limit(ctx.queryParam("limit"));
    List<StoredArticle> articles =
        store.newest(ArticleFilter.ALL.withTags(Set.of(tag)), null, limit);
    String base = ctx.scheme() + "://" + ctx.host() + "/";
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType(atom ? "atom_1.0" : "rss_2.0");
    String label = info == null ? tag : info.label();
    feed.setTitle("newspipe: " + xmlText(label));
    feed.setLink(base + "#/?tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8));
    feed.setUri(base + "feeds/tags/" + tag);
    feed.setDescription(
        xmlText(
            info == null || info.description().isBlank()
                ? "The newest articles tagged " + label
                : info.description()));
    feed.setPublishedDate(
        articles.isEmpty() ? new Date(0) : Date.from(PublishedTime.of(articles.get(0))));
    feed.setEntries(articles.stream().map(a -> entry(a, base)).toList());
    String xml;
    try {
      xml = new SyndFeedOutput().outputString(feed, true);
    } catch (FeedException e) {
      throw new IllegalStateException("cannot write the feed of tag " + tag, e);
    }
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType((atom ? "application/atom+xml" : "application/rss+xml") + "; charset=utf-8");
    ctx.result(xml);
  }

  private static SyndEntry entry(StoredArticle a, String base) {
    SyndEntry e = new SyndEntryImpl();
    String page = base + "#/article/" + URLEncoder.encode(a.id(), StandardCharsets.UTF_8);
    e.setTitle(xmlText(FeedText.plain(a.headline())));
    e.setLink(httpUrl(a.url()).orElse(page));
    e.setUri(page);
    e.setPublishedDate(Date.from(PublishedTime.of(a)));
    if (a.updatedAt() != null) {
      e.setUpdatedDate(Date.from(a.updatedAt()));
    }
    if (a.byline() != null) {
      e.setAuthor(xmlText(FeedText.plain(a.byline())));
    }
    SyndContent description = new SyndContentImpl();
    description.setType("text/plain");
    String summary = a.summary() != null ? a.summary() : a.body();
    description.setValue(xmlText(ArticleJson.excerpt(FeedText.plain(summary))));
    e.setDescription(description);
    return e;
  }

  /** Only web links: a javascript: or data: link from a feed never goes into ours. */
  private static Optional<String> httpUrl(String url) {
    if (url == null) {
      return Optional.empty();
    }
    try {
      String scheme = URI.create(url.strip()).getScheme();
      return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          ? Optional.of(url.strip())
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The text without the characters XML 1.0 cannot carry (most control characters). */
  static String xmlText(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder s = new StringBuilder(text.length());
    text.codePoints()
        .filter(
            c ->
                c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || c >= 0x10000)
        .forEach(s::appendCodePoint);
    return s.toString();
  }

  private static int limit(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_ITEMS;
    }
    try {
      int limit = Integer.parseInt(text.strip());
      if (limit >= 1 && limit <= MAX_ITEMS) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw ApiException.badParameter(
        "limit", "limit must be a whole number from 1 to " + MAX_ITEMS + ", got '" + text + "'");
  }
}
