package io.newspipe.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Full-text search over the store. The filters, ranking order and paging are shared SQL; a dialect
 * supplies only how the text is matched, scored and quoted.
 *
 * @param from the FROM clause; binds the search text first if it has a parameter
 * @param match a WHERE condition that binds the search text if {@code from} did not
 * @param score relevance expression, higher is better
 * @param snippet expression giving a body extract with matches in [brackets]
 * @param queryText turns the person's query into the dialect's query parameter
 */
record SearchSql(
    String from, String match, String score, String snippet, UnaryOperator<String> queryText) {

  /** FTS5 virtual table joined to the articles by document number; bm25 is lower-is-better. */
  static final SearchSql SQLITE =
      new SearchSql(
          "articles_fts JOIN article_search_docs d ON d.doc = articles_fts.rowid"
              + " JOIN articles a ON a.id = d.article_id",
          "articles_fts MATCH ?",
          "-bm25(articles_fts, 4.0, 1.0)",
          "snippet(articles_fts, 1, '[', ']', '…', 24)",
          Fts5Query::translate);

  /** The generated {@code search} tsvector (headline weight A, body B) and its GIN index. */
  static final SearchSql POSTGRESQL =
      new SearchSql(
          "articles a CROSS JOIN websearch_to_tsquery('english', ?) AS q(query)",
          "a.search @@ q.query",
          "ts_rank_cd(a.search, q.query)",
          "ts_headline('english', a.body, q.query,"
              + " 'StartSel=[, StopSel=], MaxWords=30, MinWords=12, MaxFragments=1')",
          text -> text);

  List<SearchHit> run(Connection c, SearchQuery q) throws SQLException {
    List<Object> parameters = new ArrayList<>();
    parameters.add(queryText.apply(q.text()));
    String where = match + " AND " + FilterSql.where(q.filter(), parameters);
    parameters.add(q.limit());
    parameters.add(q.offset());
    String sql =
        "SELECT a.id, a.version, a.headline, a.source_id, a.language, a.published_at,"
            + " a.received_at, a.withdrawn, a.story_id, "
            + score
            + " AS score, "
            + snippet
            + " AS snippet FROM "
            + from
            + " WHERE "
            + where
            + " ORDER BY score DESC, "
            + PublishedPage.TIME
            + " DESC, a.id"
            + " LIMIT ? OFFSET ?";
    List<SearchHit> hits = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        s.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          hits.add(hit(c, r));
        }
      }
    }
    return hits;
  }

  private static SearchHit hit(Connection c, ResultSet r) throws SQLException {
    String id = r.getString("id");
    return new SearchHit(
        id,
        r.getInt("version"),
        r.getString("headline"),
        r.getString("source_id"),
        r.getString("language"),
        instant(r, "published_at"),
        instant(r, "received_at"),
        r.getBoolean("withdrawn"),
        r.getDouble("score"),
        r.getString("snippet"),
        r.getString("story_id"),
        ArticleReader.tags(c, id).stream().map(StoredTag::tagId).toList());
  }

  private static Instant instant(ResultSet r, String column) throws SQLException {
    long millis = r.getLong(column);
    return r.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
