package io.newspipe.store;

import java.time.Instant;
import java.util.List;

/**
 * An article as {@link ArticleQueries#export} gives it: the columns of an export, without body or
 * evidence.
 *
 * @param publishedAt publication time as the source gave it, or null
 * @param language as stored (e.g. {@code en}), or null
 * @param url the article's link, or null
 * @param tags tag ids in alphabetical order
 * @param storyId the story the article belongs to, or null
 */
public record ArticleRow(
    String id,
    int version,
    Instant publishedAt,
    Instant receivedAt,
    String sourceId,
    String language,
    String url,
    String headline,
    List<String> tags,
    String storyId,
    boolean withdrawn) {

  public ArticleRow {
    tags = List.copyOf(tags);
  }
}
