package io.newspipe.store;

import java.util.Collections;
import java.util.List;

/**
 * The WHERE conditions of an {@link ArticleFilter} over {@code articles a}, portable SQL shared by
 * every query that takes a filter (listing, search, export, timeline), so that the CLI and the API
 * filter the same way on SQLite and PostgreSQL. Values are bound as parameters, never spliced in.
 */
final class FilterSql {
  private FilterSql() {}

  /**
   * The conditions of {@code filter}, joined with AND ({@code 1 = 1} when it covers everything);
   * appends their parameters, in order, to {@code parameters}.
   */
  static String where(ArticleFilter filter, List<Object> parameters) {
    StringBuilder where =
        new StringBuilder(filter.includeWithdrawn() ? "1 = 1" : "NOT a.withdrawn");
    if (filter.since() != null) {
      where.append(" AND ").append(PublishedPage.TIME).append(" >= ?");
      parameters.add(filter.since().toEpochMilli());
    }
    if (filter.until() != null) {
      where.append(" AND ").append(PublishedPage.TIME).append(" < ?");
      parameters.add(filter.until().toEpochMilli());
    }
    if (filter.source() != null) {
      where.append(" AND a.source_id = ?");
      parameters.add(filter.source());
    }
    if (filter.language() != null) {
      where.append(" AND a.language = ?");
      parameters.add(filter.language());
    }
    List<String> tags = filter.tags().stream().sorted().toList();
    String hasTag = "EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag_id";
    if (tags.isEmpty()) {
      return where.toString();
    }
    if (filter.tagMatch() == ArticleFilter.TagMatch.ALL) {
      for (String tag : tags) {
        where.append(" AND ").append(hasTag).append(" = ?)");
        parameters.add(tag);
      }
    } else {
      where.append(" AND ").append(hasTag).append(" IN (");
      where.append(String.join(", ", Collections.nCopies(tags.size(), "?"))).append("))");
      parameters.addAll(tags);
    }
    return where.toString();
  }
}
