package io.newspipe.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspipe.schemas.FeedHealth;
import io.newspipe.schemas.FeedPollOutcome;
import io.newspipe.schemas.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedHealthTrackerTest {

  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private final FeedHealthTracker tracker = new FeedHealthTracker(3);

  private static FeedState fresh() {
    return FeedState.newBuilder()
        .setFeedId("wire")
        .setUrl("https://example.com/feed")
        .setItemHashes(new HashMap<>())
        .setItemVersions(new HashMap<>())
        .build();
  }

  private static FeedHealthTracker.Poll ok(Instant at, int newItems) {
    return new FeedHealthTracker.Poll(at, FeedPollOutcome.OK, 200, null, newItems, null);
  }

  private static FeedHealthTracker.Poll failed(
      Instant at, FeedPollOutcome outcome, Integer status) {
    return new FeedHealthTracker.Poll(at, outcome, status, "it broke", 0, null);
  }

  /** Polls every hour; a new item on each of the first {@code publishing} polls. */
  private FeedHealth hourly(FeedState state, int publishing, int quietPolls) {
    FeedHealth last = null;
    for (int i = 0; i < publishing + quietPolls; i++) {
      last = tracker.record(state, ok(T0.plus(Duration.ofHours(i)), i < publishing ? 2 : 0));
    }
    return last;
  }

  @Test
  void shouldCountFailuresInARowAndResetThemOnSuccess() {
    FeedState state = fresh();

    FeedHealth first = tracker.record(state, failed(T0, FeedPollOutcome.HTTP_ERROR, 500));
    FeedHealth second =
        tracker.record(state, failed(T0.plusSeconds(60), FeedPollOutcome.TIMEOUT, null));
    FeedHealth recovered =
        tracker.record(
            state,
            new FeedHealthTracker.Poll(
                T0.plusSeconds(120), FeedPollOutcome.NOT_MODIFIED, 304, null, 0, null));

    assertThat(first.getConsecutiveFailures()).isEqualTo(1);
    assertThat(first.getHttpStatus()).isEqualTo(500);
    assertThat(first.getMessage()).isEqualTo("it broke");
    assertThat(first.getLastSuccessAt()).isNull();
    assertThat(second.getConsecutiveFailures()).isEqualTo(2);
    assertThat(second.getOutcome()).isEqualTo(FeedPollOutcome.TIMEOUT);
    assertThat(second.getHttpStatus()).isNull();
    assertThat(recovered.getConsecutiveFailures()).isZero();
    assertThat(recovered.getMessage()).isNull();
    assertThat(recovered.getLastSuccessAt()).isEqualTo(T0.plusSeconds(120));
    assertThat(state.getConsecutiveFailures()).as("kept in the state for restarts").isZero();
  }

  @Test
  void shouldKeepTheLastSuccessThroughFailures() {
    FeedState state = fresh();
    tracker.record(state, ok(T0, 1));

    FeedHealth failing =
        tracker.record(state, failed(T0.plusSeconds(600), FeedPollOutcome.BLOCKED, 301));

    assertThat(failing.getLastSuccessAt()).isEqualTo(T0);
    assertThat(failing.getItemsSeen()).isEqualTo(1);
  }

  @Test
  void shouldCountItemsSeenAndNewInTheLastPoll() {
    FeedState state = fresh();
    tracker.record(state, ok(T0, 5));

    FeedHealth second = tracker.record(state, ok(T0.plusSeconds(300), 2));

    assertThat(second.getItemsSeen()).isEqualTo(7);
    assertThat(second.getNewItems()).isEqualTo(2);
    assertThat(second.getLastNewItemAt()).isEqualTo(T0.plusSeconds(300));
  }

  @Test
  void shouldCallAFeedSilentAfterThreeTimesItsUsualGapWithoutNewItems() {
    FeedState state = fresh();

    // new items at 0..4 h: four gaps of one hour; quiet polls at 5, 6 and 7 h
    FeedHealth threeHoursQuiet = hourly(state, 5, 3);
    FeedHealth fourHoursQuiet = tracker.record(state, ok(T0.plus(Duration.ofHours(8)), 0));

    assertThat(threeHoursQuiet.getUsualGapMillis()).isEqualTo(Duration.ofHours(1).toMillis());
    assertThat(threeHoursQuiet.getSilentSince())
        .as("exactly 3x the usual gap is not yet more than 3x")
        .isNull();
    assertThat(fourHoursQuiet.getSilentSince()).isEqualTo(T0.plus(Duration.ofHours(4)));
  }

  @Test
  void shouldClearSilenceWhenANewItemArrives() {
    FeedState state = fresh();
    hourly(state, 5, 5);

    FeedHealth back = tracker.record(state, ok(T0.plus(Duration.ofHours(10)), 1));

    assertThat(back.getSilentSince()).isNull();
  }

  @Test
  void shouldNeverCallANewFeedSilent() {
    FeedState state = fresh();

    // two gaps only: not enough history to say what is usual
    FeedHealth health = hourly(state, 3, 30);

    assertThat(health.getUsualGapMillis()).isNull();
    assertThat(health.getSilentSince()).isNull();
  }

  @Test
  void shouldHonourAnotherFactor() {
    FeedHealthTracker patient = new FeedHealthTracker(10);
    FeedState state = fresh();
    for (int i = 0; i < 5; i++) {
      patient.record(state, ok(T0.plus(Duration.ofHours(i)), 1));
    }

    FeedHealth fiveQuiet = patient.record(state, ok(T0.plus(Duration.ofHours(9)), 0));
    FeedHealth elevenQuiet = patient.record(state, ok(T0.plus(Duration.ofHours(15)), 0));

    assertThat(fiveQuiet.getSilentSince()).isNull();
    assertThat(elevenQuiet.getSilentSince()).isNotNull();
  }

  @Test
  void shouldTakeTheMedianGapSoOneLongPauseDoesNotRedefineUsual() {
    assertThat(FeedHealthTracker.usualGap(List.of(60_000L, 3_600_000L * 48, 60_000L, 120_000L)))
        .isEqualTo(Duration.ofMillis(90_000));
    assertThat(FeedHealthTracker.usualGap(List.of(60_000L, 60_000L))).isNull();
  }

  @Test
  void shouldRememberOnlyTheRecentGaps() {
    FeedState state = fresh();

    hourly(state, FeedHealthTracker.MAX_GAPS + 10, 0);

    assertThat(state.getNewItemGaps()).hasSize(FeedHealthTracker.MAX_GAPS);
  }

  @Test
  void shouldIgnoreItemTimesInTheFuture() {
    FeedState state = fresh();
    tracker.record(
        state,
        new FeedHealthTracker.Poll(
            T0, FeedPollOutcome.OK, 200, null, 1, T0.minus(Duration.ofMinutes(5))));

    FeedHealth health =
        tracker.record(
            state,
            new FeedHealthTracker.Poll(
                T0.plusSeconds(60), FeedPollOutcome.OK, 200, null, 1, T0.plus(Duration.ofDays(3))));

    assertThat(health.getLastItemAt()).isEqualTo(T0.minus(Duration.ofMinutes(5)));
  }

  @Test
  void shouldRefuseAFactorBelowOne() {
    assertThatThrownBy(() -> new FeedHealthTracker(0))
        .hasMessageContaining("ingest.feeds.silent.factor");
  }
}
