package io.newspipe.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an article stands in publication order, the paging key of {@link ArticleQueries#newest}:
 * its publication time (or, lacking one, the time it was received) and, to break ties, its id.
 */
public record PublishedPosition(Instant time, String id) {

  public PublishedPosition {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(id, "id");
  }

  /** The position of a stored article, e.g. the last one of a page to continue after. */
  public static PublishedPosition of(StoredArticle article) {
    Instant t = article.publishedAt() != null ? article.publishedAt() : article.receivedAt();
    return new PublishedPosition(t, article.id());
  }
}
