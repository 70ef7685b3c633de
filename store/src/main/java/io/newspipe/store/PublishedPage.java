package io.newspipe.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of {@link ArticleQueries#published} or {@link ArticleQueries#newest}: keyset paging on
 * (publication time, id), so each page starts right after (or, newest first, right before) the last
 * article of the previous one instead of skipping rows with OFFSET, and articles written meanwhile
 * never shift a page or repeat an article. The expression index {@code articles_publication_time}
 * (migration V3) on {@link #TIME} and id makes each page a range scan in either direction on both
 * SQLite and PostgreSQL; keep {@link #TIME} textually equal to it.
 *
 * <p>Publication time is {@code COALESCE(published_at, received_at)}: an article whose source gave
 * no publication time is placed at the time it was received, as {@code search --since/--until}
 * does, rather than silently left out of a replay. Portable SQL (no row-value comparison, tag ids
 * bound one parameter each), the same on SQLite and PostgreSQL.
 */
final class PublishedPage {
  static final String TIME = "COALESCE(a.published_at, a.received_at)";

  private final ArticleFilter filter;

  PublishedPage(ArticleFilter filter) {
    this.filter = filter;
  }

  /** The next {@code size} articles after {@code after} in publication order, or from the start. */
  List<StoredArticle> next(Connection c, PublishedPosition after, int size) throws SQLException {
    return page(c, after, false, size);
  }

  /** The {@code size} articles before {@code before}, newest first, or from the newest. */
  List<StoredArticle> previous(Connection c, PublishedPosition before, int size)
      throws SQLException {
    return page(c, before, true, size);
  }

  private List<StoredArticle> page(
      Connection c, PublishedPosition key, boolean newestFirst, int size) throws SQLException {
    List<Object> parameters = new ArrayList<>();
    StringBuilder where = new StringBuilder(FilterSql.where(filter, parameters));
    String beyond = newestFirst ? " < " : " > ";
    if (key != null) {
      where.append(" AND (").append(TIME).append(beyond).append("? OR (").append(TIME);
      where.append(" = ? AND a.id").append(beyond).append("?))");
      parameters.add(key.time().toEpochMilli());
      parameters.add(key.time().toEpochMilli());
      parameters.add(key.id());
    }
    parameters.add(size);
    String direction = newestFirst ? " DESC" : "";
    String sql =
        "SELECT a.* FROM articles a WHERE "
            + where
            + " ORDER BY "
            + TIME
            + direction
            + ", a.id"
            + direction
            + " LIMIT ?";
    List<StoredArticle> page = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        s.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          page.add(ArticleReader.article(c, r));
        }
      }
    }
    return page;
  }
}
