package io.newspipe.app.run;

import io.newspipe.sink.store.ArticleStore;
import io.newspipe.sink.store.SqliteStore;
import java.nio.file.Path;

/** Opens the store named by {@code store.url}. */
public final class Stores {
  private Stores() {}

  public static ArticleStore open(String url) {
    if (url.startsWith("sqlite:")) {
      String path = url.substring("sqlite:".length());
      if (path.isBlank()) {
        throw new IllegalArgumentException(
            "store.url '" + url + "' has no file path; use e.g. sqlite:./data/newspipe.db");
      }
      return SqliteStore.open(Path.of(path));
    }
    if (url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "store.url '"
              + url
              + "': the PostgreSQL store is not available in this build yet; use sqlite:PATH");
    }
    throw new IllegalArgumentException(
        "store.url '"
            + url
            + "' is not supported; use sqlite:PATH (e.g. sqlite:./data/newspipe.db)");
  }
}
