package io.newspipe.store;

import static io.newspipe.testkit.Fixtures.tag;
import static io.newspipe.testkit.Fixtures.tagged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only the SQLite store does (files, WAL, locks); the behaviour both dialects share is in
 * {@link ArticleStoreContract}.
 */
class SqliteStoreTest {

  private static final String GROUP = "newspipe-sink";
  private static final TopicPartition P0 = new TopicPartition("news.articles.tagged", 0);
  private static final TopicPartition P1 = new TopicPartition("news.articles.tagged", 1);

  @TempDir Path dir;
  private Path file;
  private SqliteStore store;

  @BeforeEach
  void open() {
    file = dir.resolve("nested/data/newspipe.db");
    store = SqliteStore.open(file);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void shouldLetAnotherStoreOnTheFileQueryWhatThisOneWrote() {
    // As `up` does: the sink writes through one store, the web reads through another.
    try (SqliteStore reads = SqliteStore.open(file)) {
      assertThat(reads.search(SearchQuery.of("Captagon"))).isEmpty(); // pool connection opened
      store.write(
          List.of(tagged("a1", 1, "Captagon seized", tag("narcotics", 3))), GROUP, Map.of());
      assertThat(reads.search(SearchQuery.of("Captagon")))
          .extracting(SearchHit::id)
          .containsExactly("a1");
      assertThat(reads.article("a1")).isPresent();
      assertThat(reads.articleCount()).isEqualTo(1);
    }
  }

  @Test
  void shouldCreateParentDirectoriesAndMigrateTheSchemaInWalMode() throws SQLException {
    assertThat(file).exists();
    assertThat(query("PRAGMA journal_mode")).containsExactly("wal");
    assertThat(query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        .contains(
            "article_entities",
            "article_tags",
            "article_versions",
            "articles",
            "consumer_offsets",
            "flyway_schema_history");
    assertThat(query("SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY 1"))
        .containsExactly("1", "2", "3");
  }

  @Test
  void shouldPagePublishedArticlesThroughThePublicationTimeIndex() throws SQLException {
    assertThat(
            plan(
                "WHERE NOT a.withdrawn AND "
                    + PublishedPage.TIME
                    + " > 5 ORDER BY "
                    + PublishedPage.TIME
                    + ", a.id"))
        .contains("USING INDEX articles_publication_time")
        .doesNotContain("TEMP B-TREE");
    assertThat(plan("WHERE NOT a.withdrawn ORDER BY " + PublishedPage.TIME + " DESC, a.id DESC"))
        .contains("USING INDEX articles_publication_time")
        .doesNotContain("TEMP B-TREE");
  }

  private String plan(String whereAndOrder) throws SQLException {
    return String.join(
        "\n",
        query("EXPLAIN QUERY PLAN SELECT a.* FROM articles a " + whereAndOrder + " LIMIT 10"));
  }

  @Test
  void shouldKeepDataAcrossReopeningWithoutMigratingAgain() throws SQLException {
    store.write(List.of(tagged("a1", 1, "Captagon seized", tag("narcotics", 3))), GROUP, Map.of());
    store.close();

    store = SqliteStore.open(file);

    assertThat(store.article("a1")).isPresent();
    assertThat(query("SELECT count(*) FROM flyway_schema_history")).containsExactly("3");
  }

  @Test
  void shouldFailWithARetryableErrorWhileAnotherProcessHoldsTheWriteLock() throws SQLException {
    store.close();
    store = SqliteStore.open(file, Duration.ofMillis(50));
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = other.createStatement()) {
      s.execute("BEGIN EXCLUSIVE");

      assertThatThrownBy(() -> store.write(List.of(tagged("a1", 1, "One")), GROUP, Map.of(P0, 1L)))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("locked")
          .hasMessageContaining("another process is writing to " + file.toAbsolutePath());

      s.execute("ROLLBACK");
    }
    store.write(List.of(tagged("a1", 1, "One")), GROUP, Map.of(P0, 1L));
    assertThat(store.offsets(GROUP)).isEqualTo(Map.of(P0, 1L));
  }

  @Test
  void shouldRefuseAFileThatIsNotADatabaseWithAClearMessage() throws Exception {
    Path junk = dir.resolve("junk.db");
    java.nio.file.Files.writeString(junk, "this is not a database, it is a text file".repeat(50));

    assertThatThrownBy(() -> SqliteStore.open(junk))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(junk.toString())
        .hasMessageContaining("writable SQLite database file");
  }

  /** Each row as its columns joined with '|'. */
  private List<String> query(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      List<String> rows = new ArrayList<>();
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "|" : "").append(r.getString(i));
        }
        rows.add(row.toString());
      }
      return rows;
    }
  }
}
