package io.newspipe.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DatesTest {

  @Test
  void shouldReadADateAsTheWholeDayInUtc() {
    assertThat(Dates.since("2024-03-10")).isEqualTo(Instant.parse("2024-03-10T00:00:00Z"));
    assertThat(Dates.until("2024-03-20")).isEqualTo(Instant.parse("2024-03-21T00:00:00Z"));
  }

  @Test
  void shouldReadDateTimesWithAndWithoutOffset() {
    assertThat(Dates.since("2024-03-10T08:00")).isEqualTo(Instant.parse("2024-03-10T08:00:00Z"));
    assertThat(Dates.until("2024-03-10T08:00:30Z"))
        .isEqualTo(Instant.parse("2024-03-10T08:00:30Z"));
    assertThat(Dates.since("2024-03-10T10:00+02:00"))
        .isEqualTo(Instant.parse("2024-03-10T08:00:00Z"));
  }

  @Test
  void shouldExplainTheAcceptedFormsWhenADateIsUnreadable() {
    assertThatThrownBy(() -> Dates.since("10/03/2024"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'10/03/2024'")
        .hasMessageContaining("2024-03-10T08:00");
  }
}
