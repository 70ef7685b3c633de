package io.newspipe.ingest.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.Subject;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One article per line as a JSON object, the shape {@code newspipe parse} prints and other tools
 * pipe in: {@code {"id"?, "headline", "body", "subheadline"?, "byline"?, "url"?, "guid"?,
 * "language"?, "summary"?, "html"?, "publishedAt"?, "updatedAt"?, "urgency"?, "subjects"?,
 * "rights"?}}. Times are ISO-8601 strings or epoch milliseconds; subjects are strings or {@code
 * {"name","code","scheme"}} objects. Without an id, one is derived like a feed item's.
 */
final class JsonLinesFormat {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Clock clock;

  JsonLinesFormat(Clock clock) {
    this.clock = clock;
  }

  /** Parses one line; {@code where} names it in errors (e.g. "stdin line 3"). */
  Article parseLine(String line, Origin origin, String where) throws ParseException {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new ParseException(
          where, "not a JSON object (" + e.getOriginalMessage() + "): one article per line", e);
    }
    if (node == null || !node.isObject()) {
      throw new ParseException(where, "not a JSON object: one article object per line");
    }
    String headline = text(node, "headline");
    String body = text(node, "body");
    if (ArticleIds.isBlank(headline) || body == null) {
      throw new ParseException(
          where, "an article line needs at least a non-empty \"headline\" and a \"body\"");
    }
    Instant published = time(node, "publishedAt", where);
    String guid = text(node, "guid");
    String url = text(node, "url");
    String subheadline = text(node, "subheadline");
    String id = text(node, "id");
    if (ArticleIds.isBlank(id)) {
      id = ArticleIds.forFeedItem(origin.sourceId(), guid, url, headline, published);
    }
    return Article.newBuilder()
        .setId(id)
        .setVersion(ArticleIds.FIRST_VERSION)
        .setSource(origin.source(Format.JSON_LINES))
        .setGuid(guid)
        .setUrl(url)
        .setHeadline(headline.strip())
        .setSubheadline(subheadline)
        .setByline(text(node, "byline"))
        .setDateline(text(node, "dateline"))
        .setLocated(text(node, "located"))
        .setLanguage(Languages.toBcp47(text(node, "language")))
        .setBody(body)
        .setSummary(text(node, "summary"))
        .setHtml(text(node, "html"))
        .setPublishedAt(published)
        .setUpdatedAt(time(node, "updatedAt", where))
        .setReceivedAt(clock.instant())
        .setUrgency(node.hasNonNull("urgency") ? node.get("urgency").asInt() : null)
        .setSubjects(subjects(node))
        .setRights(text(node, "rights"))
        .setContentHash(ContentHash.of(headline, subheadline, body))
        .build();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Instant time(JsonNode node, String field, String where) throws ParseException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber()) {
      return Instant.ofEpochMilli(value.asLong());
    }
    try {
      return OffsetDateTime.parse(value.asText()).toInstant();
    } catch (DateTimeParseException e) {
      throw new ParseException(
          where,
          "\""
              + field
              + "\" is not a time: use ISO-8601 with an offset (2024-04-26T09:30:00Z) or epoch"
              + " milliseconds",
          e);
    }
  }

  private static List<Subject> subjects(JsonNode node) {
    List<Subject> subjects = new ArrayList<>();
    JsonNode array = node.get("subjects");
    if (array == null || !array.isArray()) {
      return subjects;
    }
    for (JsonNode s : array) {
      String name = s.isObject() ? text(s, "name") : s.asText();
      if (!ArticleIds.isBlank(name)) {
        subjects.add(
            Subject.newBuilder()
                .setName(name)
                .setCode(s.isObject() ? text(s, "code") : null)
                .setScheme(s.isObject() ? text(s, "scheme") : null)
                .build());
      }
    }
    return subjects;
  }
}
