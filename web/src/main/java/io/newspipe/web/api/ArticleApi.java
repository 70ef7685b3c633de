package io.newspipe.web.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.newspipe.store.ArticleQueries;
import io.newspipe.store.PublishedPosition;
import io.newspipe.store.SearchHit;
import io.newspipe.store.StoredArticle;
import io.newspipe.store.StorySummary;
import io.newspipe.web.TagInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The store over HTTP: {@code GET /api/articles} (search when {@code q} is given, else newest
 * first; one row per story), {@code GET /api/articles/export}, {@code GET /api/articles/{id}},
 * {@code GET /api/stories/{storyId}} and {@code GET /api/tags}.
 */
public final class ArticleApi {
  static final int MAX_ID_CHARS = 1000;
  static final int STORY_LIMIT = 50;

  private final ArticleQueries store;
  private final List<TagInfo> tags;
  private final ExportApi export;

  public ArticleApi(ArticleQueries store, List<TagInfo> tags) {
    this.store = store;
    this.tags = List.copyOf(tags);
    this.export = new ExportApi(store);
  }

  public void routes(RoutesConfig routes) {
    routes.get("/api/articles", this::list);
    // Before <id>, which would take "export" for an article id.
    routes.get("/api/articles/export", export::handle);
    // <id> rather than {id}: file article ids contain '/' (seeds:world/xi.txt).
    routes.get("/api/articles/<id>", this::article);
    // Story ids are article ids (a story is named after its first article), so '/' again.
    routes.get("/api/stories/<storyId>", this::story);
    routes.get("/api/tags", ctx -> Responses.json(ctx, Map.of("tags", tags)));
  }

  void list(Context ctx) {
    ArticleRequest request = ArticleRequest.parse(ctx.queryParamMap());
    Map<String, Object> body = new LinkedHashMap<>();
    // One more than asked tells whether a next page exists, so 'next' is null on the last page.
    if (request.q() != null) {
      List<SearchHit> hits;
      try {
        hits = store.search(request.search(1));
      } catch (IllegalArgumentException e) {
        throw ApiException.badParameter("q", e.getMessage()); // e.g. only excluded words
      }
      boolean more = hits.size() > request.limit();
      List<SearchHit> page = more ? hits.subList(0, request.limit()) : hits;
      int offset = request.cursor() == null ? 0 : request.cursor().offset();
      body.put("articles", oneRowPerStory(page.stream().map(ArticleJson::item).toList()));
      body.put("next", more ? Cursor.searchOffset(offset + page.size()).encode() : null);
    } else {
      PublishedPosition before = request.cursor() == null ? null : request.cursor().before();
      List<StoredArticle> found = store.newest(request.filter(), before, request.limit() + 1);
      boolean more = found.size() > request.limit();
      List<StoredArticle> page = more ? found.subList(0, request.limit()) : found;
      body.put("articles", oneRowPerStory(page.stream().map(ArticleJson::item).toList()));
      body.put(
          "next",
          more ? Cursor.before(PublishedPosition.of(page.get(page.size() - 1))).encode() : null);
    }
    Responses.json(ctx, body);
  }

  /**
   * One row per story: the first (newest, or best) report of a story on the page stands for it,
   * with how many reports the story has and their sources; its other reports on the page are left
   * out. (A report of the same story on a later page is the UI's to fold.)
   */
  private List<ArticleJson.Item> oneRowPerStory(List<ArticleJson.Item> items) {
    Set<String> storyIds = new HashSet<>();
    items.forEach(i -> Optional.ofNullable(i.storyId()).ifPresent(storyIds::add));
    Map<String, StorySummary> stories = storyIds.isEmpty() ? Map.of() : store.stories(storyIds);
    Set<String> shown = new HashSet<>();
    List<ArticleJson.Item> rows = new ArrayList<>();
    for (ArticleJson.Item item : items) {
      if (item.storyId() != null && !shown.add(item.storyId())) {
        continue;
      }
      StorySummary story = item.storyId() == null ? null : stories.get(item.storyId());
      rows.add(
          story != null && story.reports() > 1
              ? item.withStory(story.reports(), story.sources())
              : item);
    }
    return rows;
  }

  void article(Context ctx) {
    String id = checkedId(ctx, "id", "article id");
    Optional<StoredArticle> article = store.article(id);
    if (article.isEmpty()) {
      throw new ApiException(404, "no article with id '" + id + "'", Map.of("id", id));
    }
    Responses.json(ctx, ArticleJson.view(article.get(), store.versionCount(id)));
  }

  /**
   * Every report of a story, the asked-for article included (the UI marks it): the newest {@value
   * #STORY_LIMIT} non-withdrawn ones, newest first, in the list shape.
   */
  void story(Context ctx) {
    String storyId = checkedId(ctx, "storyId", "story id");
    List<StoredArticle> members = store.storyMembers(storyId, STORY_LIMIT);
    if (members.isEmpty()) {
      throw new ApiException(
          404, "no article with story id '" + storyId + "'", Map.of("storyId", storyId));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("storyId", storyId);
    body.put("articles", members.stream().map(ArticleJson::item).toList());
    Responses.json(ctx, body);
  }

  private static String checkedId(Context ctx, String parameter, String what) {
    String id = ctx.pathParam(parameter);
    if (id.length() > MAX_ID_CHARS) {
      throw new ApiException(400, what + " is too long (at most " + MAX_ID_CHARS + " chars)");
    }
    return id;
  }
}
