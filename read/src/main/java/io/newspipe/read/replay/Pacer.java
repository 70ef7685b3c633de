package io.newspipe.read.replay;

/**
 * Spaces emissions like the original publication times, {@code speed} times faster. Each wait is
 * measured from the start of the run, not from the previous record, so rounding and output time
 * never add up to drift.
 */
public final class Pacer {
  private final double speed;
  private long firstEventMillis = Long.MIN_VALUE;
  private long startNanos;

  /** {@code speed <= 0} means no waiting at all. */
  public Pacer(double speed) {
    this.speed = speed;
  }

  /** Waits until the event published at {@code eventMillis} is due. */
  public void await(long eventMillis) throws InterruptedException {
    if (speed <= 0) {
      return;
    }
    if (firstEventMillis == Long.MIN_VALUE) {
      firstEventMillis = eventMillis;
      startNanos = System.nanoTime();
      return;
    }
    long dueNanos = startNanos + (long) ((eventMillis - firstEventMillis) * 1_000_000d / speed);
    long waitNanos = dueNanos - System.nanoTime();
    if (waitNanos > 0) {
      Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
    }
  }
}
