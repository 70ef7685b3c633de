package io.newspipe.store;

import io.newspipe.testkit.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on a real PostgreSQL ({@link Postgres}): one schema for the class, migrated
 * once, emptied before each test.
 */
class PostgresArticleStoreIT extends ArticleStoreContract {

  private static Postgres.Schema schema;

  @BeforeAll
  static void createSchema() {
    schema = Postgres.newSchema("store_contract");
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
}
