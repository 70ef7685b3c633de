package io.newspipe.web.api;

import io.newspipe.store.ArticleFilter;
import io.newspipe.store.SearchQuery;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters of {@code GET /api/articles}, checked: every problem is a 400 that names the
 * parameter and says what would be accepted.
 *
 * @param q words to search for (web-search syntax), or null to browse newest first
 * @param filter which articles ({@link FilterParameters}: tags any/all, source, language, range)
 * @param limit articles per page, 1 to {@value #MAX_LIMIT}
 * @param cursor where the page starts, or null for the first page
 */
record ArticleRequest(String q, ArticleFilter filter, int limit, Cursor cursor) {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;
  static final int MAX_QUERY_CHARS = 500;
  static final Set<String> PARAMETERS = Set.of("q", "limit", "cursor");

  /**
   * @throws ApiException 400 for an unknown, repeated or malformed parameter
   */
  static ArticleRequest parse(Map<String, List<String>> parameters) {
    FilterParameters.checkNames(parameters, PARAMETERS);
    String q = FilterParameters.text(parameters, "q");
    ArticleFilter filter = FilterParameters.parse(parameters);
    int limit = limit(FilterParameters.text(parameters, "limit"));
    String cursorText = FilterParameters.text(parameters, "cursor");
    Cursor cursor = cursorText == null ? null : Cursor.decode(cursorText);
    if (q != null) {
      checkQuery(q);
    }
    if (cursor != null && cursor.isSearch() != (q != null)) {
      throw ApiException.badParameter(
          "cursor",
          "this cursor belongs to a "
              + (cursor.isSearch() ? "search" : "list without q")
              + "; page with the same parameters that returned it");
    }
    return new ArticleRequest(q, filter, limit, cursor);
  }

  /** The search of this request; only when {@code q} was given. */
  SearchQuery search(int extra) {
    int offset = cursor == null ? 0 : cursor.offset();
    return new SearchQuery(q, filter, limit + extra, offset);
  }

  private static void checkQuery(String q) {
    if (q.length() > MAX_QUERY_CHARS) {
      throw ApiException.badParameter(
          "q", "q is " + q.length() + " characters long; use at most " + MAX_QUERY_CHARS);
    }
    try {
      SearchQuery.of(q);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter("q", e.getMessage());
    }
  }

  private static int limit(String text) {
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    int limit;
    try {
      limit = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.badParameter(
          "limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + text + "'");
    }
    return limit;
  }
}
