package io.newspipe.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The outputs contract (filters, export, timeline, stories) on SQLite. */
class SqliteArticleOutputsTest extends ArticleOutputsContract {

  @TempDir Path dir;

  @Override
  protected ArticleStore emptyStore() {
    return SqliteStore.open(dir.resolve("newspipe.db"));
  }
}
