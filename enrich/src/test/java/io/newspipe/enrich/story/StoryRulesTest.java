package io.newspipe.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StoryRulesTest {

  @Test
  void shouldDefaultToThreeDaysAndTheTunedThreshold() {
    assertThat(StoryRules.DEFAULTS.window()).isEqualTo(Duration.ofDays(3));
    assertThat(StoryRules.DEFAULTS.similarity()).isEqualTo(StoryRules.DEFAULT_SIMILARITY);
    assertThat(StoryRules.ofDays(5, 0.5)).isEqualTo(new StoryRules(Duration.ofDays(5), 0.5));
  }

  @Test
  void shouldRefuseAWindowThatIsNotPositiveSayingWhatIsExpected() {
    assertThatThrownBy(() -> StoryRules.ofDays(0, 0.3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1 day");
    assertThatThrownBy(() -> new StoryRules(Duration.ZERO, 0.3))
        .hasMessageContaining("must be positive");
  }

  @Test
  void shouldRefuseASimilarityOutsideZeroToOne() {
    assertThatThrownBy(() -> StoryRules.ofDays(3, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("above 0 and at most 1");
    assertThatThrownBy(() -> StoryRules.ofDays(3, 1.5)).hasMessageContaining("not 1.5");
    assertThatThrownBy(() -> StoryRules.ofDays(3, Double.NaN)).hasMessageContaining("NaN");
  }
}
