package io.newspipe.store;

import java.time.Instant;
import java.util.List;

/**
 * One article found by a search: enough to list it, with {@link ArticleQueries#article} for the
 * rest.
 *
 * @param score relevance, higher is better; comparable within one result list only
 * @param snippet a short extract of the body with matched words in {@code [brackets]}
 * @param storyId the story the article belongs to, or null
 * @param tags the article's tag ids, highest score first
 */
public record SearchHit(
    String id,
    int version,
    String headline,
    String sourceId,
    String language,
    Instant publishedAt,
    Instant receivedAt,
    boolean withdrawn,
    double score,
    String snippet,
    String storyId,
    List<String> tags) {

  public SearchHit {
    tags = List.copyOf(tags);
  }
}
