package io.newspipe.web.api;

import io.newspipe.read.Dates;
import io.newspipe.schemas.Topics;
import io.newspipe.store.SearchQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters of {@code GET /api/articles}, checked: every problem is a 400 that names the
 * parameter and says what would be accepted.
 *
 * @param q words to search for (web-search syntax), or null to browse newest first
 * @param tag only articles with this tag id, or null
 * @param since only articles published at or after this, or null
 * @param until only articles published before this, or null
 * @param limit articles per page, 1 to {@value #MAX_LIMIT}
 * @param cursor where the page starts, or null for the first page
 */
record ArticleRequest(
    String q, String tag, Instant since, Instant until, int limit, Cursor cursor) {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;
  static final int MAX_QUERY_CHARS = 500;
  static final Set<String> PARAMETERS =
      new TreeSet<>(List.of("q", "tag", "since", "until", "limit", "cursor"));

  /**
   * @throws ApiException 400 for an unknown, repeated or malformed parameter
   */
  static ArticleRequest parse(Map<String, List<String>> parameters) {
    for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
      if (!PARAMETERS.contains(p.getKey())) {
        throw ApiException.badParameter(
            p.getKey(),
            "unknown parameter '" + p.getKey() + "'; use " + String.join(", ", PARAMETERS));
      }
      if (p.getValue().size() > 1) {
        throw ApiException.badParameter(
            p.getKey(), "parameter '" + p.getKey() + "' is given more than once; give it once");
      }
    }
    String q = text(parameters, "q");
    String tag = tag(text(parameters, "tag"));
    Instant since = date(parameters, "since", false);
    Instant until = date(parameters, "until", true);
    if (since != null && until != null && !since.isBefore(until)) {
      throw ApiException.badParameter(
          "until", "until (" + until + ") must be after since (" + since + ")");
    }
    int limit = limit(text(parameters, "limit"));
    String cursorText = text(parameters, "cursor");
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
    return new ArticleRequest(q, tag, since, until, limit, cursor);
  }

  /** The search of this request; only when {@code q} was given. */
  SearchQuery search(int extra) {
    int offset = cursor == null ? 0 : cursor.offset();
    return new SearchQuery(q, tag, null, null, since, until, limit + extra, offset, false);
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

  /** The parameter's value, or null when absent or blank. */
  private static String text(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    if (values == null || values.isEmpty() || values.get(0).isBlank()) {
      return null;
    }
    return values.get(0).strip();
  }

  private static String tag(String tag) {
    if (tag == null) {
      return null;
    }
    try {
      Topics.tag(tag); // the one definition of a valid tag id
      return tag;
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter(
          "tag", e.getMessage() + "; see /api/tags for the tags there are");
    }
  }

  private static Instant date(Map<String, List<String>> parameters, String name, boolean end) {
    String text = text(parameters, name);
    if (text == null) {
      return null;
    }
    try {
      return end ? Dates.until(text) : Dates.since(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter(name, name + ": " + e.getMessage());
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
