package io.newspipe.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The query behind {@link ArticleQueries#export}: one statement over the articles a filter covers,
 * in publication order, joined to their tags, read through a cursor {@link #FETCH_SIZE} rows at a
 * time and handed on row by row, so memory does not grow with the number of articles. On PostgreSQL
 * the driver only uses a server-side cursor for a fetch size inside a transaction (auto commit
 * off), which the store's read transaction gives; SQLite steps through its result lazily anyway.
 * Consecutive rows of one article (one per tag) are folded into one {@link ArticleRow}.
 */
final class ArticleRows {
  /** Rows the driver fetches per round trip. */
  static final int FETCH_SIZE = 500;

  private ArticleRows() {}

  /** The statement, ready to run; its parameters bound, its fetch size set. */
  static PreparedStatement prepare(Connection c, ArticleFilter filter) throws SQLException {
    List<Object> parameters = new ArrayList<>();
    String sql =
        "SELECT a.id, a.version, a.published_at, a.received_at, a.source_id, a.language, a.url,"
            + " a.headline, a.story_id, a.withdrawn, t.tag_id FROM articles a"
            + " LEFT JOIN article_tags t ON t.article_id = a.id WHERE "
            + FilterSql.where(filter, parameters)
            + " ORDER BY "
            + PublishedPage.TIME
            + ", a.id, t.tag_id";
    PreparedStatement s =
        c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    try {
      for (int i = 0; i < parameters.size(); i++) {
        s.setObject(i + 1, parameters.get(i));
      }
      s.setFetchSize(FETCH_SIZE);
      return s;
    } catch (SQLException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  /**
   * Runs the export on {@code c} and hands each article to {@code each}; returns how many. An
   * exception thrown by {@code each} comes out wrapped in {@link ConsumerFailure}.
   */
  static long run(Connection c, ArticleFilter filter, Consumer<ArticleRow> each)
      throws SQLException {
    long count = 0;
    try (PreparedStatement s = prepare(c, filter);
        ResultSet r = s.executeQuery()) {
      Folding row = null;
      while (r.next()) {
        String id = r.getString("id");
        if (row == null || !row.id.equals(id)) {
          if (row != null) {
            deliver(row.build(), each);
            count++;
          }
          row = new Folding(r);
        }
        String tag = r.getString("tag_id");
        if (tag != null) {
          row.tags.add(tag);
        }
      }
      if (row != null) {
        deliver(row.build(), each);
        count++;
      }
    }
    return count;
  }

  private static void deliver(ArticleRow row, Consumer<ArticleRow> each) {
    try {
      each.accept(row);
    } catch (RuntimeException e) {
      throw new ConsumerFailure(e);
    }
  }

  /** What the consumer of an export threw (e.g. the HTTP client went away), not a store failure. */
  static final class ConsumerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConsumerFailure(RuntimeException cause) {
      super(cause.getMessage(), cause);
    }

    @Override
    public synchronized RuntimeException getCause() {
      return (RuntimeException) super.getCause();
    }
  }

  /** The article being read, until its last tag row has passed. */
  private static final class Folding {
    final String id;
    final int version;
    final Instant published;
    final Instant received;
    final String source;
    final String language;
    final String url;
    final String headline;
    final String story;
    final boolean withdrawn;
    final List<String> tags = new ArrayList<>(4);

    Folding(ResultSet r) throws SQLException {
      id = r.getString("id");
      version = r.getInt("version");
      published = instant(r, "published_at");
      received = instant(r, "received_at");
      source = r.getString("source_id");
      language = r.getString("language");
      url = r.getString("url");
      headline = r.getString("headline");
      story = r.getString("story_id");
      withdrawn = r.getBoolean("withdrawn");
    }

    ArticleRow build() {
      return new ArticleRow(
          id, version, published, received, source, language, url, headline, tags, story,
          withdrawn);
    }
  }

  private static Instant instant(ResultSet r, String column) throws SQLException {
    long millis = r.getLong(column);
    return r.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
