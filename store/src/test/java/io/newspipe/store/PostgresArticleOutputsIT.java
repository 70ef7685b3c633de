package io.newspipe.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.schemas.TaggedArticle;
import io.newspipe.testkit.Postgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The outputs contract (filters, export, timeline, stories) on a real PostgreSQL. */
class PostgresArticleOutputsIT extends ArticleOutputsContract {

  private static Postgres.Schema schema;

  @BeforeAll
  static void createSchema() {
    schema = Postgres.newSchema("store_outputs");
  }

  @AfterAll
  static void dropSchema() {
    schema.close();
  }

  @Override
  protected ArticleStore emptyStore() {
    PostgresStore opened = PostgresStore.open(schema.jdbcUrl(), null, null);
    schema.execute(
        "TRUNCATE articles, article_versions, article_tags, article_entities, consumer_offsets");
    return opened;
  }

  /**
   * Constant memory: the export reads through a server-side cursor (a portal listed in {@code
   * pg_cursors} while rows are read; this query runs in the unnamed one), so the driver holds one
   * fetch of rows, not the result.
   */
  @Test
  void shouldReadTheExportThroughAServerSideCursor() throws Exception {
    List<TaggedArticle> batch = new ArrayList<>();
    for (int i = 0; i < ArticleRows.FETCH_SIZE * 3; i++) {
      batch.add(ArticleStoreContract.story("c" + i, "Report " + i, "x").tags("narcotics").build());
    }
    store.write(batch, GROUP, Map.of());
    try (Connection c = DriverManager.getConnection(schema.jdbcUrl())) {
      c.setAutoCommit(false); // as the store's read transaction does
      try (PreparedStatement s = ArticleRows.prepare(c, ArticleFilter.ALL);
          ResultSet r = s.executeQuery()) {
        assertThat(r.next()).isTrue();
        assertThat(s.getFetchSize()).isEqualTo(ArticleRows.FETCH_SIZE);
        assertThat(openCursors(c)).as("portals open while the export reads").isEqualTo(1);
      }
      c.commit();
    }
  }

  private static long openCursors(Connection c) throws Exception {
    try (Statement q = c.createStatement();
        ResultSet r = q.executeQuery("SELECT count(*) FROM pg_cursors WHERE name <> ''")) {
      r.next();
      return r.getLong(1);
    }
  }
}
