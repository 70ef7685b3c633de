package io.newspipe.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A full-text search of the store: words to find in headline and body, optional filters, and the
 * page wanted. The words use web-search syntax on every dialect: words are all required, {@code "a
 * phrase"} matches words in that order, {@code OR} between words accepts either, {@code -word}
 * excludes; anything else is taken as plain text, so no input is a syntax error.
 *
 * <p>Build with {@link #of(String)} and the {@code with...} methods; each returns a copy.
 *
 * @param text the words to look for; must contain at least one letter or digit
 * @param tag only articles carrying this tag id, or null for any
 * @param source only articles from this source id, or null for any
 * @param language only articles in this language (as stored, e.g. {@code en}), or null for any
 * @param since only articles published (or, lacking a date, received) at or after this, or null
 * @param until only articles published (or received) before this, or null
 * @param limit page size, 1 to {@value #MAX_LIMIT}
 * @param offset hits to skip (page number times page size)
 * @param includeWithdrawn whether withdrawn (killed) articles are found too; false by default
 */
public record SearchQuery(
    String text,
    String tag,
    String source,
    String language,
    Instant since,
    Instant until,
    int limit,
    int offset,
    boolean includeWithdrawn) {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 1000;

  /**
   * @throws IllegalArgumentException with a message for the person who typed the query
   */
  public SearchQuery {
    Objects.requireNonNull(text, "text");
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
    if (since != null && until != null && !since.isBefore(until)) {
      throw new IllegalArgumentException(
          "search time range is empty: since " + since + " is not before until " + until);
    }
  }

  /** All articles matching {@code text}, first page, withdrawn ones hidden. */
  public static SearchQuery of(String text) {
    return new SearchQuery(text, null, null, null, null, null, DEFAULT_LIMIT, 0, false);
  }

  public SearchQuery withTag(String tagId) {
    return new SearchQuery(
        text, tagId, source, language, since, until, limit, offset, includeWithdrawn);
  }

  public SearchQuery withSource(String sourceId) {
    return new SearchQuery(
        text, tag, sourceId, language, since, until, limit, offset, includeWithdrawn);
  }

  public SearchQuery withLanguage(String lang) {
    return new SearchQuery(text, tag, source, lang, since, until, limit, offset, includeWithdrawn);
  }

  public SearchQuery withTimeRange(Instant from, Instant to) {
    return new SearchQuery(text, tag, source, language, from, to, limit, offset, includeWithdrawn);
  }

  public SearchQuery withPage(int pageLimit, int pageOffset) {
    return new SearchQuery(
        text, tag, source, language, since, until, pageLimit, pageOffset, includeWithdrawn);
  }

  public SearchQuery withWithdrawn(boolean include) {
    return new SearchQuery(text, tag, source, language, since, until, limit, offset, include);
  }
}
