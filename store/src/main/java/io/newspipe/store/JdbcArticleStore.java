package io.newspipe.store;

import io.newspipe.schemas.TaggedArticle;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ArticleStore} behaviour over JDBC, shared by every SQL dialect: the SQL is portable
 * between SQLite and PostgreSQL, so a dialect only supplies connections (and its migrations).
 *
 * <p>Writes and the sink's offsets go through one connection, one operation at a time (the sink
 * writes from one thread; SQLite allows a single writer anyway). Queries take a connection of their
 * own from a {@link ReadPool}, so readers neither queue behind each other nor behind the sink.
 */
public abstract class JdbcArticleStore implements ArticleStore {

  /** Work to do on a connection. */
  @FunctionalInterface
  protected interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
  }

  private static final Logger log = LoggerFactory.getLogger(JdbcArticleStore.class);

  private final String description;
  private final SearchSql search;
  private final DataSource dataSource;
  private final ReadPool reads;
  private Connection connection; // opened lazily, again after it was dropped
  private volatile boolean closed;

  /**
   * @param description names the database in error messages, e.g. {@code "SQLite store
   *     /data/newspipe.db"}
   * @param dataSource where connections come from
   * @param connection an already open connection to use first, or null to open one when needed
   * @param reads the connections queries run on; closed with the store
   */
  JdbcArticleStore(
      String description,
      SearchSql search,
      DataSource dataSource,
      Connection connection,
      ReadPool reads) {
    this.description = Objects.requireNonNull(description, "description");
    this.search = Objects.requireNonNull(search, "search");
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.connection = connection;
    this.reads = Objects.requireNonNull(reads, "reads");
  }

  /**
   * Runs work on the store's one connection in auto-commit mode, returning it to that mode
   * afterwards. One connection serves all callers, one operation at a time (the sink writes from
   * one thread; SQLite allows a single writer anyway).
   */
  protected synchronized <T> T withConnection(SqlWork<T> work) throws SQLException {
    return work.apply(connection());
  }

  /** The open connection, opened now if there is none. Call with the store's lock held. */
  protected final Connection connection() throws SQLException {
    checkOpen();
    if (connection == null) {
      connection = dataSource.getConnection();
    }
    return connection;
  }

  /** Whether {@code c} is still the store's connection (not dropped meanwhile). */
  protected final boolean isCurrent(Connection c) {
    return c == connection;
  }

  /**
   * Closes {@code broken} and, if it is the store's connection, forgets it so the next operation
   * opens a new one. Call with the store's lock held.
   */
  protected final void drop(Connection broken) {
    closeQuietly(broken);
    if (broken == connection) {
      connection = null;
    }
  }

  private void checkOpen() throws SQLException {
    if (closed) {
      throw new SQLException("the " + description + " was closed; open it again");
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    reads.close();
    if (connection != null) {
      drop(connection);
    }
  }

  private void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      log.warn("closing the connection to {} failed: {}", description, e.getMessage());
    }
  }

  /** What an operator should check when a database operation fails; ends error messages. */
  protected abstract String troubleshooting();

  @Override
  public void write(
      List<TaggedArticle> batch, String group, Map<TopicPartition, Long> nextOffsets) {
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(nextOffsets, "nextOffsets");
    inTransaction(
        true,
        "store " + batch.size() + " articles and the offsets of consumer group " + group,
        c -> {
          try (ArticleWriter writer = new ArticleWriter(c)) {
            writer.write(batch);
            writer.offsets(group, nextOffsets);
          }
          return null;
        });
  }

  @Override
  public Map<TopicPartition, Long> offsets(String group) {
    return query(
        "read the offsets of consumer group " + group, c -> ArticleReader.offsets(c, group));
  }

  @Override
  public Optional<StoredArticle> article(String id) {
    // One transaction so the article and its tags come from the same version.
    return read("read article " + id, false, true, c -> ArticleReader.article(c, id));
  }

  @Override
  public long articleCount() {
    return read(
        "count articles",
        false,
        false,
        c -> ArticleReader.count(c, "SELECT count(*) FROM articles", null));
  }

  @Override
  public List<StoredTag> tags(String articleId) {
    return read(
        "read the tags of article " + articleId,
        false,
        false,
        c -> ArticleReader.tags(c, articleId));
  }

  @Override
  public long versionCount(String id) {
    return read(
        "count the versions of article " + id,
        false,
        false,
        c -> ArticleReader.count(c, "SELECT count(*) FROM article_versions WHERE id = ?", id));
  }

  @Override
  public List<SearchHit> search(SearchQuery query) {
    Objects.requireNonNull(query, "query");
    // Every dialect refuses the same queries (PostgreSQL's websearch_to_tsquery would accept a
    // query of only excluded words and return nearly everything), and before touching the
    // database, so a mistyped query is the person's error to fix, not a store failure.
    Fts5Query.translate(query.text());
    return read("search for '" + query.text() + "'", true, true, c -> search.run(c, query));
  }

  @Override
  public void published(ArticleFilter filter, int pageSize, Consumer<StoredArticle> each) {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(each, "each");
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
    }
    PublishedPage query = new PublishedPage(filter);
    PublishedPosition after = null;
    while (true) {
      PublishedPosition from = after;
      // Each page in its own read transaction: an article and its tags come from one version.
      List<StoredArticle> page =
          read("read published articles", true, true, c -> query.next(c, from, pageSize));
      page.forEach(each);
      if (page.size() < pageSize) {
        return;
      }
      after = PublishedPosition.of(page.get(page.size() - 1));
    }
  }

  @Override
  public List<StoredArticle> newest(ArticleFilter filter, PublishedPosition before, int limit) {
    Objects.requireNonNull(filter, "filter");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    PublishedPage query = new PublishedPage(filter);
    return read("read the newest articles", true, true, c -> query.previous(c, before, limit));
  }

  @Override
  public List<StoredArticle> storyMembers(String storyId, int limit) {
    Objects.requireNonNull(storyId, "storyId");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    return read(
        "read the articles of story " + storyId,
        true,
        true,
        c -> ArticleReader.storyMembers(c, storyId, limit));
  }

  @Override
  public long export(ArticleFilter filter, Consumer<ArticleRow> each) {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(each, "each");
    try {
      // One read transaction: PostgreSQL reads through a cursor only inside one, and the rows
      // come from one snapshot.
      return read("export articles", true, true, c -> ArticleRows.run(c, filter, each));
    } catch (StoreException e) {
      if (e.getCause() instanceof ArticleRows.ConsumerFailure f) {
        throw f.getCause();
      }
      throw e;
    }
  }

  @Override
  public List<Timeline.Bucket> timeline(ArticleFilter filter, Timeline.Interval interval) {
    ArticleFilter checked = Timeline.check(filter, interval);
    return read(
        "count articles per " + interval.name().toLowerCase(java.util.Locale.ROOT),
        true,
        false,
        c -> Timeline.count(c, checked, interval));
  }

  @Override
  public Map<String, StorySummary> stories(Collection<String> storyIds) {
    Objects.requireNonNull(storyIds, "storyIds");
    return read("read the size of stories", false, false, c -> ArticleReader.stories(c, storyIds));
  }

  @Override
  public String toString() {
    return description;
  }

  private <T> T query(String what, SqlWork<T> work) {
    try {
      return withConnection(work);
    } catch (SQLException | RuntimeException e) {
      throw failure(what, false, e);
    }
  }

  /**
   * Runs a query on a connection of the read pool. A {@code heavy} one (search, listing) waits for
   * its turn first, so it never takes the connections point reads are kept. In a {@code
   * transaction}, several statements see one snapshot (an article and its tags are of the same
   * version).
   */
  private <T> T read(String what, boolean heavy, boolean transaction, SqlWork<T> work) {
    try {
      checkOpen();
      if (heavy) {
        reads.begin();
      }
      try (Connection c = reads.connection()) {
        return transaction ? transaction(c, false, work, () -> reads.evict(c)) : work.apply(c);
      } finally {
        if (heavy) {
          reads.done();
        }
      }
    } catch (SQLException | RuntimeException e) {
      throw failure(what, false, e);
    }
  }

  /**
   * Runs work in a transaction on {@code c}: commits it, or rolls it back and rethrows. If even the
   * rollback fails, the connection's transaction state is unknown and {@code discard} is called:
   * never reuse such a connection, it might commit half a batch.
   */
  private <T> T transaction(Connection c, boolean writes, SqlWork<T> work, Runnable discard)
      throws SQLException {
    begin(c, writes); // if this fails, no transaction was started
    try {
      T result = work.apply(c);
      commit(c);
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        rollback(c);
      } catch (SQLException rollbackFailure) {
        e.addSuppressed(rollbackFailure);
        discard.run();
      }
      throw e;
    }
  }

  private <T> T inTransaction(boolean writes, String what, SqlWork<T> work) {
    try {
      return withConnection(c -> transaction(c, writes, work, () -> discard(c)));
    } catch (SQLException | RuntimeException e) {
      throw failure(what, writes, e);
    }
  }

  /**
   * Starts a transaction; {@code writes} tells whether it will write. The default switches off JDBC
   * auto-commit.
   */
  protected void begin(Connection c, boolean writes) throws SQLException {
    c.setAutoCommit(false);
  }

  /** Commits the transaction started by {@link #begin} and leaves the connection in auto-commit. */
  protected void commit(Connection c) throws SQLException {
    c.commit();
    c.setAutoCommit(true);
  }

  /** Rolls the transaction back and leaves the connection in auto-commit. */
  protected void rollback(Connection c) throws SQLException {
    c.rollback();
    c.setAutoCommit(true);
  }

  /**
   * A connection left in an unknown transaction state (its rollback failed) is closed without
   * committing and never handed out again; the database rolls back an open transaction when its
   * session ends.
   */
  private synchronized void discard(Connection broken) {
    log.warn("discarding the connection to {} after a failed rollback; reconnecting", description);
    drop(broken);
  }

  private StoreException failure(String what, boolean wrote, Exception cause) {
    if (cause instanceof StoreException se) {
      return se;
    }
    return new StoreException(
        "cannot "
            + what
            + " in "
            + description
            + ": "
            + cause.getMessage()
            + (wrote ? ". Nothing of it was stored, so it is safe to retry. " : ". ")
            + troubleshooting(),
        cause);
  }
}
