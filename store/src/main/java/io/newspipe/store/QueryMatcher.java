package io.newspipe.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * Tells whether one article matches a search query exactly as {@code newspipe search} on the SQLite
 * store would find it: the article's headline and body go into an in-memory FTS5 table declared
 * like the store's ({@code porter unicode61 remove_diacritics 2}) and the query is translated by
 * the same {@link Fts5Query}, so stemming, phrases, {@code OR} and {@code -word} behave the same.
 * Saved searches use it to match articles as they are tagged.
 *
 * <pre>{@code
 * try (QueryMatcher m = QueryMatcher.open()) {
 *   m.load(headline, body);
 *   boolean hit = m.matches("\"drone strike\" -ukraine");
 * }
 * }</pre>
 *
 * Not thread-safe: one per thread (a Streams task keeps its own).
 */
public final class QueryMatcher implements AutoCloseable {

  /** Kept identical to the store's {@code articles_fts} (migration V2). */
  static final String TOKENIZER = "porter unicode61 remove_diacritics 2";

  private final Connection connection;
  private final PreparedStatement clear;
  private final PreparedStatement insert;
  private final PreparedStatement match;

  private QueryMatcher(Connection connection) throws SQLException {
    this.connection = connection;
    try (Statement s = connection.createStatement()) {
      s.execute(
          "CREATE VIRTUAL TABLE doc USING fts5(headline, body, tokenize = '" + TOKENIZER + "')");
    }
    this.clear = connection.prepareStatement("DELETE FROM doc");
    this.insert =
        connection.prepareStatement("INSERT INTO doc (rowid, headline, body) VALUES (1, ?, ?)");
    this.match = connection.prepareStatement("SELECT 1 FROM doc WHERE doc MATCH ?");
  }

  /** A matcher over its own in-memory database. */
  public static QueryMatcher open() {
    try {
      return new QueryMatcher(DriverManager.getConnection("jdbc:sqlite::memory:"));
    } catch (SQLException e) {
      throw new StoreException("cannot open an in-memory SQLite database for matching", e);
    }
  }

  /**
   * Checks that {@code query} is a search people can save: the same rules as {@link SearchQuery}.
   *
   * @return the query as FTS5 reads it
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static String validate(String query) {
    SearchQuery.of(Objects.requireNonNull(query, "query")); // at least one word
    return Fts5Query.translate(query); // not only excluded words
  }

  /** Makes {@code headline} and {@code body} (either may be null) the one document matched. */
  public void load(String headline, String body) {
    try {
      clear.executeUpdate();
      insert.setString(1, headline == null ? "" : headline);
      insert.setString(2, body == null ? "" : body);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot index an article for matching", e);
    }
  }

  /**
   * Whether the loaded document matches {@code query} (web-search syntax, as {@code search}).
   *
   * @throws IllegalArgumentException when the query has nothing to look for
   */
  public boolean matches(String query) {
    try {
      match.setString(1, Fts5Query.translate(query));
      try (ResultSet r = match.executeQuery()) {
        return r.next();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot match query '" + query + "'", e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close the matching database", e);
    }
  }
}
