package io.newspipe.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export statement on SQLite: forward-only, read-only, with a bounded fetch size. */
class SqliteArticleRowsTest {
  @TempDir Path dir;

  @Test
  void shouldPrepareAForwardOnlyStatementWithABoundedFetchSize() throws Exception {
    Path file = dir.resolve("newspipe.db");
    SqliteStore.open(file).close(); // migrated
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement s = ArticleRows.prepare(c, ArticleFilter.ALL)) {
      assertThat(s.getFetchSize()).isEqualTo(ArticleRows.FETCH_SIZE);
      assertThat(s.getResultSetType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
      assertThat(s.getResultSetConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
    }
  }
}
