package io.newspipe.ingest.format;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCSubject;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.Source;
import io.newspipe.schemas.Subject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Maps the entries of one parsed feed to articles; see {@link FeedFormat}. */
final class FeedEntries {

  /** Headlines derived from body text (items without a title) are cut at this length. */
  private static final int DERIVED_HEADLINE_CHARS = 160;

  private static final java.util.regex.Pattern AUTHOR_WITH_EMAIL =
      java.util.regex.Pattern.compile(
          "\\S+@\\S+\\s*\\((.+)\\)|(.+?)\\s*\\(\\S+@\\S+\\)|(.+?)\\s*<\\S+@\\S+>");

  private final Source source;
  private final boolean rdf;
  private final String language;
  private final String feedRights;

  FeedEntries(Source source, String language, SyndFeed feed) {
    this.source = source;
    this.rdf = "rss_1.0".equals(feed.getFeedType()) || "rss_0.9".equals(feed.getFeedType());
    this.language = language;
    this.feedRights = PlainText.fromMaybeHtml(feed.getCopyright());
  }

  /**
   * The article for one entry, or null if the entry carries neither a title nor any text (unless
   * {@code keepEmpty}, which gives it an empty headline: the conformance harness checks the other
   * fields of such entries).
   */
  Article toArticle(SyndEntry entry, EntryXml xml, Instant receivedAt, boolean keepEmpty) {
    EntryXml atom = xml != null && xml.isAtom() ? xml : null;
    EntryXml rss = xml != null && !xml.isAtom() ? xml : null;
    List<EntryXml.Text> atomContents = atom == null ? List.of() : atom.atomContents();
    EntryXml.Text atomSummary = atom == null ? null : atom.atomText("summary");
    EntryXml.RssExtras extras = rss == null ? EntryXml.RssExtras.NONE : rss.rssExtras();
    String body = atom != null ? atomBody(atomContents, atomSummary) : bodyOf(entry, extras);
    String headline = oneLine(atom != null ? atomTitle(entry, atom) : titleOf(entry));
    if (ArticleIds.isBlank(headline)) {
      if (body.isEmpty()) {
        if (!keepEmpty) {
          return null;
        }
        headline = "";
      } else {
        headline = derivedHeadline(body);
      }
    }
    Instant published = publishedOf(entry, rss);
    String guid = guidOf(entry);
    String link = blankToNull(entry.getLink());
    if (link == null && atom != null) {
      link = atom.atomLink();
    }
    return Article.newBuilder()
        .setId(ArticleIds.forFeedItem(source.getId(), guid, link, headline, published))
        .setVersion(ArticleIds.FIRST_VERSION)
        .setSource(source)
        .setGuid(guid)
        .setUrl(link)
        .setHeadline(headline)
        .setByline(bylineOf(entry, rss))
        .setLanguage(language)
        .setBody(body)
        .setSummary(atom != null ? valueOf(atomSummary) : summaryOf(entry, extras))
        .setHtml(atom != null ? htmlOf(atomContents) : htmlOf(entry, extras))
        .setPublishedAt(published)
        .setUpdatedAt(updatedOf(entry, rss))
        .setReceivedAt(receivedAt)
        .setSubjects(subjectsOf(entry, rss))
        .setRights(atom != null ? atomRights(atom) : rightsOf(entry))
        .setContentHash(ContentHash.of(headline, null, body))
        .build();
  }

  private static Instant publishedOf(SyndEntry entry, EntryXml rss) {
    Instant published = instant(entry.getPublishedDate());
    if (published == null && rss != null) {
      published = rss.dcTermsDate("issued");
    }
    return published;
  }

  /**
   * Atom updated (0.3: modified), else Dublin Core terms modified, else dc:date, which RSS 1.0
   * feeds use for the item's latest change.
   */
  private static Instant updatedOf(SyndEntry entry, EntryXml rss) {
    Instant updated = instant(entry.getUpdatedDate());
    if (updated == null && entry.getWireEntry() instanceof Entry atom) {
      updated = instant(atom.getModified());
    }
    if (updated == null && rss != null) {
      updated = rss.dcTermsDate("modified");
    }
    if (updated == null && rss != null) {
      updated = rss.dcDate();
    }
    return updated;
  }

  /** The source's own item id: RSS guid, RSS 1.0 rdf:about, Atom id. */
  private String guidOf(SyndEntry entry) {
    Object wire = entry.getWireEntry();
    if (wire instanceof Item item) {
      // Not SyndEntry/Item.getUri() for RSS 0.9x/2.0: ROME falls back to the link there, which
      // is not the source's id. In RDF feeds (RSS 0.90, 1.0) it is the item's rdf:about.
      String guid = item.getGuid() == null ? null : item.getGuid().getValue();
      return blankToNull(guid == null && rdf ? item.getUri() : guid);
    }
    if (wire instanceof Entry atom) {
      return blankToNull(atom.getId());
    }
    return blankToNull(entry.getUri());
  }

  private static String atomTitle(SyndEntry entry, EntryXml atom) {
    EntryXml.Text title = atom.atomText("title");
    return title == null ? titleOf(entry) : title.plain();
  }

  /** Plain text of an Atom entry's content, else of its summary. */
  private static String atomBody(List<EntryXml.Text> contents, EntryXml.Text summary) {
    String text =
        contents.stream()
            .map(EntryXml.Text::plain)
            .filter(t -> !t.isEmpty())
            .collect(Collectors.joining(PlainText.PARAGRAPH_BREAK));
    return text.isEmpty() && summary != null ? summary.plain() : text;
  }

  private static String valueOf(EntryXml.Text text) {
    return text == null ? null : blankToNull(text.value());
  }

  private static String htmlOf(List<EntryXml.Text> contents) {
    String html =
        contents.stream()
            .filter(EntryXml.Text::isHtml)
            .map(t -> t.value().strip())
            .collect(Collectors.joining("\n"));
    return blankToNull(html);
  }

  private String atomRights(EntryXml atom) {
    EntryXml.Text rights = atom.atomText("rights");
    String text = rights == null ? null : rights.plain();
    return ArticleIds.isBlank(text) ? rightsOf(null) : text;
  }

  private static String titleOf(SyndEntry entry) {
    if (ArticleIds.isBlank(entry.getTitle()) && dc(entry) != null) {
      return PlainText.fromMaybeHtml(dc(entry).getTitle()); // RSS items with only dc:title
    }
    SyndContent title = entry.getTitleEx();
    String type = title == null ? null : title.getType();
    if (isHtml(type)) {
      return PlainText.fromHtml(entry.getTitle());
    }
    if ("text".equals(type)) {
      return PlainText.paragraphs(entry.getTitle()); // Atom says plain: keep a literal '<'
    }
    return PlainText.fromMaybeHtml(entry.getTitle());
  }

  /** Plain text of the full content where there is one, else of the description. */
  private static String bodyOf(SyndEntry entry, EntryXml.RssExtras extras) {
    List<String> parts = new ArrayList<>();
    for (SyndContent content : entry.getContents()) {
      addText(parts, content, false);
    }
    EntryXml.Text extra = parts.isEmpty() ? extras.content() : null;
    if (extra != null && !extra.plain().isEmpty()) {
      parts.add(extra.plain());
    }
    if (parts.isEmpty() && entry.getDescription() != null) {
      // RSS descriptions are HTML by convention even when ROME cannot tell.
      addText(parts, entry.getDescription(), entry.getWireEntry() instanceof Item);
    }
    if (parts.isEmpty() && dc(entry) != null && dc(entry).getDescription() != null) {
      parts.add(PlainText.fromMaybeHtml(dc(entry).getDescription()));
    }
    return String.join(PlainText.PARAGRAPH_BREAK, parts);
  }

  private static void addText(List<String> parts, SyndContent content, boolean assumeHtml) {
    String value = content.getValue();
    if (value == null) {
      return;
    }
    String text =
        isHtml(content.getType()) || assumeHtml
            ? PlainText.fromHtml(value)
            : PlainText.paragraphs(value);
    if (!text.isEmpty()) {
      parts.add(text);
    }
  }

  private static String summaryOf(SyndEntry entry, EntryXml.RssExtras extras) {
    if (extras.summary() != null) {
      return blankToNull(extras.summary());
    }
    if (entry.getDescription() != null) {
      return entry.getDescription().getValue();
    }
    return dc(entry) == null ? null : dc(entry).getDescription();
  }

  private static DCModule dc(SyndEntry entry) {
    return entry.getModule(DCModule.URI) instanceof DCModule dc ? dc : null;
  }

  private static String htmlOf(SyndEntry entry, EntryXml.RssExtras extras) {
    String html =
        entry.getContents().stream()
            .filter(c -> isHtml(c.getType()) && c.getValue() != null)
            .map(SyndContent::getValue)
            .collect(Collectors.joining("\n"));
    if (html.isEmpty() && entry.getContents().isEmpty()) {
      html = extras.content() == null ? "" : extras.content().value().strip();
    }
    return html.isEmpty() ? null : html;
  }

  private static boolean isHtml(String type) {
    return type != null && type.toLowerCase(Locale.ROOT).contains("html");
  }

  private static String bylineOf(SyndEntry entry, EntryXml rss) {
    String byline = bylineOf(entry);
    String dcAuthor = rss == null ? null : rss.dcAuthor();
    return byline == null && dcAuthor != null ? nameOnly(dcAuthor) : byline;
  }

  private static String bylineOf(SyndEntry entry) {
    // getAuthor() is only the first of several Atom authors.
    String names =
        entry.getAuthors().stream()
            .map(SyndPerson::getName)
            .filter(n -> !ArticleIds.isBlank(n))
            .map(String::strip)
            .collect(Collectors.joining(", "));
    if (!names.isEmpty()) {
      return nameOnly(names);
    }
    if (dc(entry) != null && dc(entry).getCreators().size() > 1) {
      return dc(entry).getCreators().stream()
          .filter(n -> !ArticleIds.isBlank(n))
          .map(n -> nameOnly(n.strip()))
          .collect(Collectors.joining(", "));
    }
    return ArticleIds.isBlank(entry.getAuthor()) ? null : nameOnly(entry.getAuthor().strip());
  }

  /**
   * The name in an RSS author, which the spec makes an e-mail address and feeds write as {@code
   * me@example.com (Name)}, {@code Name (me@example.com)} or {@code Name <me@example.com>}: a
   * byline holds names, not addresses. A bare address is kept, as it is all there is.
   */
  static String nameOnly(String author) {
    var m = AUTHOR_WITH_EMAIL.matcher(author);
    if (m.matches()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      return ArticleIds.isBlank(name) ? author : name.strip();
    }
    return author;
  }

  /** Categories and Dublin Core subjects, once each. */
  private static List<Subject> subjectsOf(SyndEntry entry, EntryXml rss) {
    Map<String, Subject> subjects = new LinkedHashMap<>();
    if (rss != null) {
      rss.madeUpTags().forEach(tag -> add(subjects, tag, null));
    }
    for (SyndCategory category : entry.getCategories()) {
      add(subjects, category.getName(), category.getTaxonomyUri());
    }
    if (entry.getModule(DCModule.URI) instanceof DCModule dc) {
      for (DCSubject subject : dc.getSubjects()) {
        add(subjects, subject.getValue(), subject.getTaxonomyUri());
      }
    }
    return new ArrayList<>(subjects.values());
  }

  private static void add(Map<String, Subject> subjects, String name, String scheme) {
    if (ArticleIds.isBlank(name)) {
      return;
    }
    String label = name.strip();
    String domain = blankToNull(scheme);
    subjects.putIfAbsent(
        label + '\u0000' + domain,
        Subject.newBuilder().setName(label).setCode(null).setScheme(domain).build());
  }

  private String rightsOf(SyndEntry entry) {
    if (entry != null
        && entry.getWireEntry() instanceof Entry atom
        && !ArticleIds.isBlank(atom.getRights())) {
      return PlainText.fromMaybeHtml(atom.getRights());
    }
    if (entry != null && dc(entry) != null && !ArticleIds.isBlank(dc(entry).getRights())) {
      return PlainText.fromMaybeHtml(dc(entry).getRights());
    }
    return ArticleIds.isBlank(feedRights) ? null : feedRights;
  }

  private static String derivedHeadline(String body) {
    String firstParagraph = body.split(PlainText.PARAGRAPH_BREAK, 2)[0];
    if (firstParagraph.length() <= DERIVED_HEADLINE_CHARS) {
      return firstParagraph;
    }
    int cut = firstParagraph.lastIndexOf(' ', DERIVED_HEADLINE_CHARS);
    return firstParagraph.substring(0, cut > 0 ? cut : DERIVED_HEADLINE_CHARS) + "…";
  }

  private static String oneLine(String text) {
    return text == null ? null : text.replace(PlainText.PARAGRAPH_BREAK, " ").strip();
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static String blankToNull(String s) {
    return ArticleIds.isBlank(s) ? null : s.strip();
  }
}
