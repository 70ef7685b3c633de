package io.newspipe.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A full-text search of the store: words to find in headline and body, the {@link ArticleFilter} of
 * the articles to search, and the page wanted. The words use web-search syntax on every dialect:
 * words are all required, {@code "a phrase"} matches words in that order, {@code OR} between words
 * accepts either, {@code -word} excludes; anything else is taken as plain text, so no input is a
 * syntax error.
 *
 * <p>Build with {@link #of(String)} and the {@code with...} methods; each returns a copy.
 *
 * @param text the words to look for; must contain at least one letter or digit
 * @param filter which articles to search (tags any/all, source, language, time range, withdrawn)
 * @param limit page size, 1 to {@value #MAX_LIMIT}
 * @param offset hits to skip (page number times page size)
 */
public record SearchQuery(String text, ArticleFilter filter, int limit, int offset) {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 1000;

  /**
   * @throws IllegalArgumentException with a message for the person who typed the query
   */
  public SearchQuery {
    Objects.requireNonNull(text, "text");
    filter = filter == null ? ArticleFilter.ALL : filter;
    if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
      throw new IllegalArgumentException(
          "search query '" + text + "' has no words to look for; give at least one word");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "search limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("search offset must not be negative, got " + offset);
    }
  }

  /** All articles matching {@code text}, first page, withdrawn ones hidden. */
  public static SearchQuery of(String text) {
    return new SearchQuery(text, ArticleFilter.ALL, DEFAULT_LIMIT, 0);
  }

  /** Whether withdrawn (killed) articles are found too; false by default. */
  public boolean includeWithdrawn() {
    return filter.includeWithdrawn();
  }

  public SearchQuery withFilter(ArticleFilter articles) {
    return new SearchQuery(text, articles, limit, offset);
  }

  public SearchQuery withTag(String tagId) {
    return withFilter(filter.withTags(tagId == null ? Set.of() : Set.of(tagId)));
  }

  public SearchQuery withSource(String sourceId) {
    return withFilter(filter.withSource(sourceId));
  }

  public SearchQuery withLanguage(String lang) {
    return withFilter(filter.withLanguage(lang));
  }

  /**
   * @throws IllegalArgumentException when the range is empty
   */
  public SearchQuery withTimeRange(Instant from, Instant to) {
    return withFilter(filter.withTimeRange(from, to));
  }

  public SearchQuery withPage(int pageLimit, int pageOffset) {
    return new SearchQuery(text, filter, pageLimit, pageOffset);
  }

  public SearchQuery withWithdrawn(boolean include) {
    return withFilter(filter.withWithdrawn(include));
  }
}
