package io.newspipe.store;

/**
 * Where tagged articles land: the latest version of each article with its tags and entities, the
 * history of versions, and the sink's consumer offsets. Its two sides are used apart: the sink
 * writes through {@link ArticleWrites}, readers query through {@link ArticleQueries}; whoever opens
 * the store closes it.
 *
 * <p>Dialect-neutral: {@link SqliteStore} is the embedded default, {@link PostgresStore} the
 * production one. Every dialect stores times as epoch milliseconds UTC (Avro's {@code
 * timestamp-millis} precision) and keeps its versioned migrations under {@code
 * db/migration/<dialect>/}, applied when the store opens. Open one with {@link Stores#open}.
 */
public interface ArticleStore extends ArticleWrites, ArticleQueries, AutoCloseable {

  /** Releases the database connections. Idempotent. */
  @Override
  void close();
}
