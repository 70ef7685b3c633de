package io.newspipe.sink.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdleWatchTest {

  private static final long MS = 1_000_000L;
  private final IdleWatch watch = new IdleWatch(Map.of(), Duration.ofMillis(100));

  @Test
  void shouldFinishOnlyAfterBeingCaughtUpAndQuietForTheIdleTime() {
    assertThat(watch.finished(false, false, 0)).isFalse();
    assertThat(watch.finished(false, false, 500 * MS)).as("not caught up: never done").isFalse();
    assertThat(watch.finished(false, true, 600 * MS)).as("quiet starts now").isFalse();
    assertThat(watch.finished(false, true, 650 * MS)).isFalse();
    assertThat(watch.finished(false, true, 700 * MS)).isTrue();
  }

  @Test
  void shouldRestartTheIdleTimeWhenRecordsArrive() {
    watch.finished(false, true, 0);
    assertThat(watch.finished(true, true, 90 * MS)).isFalse();
    assertThat(watch.finished(false, true, 150 * MS))
        .as("only 60 ms since the last record")
        .isFalse();
    assertThat(watch.finished(false, true, 190 * MS)).isTrue();
  }

  @Test
  void shouldRestartTheIdleTimeWhenFallingBehindAgain() {
    watch.finished(false, true, 0);
    watch.finished(false, false, 80 * MS); // e.g. rewound after a failed write
    assertThat(watch.finished(false, true, 120 * MS)).isFalse();
    assertThat(watch.finished(false, true, 220 * MS)).isTrue();
  }
}
