package io.newspipe.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens the store named by {@code store.url}: {@code sqlite:PATH} or {@code
 * jdbc:postgresql://HOST:PORT/DATABASE}. PostgreSQL credentials come from the environment, never
 * from settings files: {@code NEWSPIPE_STORE_USER} / {@code NEWSPIPE_STORE_PASSWORD}, else the
 * usual {@code PGUSER} / {@code PGPASSWORD}, else the URL's own {@code user}/{@code password}
 * parameters or {@code ~/.pgpass}.
 */
public final class Stores {
  public static final String USER_ENV = "NEWSPIPE_STORE_USER";
  public static final String PASSWORD_ENV = "NEWSPIPE_STORE_PASSWORD";

  private Stores() {}

  public static ArticleStore open(String url) {
    return open(url, System.getenv());
  }

  /**
   * Opens a store that must already exist, for commands that only read it: a missing SQLite file is
   * an error that says how to create it, rather than a new empty store.
   */
  public static ArticleStore openExisting(String url) {
    if (url.startsWith("sqlite:") && !Files.exists(sqliteFile(url))) {
      throw new IllegalArgumentException(
          "no store at "
              + sqliteFile(url)
              + ": run 'newspipe up' (or sink) first, or point --store / store.url at the store");
    }
    return open(url);
  }

  static ArticleStore open(String url, Map<String, String> env) {
    if (url.startsWith("sqlite:")) {
      return SqliteStore.open(sqliteFile(url));
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return PostgresStore.open(
          url, first(env, USER_ENV, "PGUSER"), first(env, PASSWORD_ENV, "PGPASSWORD"));
    }
    throw new IllegalArgumentException(
        "store.url '"
            + describe(url)
            + "' is not supported; use sqlite:PATH (e.g. sqlite:./data/newspipe.db) or"
            + " jdbc:postgresql://HOST:PORT/DATABASE");
  }

  /** The file of a {@code sqlite:PATH} URL. */
  public static Path sqliteFile(String url) {
    String path = url.substring("sqlite:".length());
    if (path.isBlank()) {
      throw new IllegalArgumentException(
          "store.url '" + url + "' has no file path; use e.g. sqlite:./data/newspipe.db");
    }
    return Path.of(path);
  }

  /** The URL as it may be printed: a PostgreSQL URL loses its parameters (credentials). */
  public static String describe(String url) {
    return url.startsWith("jdbc:postgresql:") ? PostgresStore.redacted(url) : url;
  }

  private static String first(Map<String, String> env, String... names) {
    for (String name : names) {
      String value = env.get(name);
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return null;
  }
}
