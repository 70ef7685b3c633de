package io.newspipe.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;

/**
 * The connections readers take turns on (HikariCP), apart from the sink's one write connection: a
 * web request reads on its own connection instead of queueing behind another request's search.
 *
 * <p>Searches and listings ({@link #heavy}) may hold all but {@link #RESERVED} connections at once;
 * those are kept for point reads (an article, its tags, a count), so a page of one article opens
 * fast even while every other reader runs a slow search. Connections are opened on demand (none
 * while nobody reads, so {@code newspipe search} opens one) and closed when idle.
 */
final class ReadPool implements AutoCloseable {

  /** Connections only point reads may take. */
  static final int RESERVED = 2;

  private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(2);

  private final HikariDataSource pool;
  private final Semaphore heavy;

  /**
   * @param name names the pool's threads and log lines
   * @param source where new connections come from
   * @param size connections at most, more than {@link #RESERVED}
   * @param readOnly whether to mark connections read-only (the database refuses writes on them)
   */
  ReadPool(String name, DataSource source, int size, boolean readOnly) {
    if (size <= RESERVED) {
      throw new IllegalArgumentException(
          "a read pool needs more than " + RESERVED + " connections, got " + size);
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setDataSource(source);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(0);
    config.setIdleTimeout(IDLE_TIMEOUT.toMillis());
    config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    // Do not connect while opening: the store was just migrated, and a database that goes away
    // later is reported by the read that needs it.
    config.setInitializationFailTimeout(-1);
    config.setReadOnly(readOnly);
    pool = new HikariDataSource(config);
    heavy = new Semaphore(size - RESERVED, true);
  }

  /** A connection to give back by closing it. */
  Connection connection() throws SQLException {
    return pool.getConnection();
  }

  /** Waits for a turn at a search or listing; {@link #done} gives it back. */
  void begin() throws SQLException {
    try {
      heavy.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a connection to read on", e);
    }
  }

  void done() {
    heavy.release();
  }

  /** Closes a connection in an unknown state (failed rollback) instead of handing it out again. */
  void evict(Connection broken) {
    pool.evictConnection(broken);
  }

  @Override
  public void close() {
    pool.close();
  }
}
