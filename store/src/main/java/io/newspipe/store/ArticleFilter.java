package io.newspipe.store;

import java.time.Instant;
import java.util.Set;

/**
 * Which stored articles a listing ({@link ArticleQueries#published}, {@link ArticleQueries#newest})
 * covers: those published in [{@code since}, {@code until}), with any of {@code tags}, from {@code
 * source}. An article without a publication time counts as published when it was received.
 *
 * @param since inclusive start; null for the beginning
 * @param until exclusive end; null for no end
 * @param tags only articles with ANY of these tag ids; empty for all (null is read as empty)
 * @param source only articles from this source id; null for all
 */
public record ArticleFilter(Instant since, Instant until, Set<String> tags, String source) {

  /** Every (non-withdrawn) article. */
  public static final ArticleFilter ALL = new ArticleFilter(null, null, Set.of(), null);

  public ArticleFilter {
    tags = tags == null ? Set.of() : Set.copyOf(tags);
  }

  /** Articles published in [{@code from}, {@code to}); either may be null for open-ended. */
  public static ArticleFilter between(Instant from, Instant to) {
    return new ArticleFilter(from, to, Set.of(), null);
  }

  public ArticleFilter withTags(Set<String> tagIds) {
    return new ArticleFilter(since, until, tagIds, source);
  }

  public ArticleFilter withSource(String sourceId) {
    return new ArticleFilter(since, until, tags, sourceId);
  }
}
