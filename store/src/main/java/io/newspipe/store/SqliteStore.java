package io.newspipe.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded store: one SQLite file, migrated on open with the scripts in {@code
 * db/migration/sqlite}. WAL journaling lets readers (the web UI, {@code newspipe search}, another
 * process) read while the sink writes; a busy timeout makes a writer wait for a lock held by
 * another process instead of failing at once.
 *
 * <p>Writes go through one connection, one operation at a time; SQLite allows a single writer
 * anyway. Queries run on a small pool of their own connections ({@value #READ_CONNECTIONS}): in WAL
 * mode each reads its snapshot without waiting for the writer or for another reader.
 */
public final class SqliteStore extends JdbcArticleStore {

  /** How long a statement waits for another connection's lock before it fails. */
  public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(10);

  static final String MIGRATIONS = "classpath:db/migration/sqlite";

  /** Connections queries may hold at once. */
  static final int READ_CONNECTIONS = 4;

  private static final Logger log = LoggerFactory.getLogger(SqliteStore.class);

  private final Path file;

  private SqliteStore(Path file, SQLiteDataSource dataSource, Connection connection) {
    super(
        "SQLite store " + file,
        SearchSql.SQLITE,
        dataSource,
        connection,
        new ReadPool("newspipe-sqlite-reads", dataSource, READ_CONNECTIONS, false));
    this.file = file;
  }

  /** Opens (creating if needed) and migrates the store at {@code file}. */
  public static SqliteStore open(Path file) {
    return open(file, DEFAULT_BUSY_TIMEOUT);
  }

  /**
   * Opens (creating the file and its parent directories if needed) and migrates the store.
   *
   * @throws StoreException if the file cannot be created, opened or migrated
   */
  public static SqliteStore open(Path file, Duration busyTimeout) {
    Path path = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
    createParent(path);
    SQLiteDataSource dataSource = new SQLiteDataSource(config(busyTimeout));
    dataSource.setUrl("jdbc:sqlite:" + path);
    migrate(path, dataSource);
    try {
      Connection connection = dataSource.getConnection();
      log.info("SQLite store open at {}", path);
      return new SqliteStore(path, dataSource, connection);
    } catch (SQLException e) {
      throw new StoreException(
          "cannot open SQLite store " + path + ": " + e.getMessage() + ". " + checkFile(path), e);
    }
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  // Transactions are spelled out in SQL rather than through JDBC auto-commit: the driver's commit()
  // immediately begins the next transaction, which would hold (or wait for) the write lock between
  // batches. A writing transaction takes the write lock when it begins (IMMEDIATE), so writers
  // queue on the busy timeout instead of failing when they upgrade a read lock; a reading one
  // (DEFERRED) reads a WAL snapshot without blocking or being blocked by the writer.

  @Override
  protected void begin(Connection c, boolean writes) throws SQLException {
    execute(c, writes ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
  }

  @Override
  protected void commit(Connection c) throws SQLException {
    execute(c, "COMMIT");
  }

  @Override
  protected void rollback(Connection c) throws SQLException {
    execute(c, "ROLLBACK");
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Override
  protected String troubleshooting() {
    return "If the database is locked, another process is writing to "
        + file
        + " (stop it or give each sink its own file); otherwise check the disk is not full and the"
        + " file is writable.";
  }

  private static SQLiteConfig config(Duration busyTimeout) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // NORMAL is durable across process crashes in WAL mode; only an OS crash can lose the last
    // transactions, and then their offsets are lost with them, so Kafka re-delivers them.
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
    config.enforceForeignKeys(true);
    // 32 MiB of page cache per connection (the default is 2 MB): the sink's batches touch the
    // articles, history and full-text b-trees at once, and re-read their pages less.
    config.setCacheSize(-32 * 1024);
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    return config;
  }

  private static void createParent(Path path) {
    Path parent = path.getParent();
    if (parent == null) {
      return;
    }
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new StoreException(
          "cannot create directory "
              + parent
              + " for the SQLite store: "
              + e
              + ". Choose a writable location for the database file.",
          e);
    }
  }

  private static void migrate(Path path, SQLiteDataSource dataSource) {
    try {
      var result =
          Flyway.configure(SqliteStore.class.getClassLoader())
              .dataSource(dataSource)
              .locations(MIGRATIONS)
              .load()
              .migrate();
      if (result.migrationsExecuted > 0) {
        log.info("SQLite store {} migrated to schema version {}", path, result.targetSchemaVersion);
      }
    } catch (FlywayException e) {
      throw new StoreException(
          "cannot migrate SQLite store "
              + path
              + ": "
              + e.getMessage()
              + ". "
              + checkFile(path)
              + " If the file belongs to another program or a newer newspipe, use another file.",
          e);
    }
  }

  private static String checkFile(Path path) {
    return "Check that " + path + " is a writable SQLite database file (or does not exist yet).";
  }
}
