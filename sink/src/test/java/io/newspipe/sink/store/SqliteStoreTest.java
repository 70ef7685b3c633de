package io.newspipe.sink.store;

import static io.newspipe.sink.Fixtures.ENRICHED;
import static io.newspipe.sink.Fixtures.PUBLISHED;
import static io.newspipe.sink.Fixtures.article;
import static io.newspipe.sink.Fixtures.tag;
import static io.newspipe.sink.Fixtures.tagged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspipe.schemas.EntityKind;
import io.newspipe.schemas.Signal;
import io.newspipe.schemas.TaggedArticle;
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

/** The SQLite store against a real database file in a temporary directory. */
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
    assertThat(query("SELECT version FROM flyway_schema_history WHERE success = 1"))
        .containsExactly("1");
  }

  @Test
  void shouldKeepDataAcrossReopeningWithoutMigratingAgain() throws SQLException {
    store.write(List.of(tagged("a1", 1, "Captagon seized", tag("narcotics", 3))), GROUP, Map.of());
    store.close();

    store = SqliteStore.open(file);

    assertThat(store.article("a1")).isPresent();
    assertThat(query("SELECT count(*) FROM flyway_schema_history")).containsExactly("1");
  }

  @Test
  void shouldStoreTheSameBatchTwiceAsOneSetOfRows() throws SQLException {
    List<TaggedArticle> batch =
        List.of(
            tagged("a1", 1, "Captagon seized", tag("narcotics", 3), tag("middle-east", 2)),
            tagged("a2", 1, "Election meddling", tag("election", 4)));

    store.write(batch, GROUP, Map.of(P0, 2L));
    List<String> first = allRows();
    store.write(batch, GROUP, Map.of(P0, 2L));

    assertThat(allRows()).isEqualTo(first);
    assertThat(store.articleCount()).isEqualTo(2);
    assertThat(store.versionCount("a1")).isEqualTo(1);
    assertThat(store.tags("a1"))
        .extracting(StoredTag::tagId)
        .containsExactly("narcotics", "middle-east");
  }

  @Test
  void shouldKeepVersionTwoWhenVersionOneArrivesAfterIt() {
    store.write(List.of(tagged("a1", 2, "Second take", tag("election", 5))), GROUP, Map.of());
    store.write(List.of(tagged("a1", 1, "First take", tag("narcotics", 3))), GROUP, Map.of());

    StoredArticle stored = store.article("a1").orElseThrow();
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.headline()).isEqualTo("Second take");
    assertThat(stored.tags()).extracting(StoredTag::tagId).containsExactly("election");
    assertThat(store.versionCount("a1"))
        .as("the late v1 is still kept in the history")
        .isEqualTo(2);
  }

  @Test
  void shouldReplaceTagsWhenANewerVersionArrives() {
    store.write(
        List.of(
            tagged("a1", 1, "First take", tag("narcotics", 3)),
            tagged("a1", 2, "Second take", tag("election", 5))),
        GROUP,
        Map.of());

    StoredArticle stored = store.article("a1").orElseThrow();
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.headline()).isEqualTo("Second take");
    assertThat(stored.tags()).extracting(StoredTag::tagId).containsExactly("election");
    assertThat(store.versionCount("a1")).isEqualTo(2);
  }

  @Test
  void shouldApplyARetagOfTheSameVersionButIgnoreAStaleOne() {
    var article = article("a1", 1, "Captagon seized", Signal.USABLE);
    store.write(List.of(tagged(article, ENRICHED, tag("narcotics", 3))), GROUP, Map.of());

    store.write(
        List.of(tagged(article, ENRICHED.plusSeconds(60), tag("middle-east", 2))), GROUP, Map.of());
    assertThat(store.tags("a1")).extracting(StoredTag::tagId).containsExactly("middle-east");

    store.write(
        List.of(tagged(article, ENRICHED.minusSeconds(60), tag("election", 9))), GROUP, Map.of());
    assertThat(store.tags("a1")).extracting(StoredTag::tagId).containsExactly("middle-east");
    assertThat(store.versionCount("a1")).isEqualTo(1);
  }

  @Test
  void shouldMarkACanceledArticleWithdrawnAndKeepIt() {
    store.write(List.of(tagged("a1", 1, "Captagon seized", tag("narcotics", 3))), GROUP, Map.of());
    var kill = article("a1", 2, "KILL: Captagon seized", Signal.CANCELED);
    store.write(List.of(tagged(kill, ENRICHED)), GROUP, Map.of());

    StoredArticle stored = store.article("a1").orElseThrow();
    assertThat(stored.withdrawn()).isTrue();
    assertThat(stored.signal()).isEqualTo(Signal.CANCELED);
    assertThat(store.articleCount()).isEqualTo(1);
    assertThat(store.versionCount("a1")).isEqualTo(2);
  }

  @Test
  void shouldKeepAWithdrawalWhenTheSameVersionIsRedeliveredAsUsable() {
    var usable = article("a1", 1, "Captagon seized", Signal.USABLE);
    var kill = article("a1", 1, "Captagon seized", Signal.CANCELED);
    store.write(List.of(tagged(usable, ENRICHED), tagged(kill, ENRICHED)), GROUP, Map.of());

    store.write(List.of(tagged(usable, ENRICHED)), GROUP, Map.of());

    assertThat(store.article("a1").orElseThrow().withdrawn()).isTrue();
  }

  @Test
  void shouldStoreOffsetsPerGroupAndPartitionAndMoveThem() {
    store.write(List.of(tagged("a1", 1, "One")), GROUP, Map.of(P0, 1L, P1, 7L));
    store.write(List.of(tagged("a2", 1, "Two")), GROUP, Map.of(P0, 2L));
    store.write(List.of(), "other-group", Map.of(P0, 99L));

    assertThat(store.offsets(GROUP)).isEqualTo(Map.of(P0, 2L, P1, 7L));
    assertThat(store.offsets("other-group")).isEqualTo(Map.of(P0, 99L));
    assertThat(store.offsets("unknown")).isEmpty();
  }

  @Test
  void shouldStoreNeitherRowsNorOffsetsWhenABatchFailsMidway() {
    store.write(List.of(tagged("a0", 1, "Before")), GROUP, Map.of(P0, 5L));
    TaggedArticle broken = tagged("a2", 1, "Broken");
    broken.getArticle().setHeadline(null); // violates NOT NULL after a1 was written

    assertThatThrownBy(
            () ->
                store.write(
                    List.of(tagged("a1", 1, "Good", tag("narcotics", 3)), broken),
                    GROUP,
                    Map.of(P0, 10L)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("safe to retry");

    assertThat(store.article("a1")).isEmpty();
    assertThat(store.tags("a1")).isEmpty();
    assertThat(store.versionCount("a1")).isZero();
    assertThat(store.articleCount()).isEqualTo(1);
    assertThat(store.offsets(GROUP)).isEqualTo(Map.of(P0, 5L));
  }

  @Test
  void shouldRoundTripTagsWithEvidenceAndEntities() {
    store.write(List.of(tagged("a1", 1, "Captagon seized", tag("narcotics", 3))), GROUP, Map.of());

    StoredArticle stored = store.article("a1").orElseThrow();
    assertThat(stored.tags())
        .containsExactly(
            new StoredTag(
                "narcotics",
                "NARCOTICS",
                3.0,
                0.6,
                List.of("medtop:20000096"),
                List.of(new StoredEvidence("headline", 0, 8, "Captagon", "phrase:captagon"))));
    assertThat(stored.entities()).containsExactly(new StoredEntity(EntityKind.PLACE, "Syria", 2));
    assertThat(stored.publishedAt()).isEqualTo(PUBLISHED);
    assertThat(stored.enrichedAt()).isEqualTo(ENRICHED);
    assertThat(stored.updatedAt()).isNull();
    assertThat(stored.sourceFormat()).isEqualTo("text");
    assertThat(stored.storyId()).isEqualTo("story-a1");
    assertThat(stored.taxonomyVersion()).isEqualTo("2025.1");
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

  private List<String> allRows() throws SQLException {
    List<String> rows = new ArrayList<>();
    for (String table :
        List.of(
            "articles",
            "article_versions",
            "article_tags",
            "article_entities",
            "consumer_offsets")) {
      rows.addAll(query("SELECT * FROM " + table + " ORDER BY 1, 2"));
    }
    return rows;
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
