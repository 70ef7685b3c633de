package io.newspipe.web.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.newspipe.read.TopicTail;
import io.newspipe.read.watch.WatchBook;
import io.newspipe.schemas.Alert;
import io.newspipe.schemas.Delivery;
import io.newspipe.schemas.EventMaps;
import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.TopicSet;
import io.newspipe.schemas.Topics;
import io.newspipe.schemas.Watch;
import io.newspipe.store.QueryMatcher;
import io.newspipe.web.api.ApiException;
import io.newspipe.web.api.Responses;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Saved searches, their matches, alerts and webhook deliveries over HTTP, and their RSS feeds:
 *
 * <ul>
 *   <li>{@code GET /api/watches}, {@code POST /api/watches} (JSON {@code {name, query, tags,
 *       allTags, sources, languages}}), {@code DELETE /api/watches/{id}}
 *   <li>{@code GET /api/watches/{id}/matches?limit=N}: newest matches first (what the UI polls)
 *   <li>{@code GET /api/alerts?limit=N}, {@code GET /api/deliveries}
 *   <li>{@code GET /feeds/watches/{id}.xml}, {@code GET /feeds/alerts.xml}: RSS 2.0
 * </ul>
 *
 * Everything is read from Kafka (news.watches, news.watch.&lt;id&gt;, news.alerts,
 * news.alerts.deliveries), so every web instance answers the same.
 */
public final class NotifyApi {
  static final int MAX_LIMIT = 200;
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIST_ITEMS = 50;
  static final int MAX_ITEM_CHARS = 200;
  static final int MAX_QUERY_CHARS = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Object> clientProps;
  private final TopicSet topics;
  private final WatchBook book;

  public NotifyApi(Map<String, Object> clientProps, TopicSet topics, WatchBook book) {
    this.clientProps = new HashMap<>(clientProps);
    this.topics = topics;
    this.book = book;
  }

  public void routes(RoutesConfig routes) {
    routes.get("/api/watches", ctx -> Responses.json(ctx, Map.of("watches", watches())));
    routes.post("/api/watches", this::create);
    routes.delete("/api/watches/{id}", this::delete);
    routes.get("/api/watches/{id}/matches", this::matches);
    routes.get("/api/alerts", this::alerts);
    routes.get("/api/deliveries", this::deliveries);
    routes.get("/feeds/watches/{file}", this::watchFeed);
    routes.get("/feeds/alerts.xml", this::alertFeed);
  }

  private List<Map<String, Object>> watches() {
    return book.list().stream().map(EventMaps::toMap).toList();
  }

  void create(Context ctx) {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/json")) {
      throw new ApiException(415, "send the saved search as application/json");
    }
    JsonNode body;
    try {
      body = JSON.readTree(ctx.bodyAsBytes());
    } catch (IOException e) {
      throw new ApiException(400, "the body is not JSON: " + e.getMessage());
    }
    if (body == null || !body.isObject()) {
      throw new ApiException(400, "the body must be a JSON object {name, query, ...}");
    }
    String name = text(body, "name");
    String query = text(body, "query");
    if (query == null) {
      throw ApiException.badParameter("query", "a saved search needs a query");
    }
    if (query.length() > MAX_QUERY_CHARS) {
      throw ApiException.badParameter("query", "at most " + MAX_QUERY_CHARS + " characters");
    }
    try {
      QueryMatcher.validate(query);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter("query", e.getMessage());
    }
    Watch watch;
    try {
      watch =
          book.add(
              name,
              query,
              list(body, "tags"),
              body.path("allTags").asBoolean(false),
              list(body, "sources"),
              list(body, "languages"));
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, e.getMessage());
    }
    Responses.json(ctx, 201, EventMaps.toMap(watch));
  }

  void delete(Context ctx) {
    String id = ctx.pathParam("id");
    if (!Topics.isValidWatchId(id) || !book.remove(id)) {
      throw new ApiException(404, "no saved search with id '" + id + "'", Map.of("id", id));
    }
    ctx.status(204);
  }

  void matches(Context ctx) {
    Watch watch = watch(ctx.pathParam("id"));
    int limit = limit(ctx);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("watch", EventMaps.toMap(watch));
    body.put(
        "matches", book.matches(watch.getId(), limit).stream().map(e -> item(e.value())).toList());
    Responses.json(ctx, body);
  }

  void alerts(Context ctx) {
    Responses.json(
        ctx, Map.of("alerts", newestAlerts(limit(ctx)).stream().map(EventMaps::toMap).toList()));
  }

  void deliveries(Context ctx) {
    List<Delivery> all =
        new ArrayList<>(TopicTail.latest(clientProps, topics.deliveries()).values());
    Collections.reverse(all);
    Responses.json(ctx, Map.of("deliveries", all.stream().map(EventMaps::toMap).toList()));
  }

  void watchFeed(Context ctx) {
    String file = ctx.pathParam("file");
    if (!file.endsWith(".xml")) {
      throw new ApiException(404, "no feed " + ctx.path());
    }
    Watch watch = watch(file.substring(0, file.length() - 4));
    List<TaggedArticle> matches =
        book.matches(watch.getId(), DEFAULT_LIMIT).stream().map(TopicTail.Entry::value).toList();
    Rss.send(ctx, Rss.watchFeed(base(ctx), watch, matches));
  }

  void alertFeed(Context ctx) {
    Rss.send(ctx, Rss.alertFeed(base(ctx), newestAlerts(DEFAULT_LIMIT)));
  }

  private List<Alert> newestAlerts(int limit) {
    List<Alert> alerts = new ArrayList<>();
    for (TopicTail.Entry<String, Alert> e : TopicTail.read(clientProps, topics.alerts(), limit)) {
      if (e.value() != null) {
        alerts.add(e.value());
      }
    }
    Collections.reverse(alerts);
    return alerts.size() > limit ? alerts.subList(0, limit) : alerts;
  }

  private Watch watch(String id) {
    if (!Topics.isValidWatchId(id)) {
      throw new ApiException(404, "no saved search with id '" + id + "'", Map.of("id", id));
    }
    return book.get(id)
        .orElseThrow(
            () -> new ApiException(404, "no saved search with id '" + id + "'", Map.of("id", id)));
  }

  private static String base(Context ctx) {
    return ctx.scheme() + "://" + ctx.host() + "/";
  }

  private static int limit(Context ctx) {
    String raw = ctx.queryParam("limit");
    if (raw == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int n = Integer.parseInt(raw);
      if (n < 1 || n > MAX_LIMIT) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badParameter("limit", "a number from 1 to " + MAX_LIMIT);
    }
  }

  /** One match as the UI lists it. */
  static Map<String, Object> item(TaggedArticle t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.getArticle().getId());
    m.put("version", t.getArticle().getVersion());
    m.put("headline", t.getArticle().getHeadline());
    m.put("source", t.getArticle().getSource() == null ? null : t.getArticle().getSource().getId());
    m.put("language", t.getArticle().getLanguage());
    m.put(
        "published",
        t.getArticle().getPublishedAt() == null
            ? t.getArticle().getReceivedAt().toString()
            : t.getArticle().getPublishedAt().toString());
    m.put("url", t.getArticle().getUrl());
    m.put("storyId", t.getStoryId());
    m.put("tags", t.getTags().stream().map(Tag::getId).toList());
    return m;
  }

  private static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw ApiException.badParameter(field, "must be a string");
    }
    return n.asText();
  }

  private static List<String> list(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray() || n.size() > MAX_LIST_ITEMS) {
      throw ApiException.badParameter(
          field, "must be a list of at most " + MAX_LIST_ITEMS + " strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : n) {
      if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > MAX_ITEM_CHARS) {
        throw ApiException.badParameter(
            field, "must be a list of non-empty strings of at most " + MAX_ITEM_CHARS + " chars");
      }
      out.add(item.asText().strip());
    }
    return out;
  }
}
