package io.newspipe.sink.consume;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Decides when {@link SinkService#runUntilIdle} is done: the consumer has reached the end offsets
 * captured when it started, and then no record arrived for the idle time.
 */
final class IdleWatch {

  private final Map<TopicPartition, Long> endOffsets;
  private final long idleNanos;
  private boolean quiet;
  private long quietSince;

  IdleWatch(Map<TopicPartition, Long> endOffsets, Duration idle) {
    this.endOffsets = Map.copyOf(endOffsets);
    this.idleNanos = idle.toNanos();
  }

  /** End offsets of the topic when the run started; the sink must get at least this far. */
  Map<TopicPartition, Long> endOffsets() {
    return endOffsets;
  }

  /**
   * Called after every poll.
   *
   * @param gotRecords whether the poll returned records
   * @param caughtUp whether every assigned partition is at or past its end offset
   * @param nowNanos a monotonic clock reading
   */
  boolean finished(boolean gotRecords, boolean caughtUp, long nowNanos) {
    if (!caughtUp || gotRecords) {
      quiet = caughtUp;
      quietSince = nowNanos;
      return false;
    }
    if (!quiet) {
      quiet = true;
      quietSince = nowNanos;
    }
    return nowNanos - quietSince >= idleNanos;
  }
}
