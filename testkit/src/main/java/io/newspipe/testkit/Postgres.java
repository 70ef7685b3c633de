package io.newspipe.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL for store contract tests: the database named by {@code
 * NEWSPIPE_TEST_POSTGRES_URL} if set, else a Testcontainers container (one per JVM) when Docker is
 * available. Without either the test fails rather than skips, because a skipped PostgreSQL suite
 * looks green while proving nothing.
 */
public final class Postgres {

  /** Environment variable holding a JDBC URL, credentials included as URL parameters. */
  public static final String URL_ENV = "NEWSPIPE_TEST_POSTGRES_URL";

  private static final String IMAGE = "postgres:17-alpine";

  private static String containerUrl;

  private Postgres() {}

  /**
   * A JDBC URL with {@code user} and {@code password} parameters, e.g. {@code
   * jdbc:postgresql://localhost:5432/newspipe?user=newspipe&password=secret}.
   *
   * @throws IllegalStateException if neither the environment variable nor Docker is available
   */
  public static synchronized String jdbcUrl() {
    String fromEnv = System.getenv(URL_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    if (containerUrl == null) {
      containerUrl = startContainer();
    }
    return containerUrl;
  }

  private static String startContainer() {
    if (!dockerAvailable()) {
      throw new IllegalStateException(
          "no PostgreSQL for tests: set "
              + URL_ENV
              + " to a JDBC URL of an empty database, e.g. "
              + "jdbc:postgresql://localhost:5432/newspipe_test?user=newspipe&password=newspipe, "
              + "or make Docker available so Testcontainers can start "
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

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
