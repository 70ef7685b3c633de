package io.newspipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

class PostgresIT {

  @Test
  void shouldGiveAPostgresUrlOrFailSayingHowToProvideOne() {
    String fromEnv = System.getenv(Postgres.URL_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      assertThat(Postgres.jdbcUrl()).isEqualTo(fromEnv);
    } else if (DockerClientFactory.instance().isDockerAvailable()) {
      assertThat(Postgres.jdbcUrl()).startsWith("jdbc:postgresql://").contains("user=");
    } else {
      assertThatThrownBy(Postgres::jdbcUrl)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("set " + Postgres.URL_ENV);
    }
  }
}
