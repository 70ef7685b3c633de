package io.newspipe.ingest.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.Source;
import io.newspipe.schemas.Subject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1) to articles, one per item. The format is
 * plain JSON read with Jackson; the mapping follows the spec: {@code id} is the guid, {@code
 * content_text} wins over {@code content_html} for the body, {@code summary} is kept, {@code
 * authors[]} (1.1) or {@code author} (1.0) make the byline, {@code tags} become subjects.
 */
final class JsonFeedFormat {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Clock clock;

  JsonFeedFormat(Clock clock) {
    this.clock = clock;
  }

  List<Article> parse(String json, Origin origin) throws ParseException {
    String where = origin.description();
    JsonNode feed;
    try {
      feed = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ParseException(where, "not valid JSON (" + e.getOriginalMessage() + ")", e);
    }
    if (feed == null || !feed.isObject()) {
      throw new ParseException(where, "a JSON Feed must be a JSON object");
    }
    String title = Json.text(feed, where, "title");
    Source source =
        origin.source(title == null ? null : title.strip(), Format.JSON_FEED.wireName());
    String language = Languages.toBcp47(Json.text(feed, where, "language"));
    List<Article> articles = new ArrayList<>();
    for (JsonNode item : Json.array(feed, where, "items")) {
      Article article = toArticle(item, source, language, where);
      if (article != null) {
        articles.add(article);
      }
    }
    return articles;
  }

  private Article toArticle(JsonNode item, Source source, String feedLanguage, String where)
      throws ParseException {
    if (!item.isObject()) {
      throw new ParseException(where, "every JSON Feed item must be an object");
    }
    JsonNode idNode = item.get("id");
    String guid = idNode == null || idNode.isNull() ? null : idNode.asText(); // 1.0 allowed numbers
    String html = Json.text(item, where, "content_html");
    String text = Json.text(item, where, "content_text");
    String summary = Json.text(item, where, "summary");
    String body =
        text != null
            ? PlainText.paragraphs(text)
            : html != null ? PlainText.fromHtml(html) : PlainText.fromMaybeHtml(summary);
    body = body == null ? "" : body;
    String headline = PlainText.fromMaybeHtml(Json.text(item, where, "title"));
    if (ArticleIds.isBlank(headline)) {
      if (body.isEmpty()) {
        return null;
      }
      headline = body.split(PlainText.PARAGRAPH_BREAK, 2)[0];
    }
    headline = headline.replace(PlainText.PARAGRAPH_BREAK, " ").strip();
    String url = Json.text(item, where, "url");
    Instant published =
        Times.parse(Json.text(item, where, "date_published"), "date_published", where);
    String language = Languages.toBcp47(Json.text(item, where, "language"));
    return Article.newBuilder()
        .setId(ArticleIds.forFeedItem(source.getId(), guid, url, headline, published))
        .setVersion(ArticleIds.FIRST_VERSION)
        .setSource(source)
        .setGuid(ArticleIds.isBlank(guid) ? null : guid.strip())
        .setUrl(url)
        .setHeadline(headline)
        .setByline(byline(item, where))
        .setLanguage(language != null ? language : feedLanguage)
        .setBody(body)
        .setSummary(summary)
        .setHtml(html)
        .setPublishedAt(published)
        .setUpdatedAt(Times.parse(Json.text(item, where, "date_modified"), "date_modified", where))
        .setReceivedAt(clock.instant())
        .setSubjects(tags(item, where))
        .setContentHash(ContentHash.of(headline, null, body))
        .build();
  }

  private static String byline(JsonNode item, String where) throws ParseException {
    List<String> names = new ArrayList<>();
    for (JsonNode author : Json.array(item, where, "authors")) {
      String name = Json.text(author, where, "name");
      if (!ArticleIds.isBlank(name)) {
        names.add(name.strip());
      }
    }
    JsonNode single = item.get("author");
    if (names.isEmpty() && single != null && single.isObject()) {
      String name = Json.text(single, where, "name");
      if (!ArticleIds.isBlank(name)) {
        names.add(name.strip());
      }
    }
    return names.isEmpty() ? null : String.join(", ", names);
  }

  private static List<Subject> tags(JsonNode item, String where) throws ParseException {
    List<Subject> subjects = new ArrayList<>();
    for (JsonNode tag : Json.array(item, where, "tags")) {
      if (tag.isTextual() && !tag.asText().isBlank()) {
        subjects.add(Subject.newBuilder().setName(tag.asText().strip()).build());
      }
    }
    return subjects;
  }
}
