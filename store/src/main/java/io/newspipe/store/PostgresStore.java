package io.newspipe.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production store: a PostgreSQL database, migrated on open with the scripts in {@code
 * db/migration/postgresql} (into the connection's current schema, {@code public} unless the URL
 * sets {@code currentSchema}).
 *
 * <p>Writes go through one connection, one operation at a time (the sink writes from one thread). A
 * connection that stops working (server restart, network failure) is dropped and a new one is
 * opened by the next operation, so the sink's retries reconnect by themselves once the database is
 * back. Queries run on a pool of up to {@value #READ_CONNECTIONS} read-only connections, so twenty
 * web requests searching at once do not make a request for one article wait for all of them.
 * Connect and socket timeouts keep a dead network from hanging an operation forever.
 *
 * <p>Credentials are given separately from the URL so they never appear in logs or messages, which
 * name the database by its URL without parameters.
 */
public final class PostgresStore extends JdbcArticleStore {

  static final String MIGRATIONS = "classpath:db/migration/postgresql";

  private static final Logger log = LoggerFactory.getLogger(PostgresStore.class);
  private static final int CONNECT_TIMEOUT_SECONDS = 10;
  private static final int SOCKET_TIMEOUT_SECONDS = 120;

  /** Connections queries may hold at once (PostgreSQL's default allows 100 per server). */
  static final int READ_CONNECTIONS = 8;

  private final String where;

  private PostgresStore(String where, PGSimpleDataSource dataSource) {
    super(
        "PostgreSQL store " + where,
        SearchSql.POSTGRESQL,
        dataSource,
        null,
        new ReadPool("newspipe-postgresql-reads", dataSource, READ_CONNECTIONS, true));
    this.where = where;
  }

  /**
   * Connects to and migrates the store.
   *
   * @param url a {@code jdbc:postgresql://HOST[:PORT]/DATABASE[?PARAMS]} URL
   * @param user user name, or null to use the URL's {@code user} parameter (or the driver default)
   * @param password password, or null to use the URL's (or {@code ~/.pgpass})
   * @throws StoreException if the database cannot be reached or migrated
   */
  public static PostgresStore open(String url, String user, String password) {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "not a PostgreSQL JDBC URL: "
              + redacted(url)
              + "; use jdbc:postgresql://HOST:PORT/DATABASE");
    }
    String where = redacted(url);
    PGSimpleDataSource dataSource = dataSource(url, user, password);
    migrate(where, dataSource);
    PostgresStore store = new PostgresStore(where, dataSource);
    log.info("PostgreSQL store open at {}", where);
    return store;
  }

  /** The URL without its parameters (which may hold credentials): safe to print. */
  public static String redacted(String url) {
    int q = url.indexOf('?');
    String base = q < 0 ? url : url.substring(0, q);
    int at = base.indexOf('@'); // jdbc:postgresql://user:secret@host is not valid, but be safe
    return at < 0 ? base : "jdbc:postgresql://" + base.substring(at + 1);
  }

  /** As the base, and a connection that stopped working is dropped so the next try reconnects. */
  @Override
  protected synchronized <T> T withConnection(SqlWork<T> work) throws SQLException {
    Connection c = connection();
    try {
      return work.apply(c);
    } catch (SQLException | RuntimeException e) {
      if (isCurrent(c) && !isValid(c)) {
        log.warn(
            "the connection to {} broke ({}); the next attempt reconnects", where, e.getMessage());
        drop(c);
      }
      throw e;
    }
  }

  @Override
  protected String troubleshooting() {
    return "Check that PostgreSQL is running and reachable at "
        + where
        + ", and that the user (NEWSPIPE_STORE_USER / NEWSPIPE_STORE_PASSWORD, PGUSER /"
        + " PGPASSWORD or the URL's user parameter) may write to it.";
  }

  private static boolean isValid(Connection c) {
    try {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static PGSimpleDataSource dataSource(String url, String user, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    if (user != null && !user.isBlank()) {
      ds.setUser(user);
    }
    if (password != null && !password.isEmpty()) {
      ds.setPassword(password);
    }
    // Defaults only: what the URL sets wins.
    if (!url.contains("connectTimeout=")) {
      ds.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
    }
    if (!url.contains("socketTimeout=")) {
      ds.setSocketTimeout(SOCKET_TIMEOUT_SECONDS);
    }
    if (!url.contains("tcpKeepAlive=")) {
      ds.setTcpKeepAlive(true);
    }
    if (!url.contains("ApplicationName=")) {
      ds.setApplicationName("newspipe");
    }
    return ds;
  }

  private static void migrate(String where, PGSimpleDataSource dataSource) {
    try {
      var result =
          Flyway.configure(PostgresStore.class.getClassLoader())
              .dataSource(dataSource)
              .locations(MIGRATIONS)
              .load()
              .migrate();
      if (result.migrationsExecuted > 0) {
        log.info(
            "PostgreSQL store {} migrated to schema version {}", where, result.targetSchemaVersion);
      }
    } catch (FlywayException e) {
      throw new StoreException(
          "cannot open PostgreSQL store "
              + where
              + ": "
              + e.getMessage()
              + ". Check that PostgreSQL is running and reachable there, that the database"
              + " exists, and that the user (NEWSPIPE_STORE_USER / NEWSPIPE_STORE_PASSWORD, PGUSER /"
              + " PGPASSWORD or the URL's user parameter) may create tables in it.",
          e);
    }
  }
}
