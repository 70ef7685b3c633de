package io.newspipe.ingest.feed;

import io.newspipe.schemas.FeedHealth;
import io.newspipe.schemas.FeedPollOutcome;
import io.newspipe.schemas.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one poll into the feed's {@link FeedHealth}: failures in a row, items seen, and whether a
 * feed that used to publish has gone silent. Pure: the counters live in the feed's {@link
 * FeedState} (so they survive a restart), which {@link #record} updates.
 *
 * <p>Silence: the usual gap of a feed is the median of the recent times between polls that found a
 * new item (the median, so one quiet weekend does not redefine "usual"). Ingest only sees new items
 * when it polls, so a gap is never shorter than the poll interval. A feed is silent when nothing
 * new has come for more than {@code factor} times its usual gap; it needs {@value #MIN_GAPS} gaps
 * before it is judged, so a new feed is never called silent.
 */
public final class FeedHealthTracker {

  /** Default of {@code ingest.feeds.silent.factor}. */
  public static final int DEFAULT_SILENT_FACTOR = 3;

  /** Gaps remembered per feed; the oldest is dropped first. */
  static final int MAX_GAPS = 16;

  /** Gaps needed before a feed can be called silent ("a feed that used to publish"). */
  static final int MIN_GAPS = 3;

  private final int silentFactor;

  /**
   * @param silentFactor a feed is silent after this many usual gaps without a new item (at least 1)
   */
  public FeedHealthTracker(int silentFactor) {
    if (silentFactor < 1) {
      throw new IllegalArgumentException(
          "ingest.feeds.silent.factor must be at least 1, got " + silentFactor);
    }
    this.silentFactor = silentFactor;
  }

  /** What one poll came to, as the poller saw it. */
  public record Poll(
      Instant at,
      FeedPollOutcome outcome,
      Integer httpStatus,
      String message,
      int newItems,
      Instant latestItemTime) {

    public boolean succeeded() {
      return outcome == FeedPollOutcome.OK || outcome == FeedPollOutcome.NOT_MODIFIED;
    }
  }

  /** Updates the feed's counters in {@code state} with {@code poll} and returns its health. */
  public FeedHealth record(FeedState state, Poll poll) {
    Instant now = poll.at();
    if (poll.succeeded()) {
      state.setConsecutiveFailures(0);
      state.setLastSuccessAt(now);
    } else {
      state.setConsecutiveFailures(state.getConsecutiveFailures() + 1);
    }
    if (poll.newItems() > 0) {
      if (state.getLastNewItemAt() != null && now.isAfter(state.getLastNewItemAt())) {
        List<Long> gaps = new ArrayList<>(state.getNewItemGaps());
        gaps.add(Duration.between(state.getLastNewItemAt(), now).toMillis());
        while (gaps.size() > MAX_GAPS) {
          gaps.remove(0);
        }
        state.setNewItemGaps(gaps);
      }
      state.setLastNewItemAt(now);
      state.setItemsSeen(state.getItemsSeen() + poll.newItems());
    }
    Instant latest = poll.latestItemTime();
    if (latest != null
        && !latest.isAfter(now)
        && (state.getLastItemAt() == null || latest.isAfter(state.getLastItemAt()))) {
      state.setLastItemAt(latest);
    }
    Duration usual = usualGap(state.getNewItemGaps());
    return FeedHealth.newBuilder()
        .setFeedId(state.getFeedId())
        .setUrl(state.getUrl())
        .setPolledAt(now)
        .setOutcome(poll.outcome())
        .setHttpStatus(poll.httpStatus())
        .setMessage(poll.succeeded() ? null : poll.message())
        .setConsecutiveFailures(state.getConsecutiveFailures())
        .setItemsSeen(state.getItemsSeen())
        .setNewItems(poll.newItems())
        .setLastItemAt(state.getLastItemAt())
        .setLastSuccessAt(state.getLastSuccessAt())
        .setLastNewItemAt(state.getLastNewItemAt())
        .setUsualGapMillis(usual == null ? null : usual.toMillis())
        .setSilentSince(silentSince(state.getLastNewItemAt(), usual, now))
        .build();
  }

  /** The median of the gaps, or null when fewer than {@value #MIN_GAPS} are known. */
  static Duration usualGap(List<Long> gaps) {
    if (gaps.size() < MIN_GAPS) {
      return null;
    }
    List<Long> sorted = gaps.stream().sorted().toList();
    int mid = sorted.size() / 2;
    long median =
        sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    return Duration.ofMillis(median);
  }

  /** When the feed went quiet, if it has been quiet for more than the factor times its gap. */
  Instant silentSince(Instant lastNewItemAt, Duration usualGap, Instant now) {
    if (lastNewItemAt == null || usualGap == null || usualGap.isZero()) {
      return null;
    }
    Duration quiet = Duration.between(lastNewItemAt, now);
    return quiet.compareTo(usualGap.multipliedBy(silentFactor)) > 0 ? lastNewItemAt : null;
  }
}
