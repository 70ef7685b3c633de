package io.newspipe.sink.consume;

import io.newspipe.store.ArticleStore;
import io.newspipe.store.PostgresStore;
import io.newspipe.testkit.Postgres;
import org.junit.jupiter.api.AfterEach;

/** Exactly-once delivery into a real PostgreSQL, in a schema of its own per test. */
class PostgresSinkDeliveryIT extends SinkDeliveryContract {

  private Postgres.Schema schema;

  @Override
  protected ArticleStore emptyStore() {
    schema = Postgres.newSchema("sink_delivery");
    return PostgresStore.open(schema.jdbcUrl(), null, null);
  }

  @AfterEach
  void dropSchema() {
    store.close();
    schema.close();
  }
}
