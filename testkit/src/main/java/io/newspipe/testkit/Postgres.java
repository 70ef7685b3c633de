package io.newspipe.testkit;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL for store tests, found in this order: the database named by {@code
 * NEWSPIPE_TEST_POSTGRES_URL}; a local server at {@value #LOCAL_URL} (what a developer with a
 * packaged PostgreSQL has); a Testcontainers container (one per JVM) when Docker is available.
 * Without any of them the test fails rather than skips, because a skipped PostgreSQL suite looks
 * green while proving nothing.
 *
 * <p>Tests share that database, so each test class works in its own schema: {@link #newSchema}
 * creates one with a unique name and {@link Schema#close()} drops it with everything in it.
 */
public final class Postgres {

  /** Environment variable holding a JDBC URL, credentials included as URL parameters. */
  public static final String URL_ENV = "NEWSPIPE_TEST_POSTGRES_URL";

  /** The local server probed when the environment variable is unset. */
  public static final String LOCAL_URL =
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&connectTimeout=2";

  private static final String IMAGE = "postgres:17-alpine";
  private static final SecureRandom RANDOM = new SecureRandom();

  private static String resolvedUrl;

  private Postgres() {}

  /**
   * A JDBC URL with {@code user} (and {@code password}) parameters, e.g. {@code
   * jdbc:postgresql://localhost:5432/newspipe?user=newspipe&password=secret}.
   *
   * @throws IllegalStateException if no PostgreSQL can be found, saying how to provide one
   */
  public static synchronized String jdbcUrl() {
    String fromEnv = System.getenv(URL_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    if (resolvedUrl == null) {
      resolvedUrl = reachable(LOCAL_URL) ? LOCAL_URL : startContainer();
    }
    return resolvedUrl;
  }

  /**
   * Creates a schema named {@code prefix_<random>} in the test database. Its {@link
   * Schema#jdbcUrl()} makes it the current schema, so migrations and queries land in it.
   */
  public static Schema newSchema(String prefix) {
    String name =
        prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_")
            + "_"
            + HexFormat.of().formatHex(RANDOM.generateSeed(4));
    String base = jdbcUrl();
    execute(base, "CREATE SCHEMA " + name);
    return new Schema(base, name);
  }

  /** A schema of the test database that exists until {@link #close()}. */
  public static final class Schema implements AutoCloseable {
    private final String baseUrl;
    private final String name;

    private Schema(String baseUrl, String name) {
      this.baseUrl = baseUrl;
      this.name = name;
    }

    public String name() {
      return name;
    }

    /** The test database's URL with this schema as the current schema. */
    public String jdbcUrl() {
      return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    /** Runs statements in this schema (e.g. to empty tables between tests). */
    public void execute(String... statements) {
      Postgres.execute(jdbcUrl(), statements);
    }

    /** Drops the schema and everything in it. */
    @Override
    public void close() {
      Postgres.execute(baseUrl, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
  }

  private static void execute(String url, String... statements) {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "test PostgreSQL at " + withoutParameters(url) + " failed: " + e.getMessage(), e);
    }
  }

  private static boolean reachable(String url) {
    try (Connection c = DriverManager.getConnection(url)) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static String startContainer() {
    if (!dockerAvailable()) {
      throw new IllegalStateException(
          "no PostgreSQL for tests: set "
              + URL_ENV
              + " to a JDBC URL of a database the tests may create schemas in, e.g. "
              + "jdbc:postgresql://localhost:5432/newspipe_test?user=newspipe&password=newspipe, "
              + "or run a local PostgreSQL with a database 'test' that user 'postgres' can reach"
              + " at 127.0.0.1:5432 without a password, or make Docker available so"
              + " Testcontainers can start "
              + IMAGE);
    }
    @SuppressWarnings("resource") // lives for the JVM; Testcontainers' reaper removes it at exit
    PostgreSQLContainer container =
        new PostgreSQLContainer(IMAGE)
            .withDatabaseName("newspipe_test")
            .withUsername("newspipe")
            .withPassword("newspipe");
    container.start();
    String url = container.getJdbcUrl();
    String separator = url.contains("?") ? "&" : "?";
    return url
        + separator
        + "user="
        + container.getUsername()
        + "&password="
        + container.getPassword();
  }

  static String withoutParameters(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
