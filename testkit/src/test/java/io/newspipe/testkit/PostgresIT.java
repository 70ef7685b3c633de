package io.newspipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Needs a real PostgreSQL (see {@link Postgres}); fails, never skips, without one. */
class PostgresIT {

  @Test
  void shouldPreferTheUrlFromTheEnvironment() {
    String fromEnv = System.getenv(Postgres.URL_ENV);
    String url = Postgres.jdbcUrl();
    if (fromEnv != null && !fromEnv.isBlank()) {
      assertThat(url).isEqualTo(fromEnv);
    } else {
      assertThat(url).startsWith("jdbc:postgresql://").contains("user=");
    }
  }

  @Test
  void shouldWorkInAFreshSchemaAndDropItWhenClosed() throws Exception {
    Postgres.Schema schema = Postgres.newSchema("Testkit-IT");
    assertThat(schema.name()).matches("testkit_it_[0-9a-f]{8}");
    schema.execute("CREATE TABLE t (x int)", "INSERT INTO t VALUES (42)");
    try (Connection c = DriverManager.getConnection(schema.jdbcUrl());
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT current_schema(), x FROM t")) {
      r.next();
      assertThat(r.getString(1)).isEqualTo(schema.name());
      assertThat(r.getInt(2)).isEqualTo(42);
    }

    schema.close();

    assertThatThrownBy(() -> schema.execute("SELECT * FROM t"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void shouldNameTheDatabaseButNotItsCredentialsInErrors() {
    assertThat(Postgres.withoutParameters("jdbc:postgresql://h:1/db?user=u&password=secret"))
        .isEqualTo("jdbc:postgresql://h:1/db");
  }
}
