package io.newspipe.sink.consume;

import io.newspipe.store.ArticleStore;
import io.newspipe.store.SqliteStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Exactly-once delivery into a real SQLite file. */
class SqliteSinkDeliveryIT extends SinkDeliveryContract {

  @TempDir Path dir;

  @Override
  protected ArticleStore emptyStore() {
    return SqliteStore.open(dir.resolve("newspipe.db"));
  }
}
