package io.newspipe.ingest.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.Signal;
import io.newspipe.schemas.Subject;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * IPTC ninjs 1.x, 2.x and 3.x documents (one object, an array of them, or one per line) to
 * articles. The versions spell the same things differently ({@code headline} vs {@code
 * headlines[]}, {@code body_text} vs {@code bodies[]}, {@code versioncreated} vs {@code
 * versionCreated}); every spelling is read.
 *
 * <p>A document cannot be read (a {@link ParseException}, so it is dead-lettered) when it is not an
 * object, has no {@code uri}, or carries a field newspipe reads with the wrong JSON type or an
 * unknown value ({@code pubStatus}, {@code urgency}). Everything else the ninjs schema demands is
 * checked by {@link io.newspipe.ingest.format.validate.NinjsValidator}, whose findings are logged
 * while the article is published.
 */
final class NinjsFormat {

  // Duplicate keys are tolerated (the last wins): real agency output has them.
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> PUB_STATUSES = Set.of("usable", "withheld", "canceled");

  private final Clock clock;

  NinjsFormat(Clock clock) {
    this.clock = clock;
  }

  List<Article> parse(String json, Origin origin) throws ParseException {
    return toArticles(read(json, origin), origin);
  }

  /**
   * The JSON values of a ninjs document: one object, an array, or several values one after the
   * other (one per line).
   *
   * @throws ParseException if the text is not JSON
   */
  static List<JsonNode> read(String json, Origin origin) throws ParseException {
    List<JsonNode> values = new ArrayList<>();
    try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(json)) {
      while (it.hasNextValue()) {
        values.add(it.nextValue());
      }
    } catch (JsonProcessingException e) {
      throw new ParseException(
          origin.description(), "not valid JSON (" + e.getOriginalMessage() + ")", e);
    } catch (IOException | RuntimeException e) {
      Throwable cause = e.getCause() instanceof JsonProcessingException j ? j : e;
      throw new ParseException(
          origin.description(), "not valid JSON (" + cause.getMessage() + ")", e);
    }
    return values;
  }

  /** One article per ninjs object in {@code values} (arrays are collections of objects). */
  List<Article> toArticles(List<JsonNode> values, Origin origin) throws ParseException {
    List<Article> articles = new ArrayList<>();
    for (JsonNode value : values) {
      if (value.isArray()) {
        for (JsonNode item : value) {
          articles.add(toArticle(item, origin));
        }
      } else {
        articles.add(toArticle(value, origin));
      }
    }
    return articles;
  }

  private Article toArticle(JsonNode node, Origin origin) throws ParseException {
    String where = origin.description();
    if (!node.isObject()) {
      throw new ParseException(where, "a ninjs document must be a JSON object");
    }
    String uri = Json.text(node, where, "uri");
    if (ArticleIds.isBlank(uri)) {
      throw new ParseException(where, "a ninjs document needs a \"uri\" (its identifier)");
    }
    String html =
        firstNonBlank(Json.text(node, where, "body_xhtml", "body_html"), body(node, where, true));
    String bodyText = firstNonBlank(Json.text(node, where, "body_text"), body(node, where, false));
    String body = bodyText != null ? PlainText.paragraphs(bodyText) : PlainText.fromHtml(html);
    String summary =
        firstNonBlank(
            Json.text(node, where, "description_text", "description_html", "description_usage"),
            roleValue(node, where, "descriptions", "summary"));
    String headline = PlainText.paragraphs(headline(node, where));
    if (ArticleIds.isBlank(headline)) {
      headline =
          firstNonBlank(
              Json.text(node, where, "slugline", "title"),
              summary == null ? null : PlainText.fromMaybeHtml(summary),
              uri);
    }
    headline = headline.replace(PlainText.PARAGRAPH_BREAK, " ").strip();
    String subheadline = roleValue(node, where, "headlines", "sub");
    Instant published =
        Times.parse(Json.text(node, where, "firstcreated", "firstCreated"), "firstCreated", where);
    String sourceLanguage = Json.text(node, where, "language");
    return Article.newBuilder()
        .setId(ArticleIds.forFeedItem(origin.sourceId(), uri, null, headline, published))
        .setVersion(ArticleIds.FIRST_VERSION)
        .setSource(origin.source(Format.NINJS))
        .setGuid(uri.strip())
        .setUrl(null)
        .setHeadline(headline)
        .setSubheadline(subheadline)
        .setByline(Json.text(node, where, "by", "byline"))
        .setLocated(located(node, where))
        .setLanguage(Languages.toBcp47(sourceLanguage))
        .setBody(body == null ? "" : body)
        .setSummary(summary)
        .setHtml(html)
        .setPublishedAt(published)
        .setUpdatedAt(
            Times.parse(
                Json.text(node, where, "versioncreated", "versionCreated"),
                "versionCreated",
                where))
        .setReceivedAt(clock.instant())
        .setUrgency(urgency(node, where))
        .setSignal(signal(node, where))
        .setEmbargoUntil(
            Times.parse(Json.text(node, where, "embargoed", "embargoedUntil"), "embargoed", where))
        .setSubjects(subjects(node, where))
        .setRights(Json.text(node, where, "copyrightnotice", "copyrightNotice"))
        .setContentHash(ContentHash.of(headline, subheadline, body))
        .build();
  }

  private static String headline(JsonNode node, String where) throws ParseException {
    String single = Json.text(node, where, "headline");
    if (!ArticleIds.isBlank(single)) {
      return single;
    }
    String main = roleValue(node, where, "headlines", "main");
    return main != null ? main : roleValue(node, where, "headlines", null);
  }

  /** ninjs 3 {@code bodies[]}: the first text/plain (or HTML when {@code html}) body. */
  private static String body(JsonNode node, String where, boolean html) throws ParseException {
    JsonNode bodies = Json.array(node, where, "bodies");
    for (JsonNode b : bodies) {
      String type = Json.text(b, where, "contentType");
      boolean isHtml = type != null && type.contains("html");
      String value = Json.text(b, where, "value");
      if (isHtml == html && !ArticleIds.isBlank(value)) {
        return value;
      }
    }
    return null;
  }

  /** The value of the element with {@code role} (any element when null) in an array field. */
  private static String roleValue(JsonNode node, String where, String field, String role)
      throws ParseException {
    for (JsonNode e : Json.array(node, where, field)) {
      String value = Json.text(e, where, "value");
      if ((role == null || role.equals(Json.text(e, where, "role")))
          && !ArticleIds.isBlank(value)) {
        return value;
      }
    }
    return null;
  }

  private static String located(JsonNode node, String where) throws ParseException {
    JsonNode located = node.get("located");
    if (located == null || located.isNull()) {
      return null;
    }
    if (located.isTextual()) {
      return located.asText();
    }
    if (located.isObject()) {
      return Json.text(located, where, "name");
    }
    throw new ParseException(where, "\"located\" must be a string or an object with a name");
  }

  private static Integer urgency(JsonNode node, String where) throws ParseException {
    JsonNode u = node.get("urgency");
    if (u == null || u.isNull()) {
      return null;
    }
    if (!u.isIntegralNumber() || u.asInt() < 0 || u.asInt() > 9) {
      throw new ParseException(where, "\"urgency\" must be an integer from 1 (highest) to 9");
    }
    return u.asInt();
  }

  private static Signal signal(JsonNode node, String where) throws ParseException {
    String status = Json.text(node, where, "pubstatus", "pubStatus");
    Signal signal = null;
    if (status != null) {
      if (!PUB_STATUSES.contains(status)) {
        throw new ParseException(
            where, "\"pubStatus\" '" + status + "' is not one of usable, withheld, canceled");
      }
      signal = Signals.ofPubStatus(status);
    }
    for (JsonNode s : Json.array(node, where, "signals")) {
      String code = s.isTextual() ? s.asText() : Json.text(s, where, "uri", "literal", "name");
      signal = Signals.stronger(signal, Signals.ofSignal(code));
    }
    return signal == null ? Signal.USABLE : signal;
  }

  private static List<Subject> subjects(JsonNode node, String where) throws ParseException {
    List<Subject> subjects = new ArrayList<>();
    for (String field : List.of("subject", "subjects")) {
      for (JsonNode s : Json.array(node, where, field)) {
        if (!s.isObject()) {
          throw new ParseException(where, "every entry of \"" + field + "\" must be an object");
        }
        String code =
            IptcCodes.qualify(firstNonBlank(Json.text(s, where, "code", "literal", "uri")));
        String name = firstNonBlank(Json.text(s, where, "name"), code);
        if (name != null) {
          String scheme = firstNonBlank(Json.text(s, where, "scheme"), IptcCodes.schemeOf(code));
          subjects.add(Subject.newBuilder().setName(name).setCode(code).setScheme(scheme).build());
        }
      }
    }
    return subjects;
  }

  static String firstNonBlank(String... values) {
    for (String v : values) {
      if (!ArticleIds.isBlank(v)) {
        return v;
      }
    }
    return null;
  }
}
