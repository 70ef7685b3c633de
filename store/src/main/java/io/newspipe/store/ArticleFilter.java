package io.newspipe.store;

import java.time.Instant;
import java.util.Set;

/**
 * Which stored articles a listing ({@link ArticleQueries#published}, {@link ArticleQueries#newest},
 * {@link ArticleQueries#export}, {@link ArticleQueries#timeline}) or a search ({@link SearchQuery})
 * covers: those published in [{@code since}, {@code until}), with any (or all) of {@code tags},
 * from {@code source}, in {@code language}. An article without a publication time counts as
 * published when it was received. The one definition of these filters for the CLI and the API.
 *
 * @param since inclusive start; null for the beginning
 * @param until exclusive end; null for no end
 * @param tags only articles with ANY (or, per {@code tagMatch}, ALL) of these tag ids; empty for
 *     all (null is read as empty)
 * @param tagMatch whether an article needs any or all of {@code tags}; null is read as ANY
 * @param source only articles from this source id; null for all
 * @param language only articles in this language as stored (e.g. {@code en}); null for all
 * @param includeWithdrawn whether withdrawn (killed) articles are covered too; false by default
 */
public record ArticleFilter(
    Instant since,
    Instant until,
    Set<String> tags,
    TagMatch tagMatch,
    String source,
    String language,
    boolean includeWithdrawn) {

  /** Whether an article must carry any or all of the filter's tags. */
  public enum TagMatch {
    ANY,
    ALL
  }

  /** Every (non-withdrawn) article. */
  public static final ArticleFilter ALL = new ArticleFilter(null, null, Set.of(), null);

  /**
   * @throws IllegalArgumentException when the time range is empty
   */
  public ArticleFilter {
    tags = tags == null ? Set.of() : Set.copyOf(tags);
    tagMatch = tagMatch == null ? TagMatch.ANY : tagMatch;
    if (since != null && until != null && !since.isBefore(until)) {
      throw new IllegalArgumentException(
          "time range is empty: since " + since + " is not before until " + until);
    }
  }

  /** Published in [since, until), with ANY of {@code tags}, from {@code source}. */
  public ArticleFilter(Instant since, Instant until, Set<String> tags, String source) {
    this(since, until, tags, TagMatch.ANY, source, null, false);
  }

  /** Articles published in [{@code from}, {@code to}); either may be null for open-ended. */
  public static ArticleFilter between(Instant from, Instant to) {
    return new ArticleFilter(from, to, Set.of(), null);
  }

  public ArticleFilter withTimeRange(Instant from, Instant to) {
    return new ArticleFilter(from, to, tags, tagMatch, source, language, includeWithdrawn);
  }

  /** Only articles with any of {@code tagIds}. */
  public ArticleFilter withTags(Set<String> tagIds) {
    return new ArticleFilter(since, until, tagIds, tagMatch, source, language, includeWithdrawn);
  }

  /** Only articles with any ({@link TagMatch#ANY}) or all of {@code tagIds}. */
  public ArticleFilter withTags(Set<String> tagIds, TagMatch match) {
    return new ArticleFilter(since, until, tagIds, match, source, language, includeWithdrawn);
  }

  public ArticleFilter withSource(String sourceId) {
    return new ArticleFilter(since, until, tags, tagMatch, sourceId, language, includeWithdrawn);
  }

  public ArticleFilter withLanguage(String lang) {
    return new ArticleFilter(since, until, tags, tagMatch, source, lang, includeWithdrawn);
  }

  public ArticleFilter withWithdrawn(boolean include) {
    return new ArticleFilter(since, until, tags, tagMatch, source, language, include);
  }
}
