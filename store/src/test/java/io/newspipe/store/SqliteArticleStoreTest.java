package io.newspipe.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite: a new database file per test. */
class SqliteArticleStoreTest extends ArticleStoreContract {

  @TempDir Path dir;

  @Override
  protected ArticleStore emptyStore() {
    return SqliteStore.open(dir.resolve("newspipe.db"));
  }
}
