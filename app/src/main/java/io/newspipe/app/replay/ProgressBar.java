package io.newspipe.app.replay;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a long run on standard error: a bar redrawn in place, with rate and ETA, on a
 * terminal; a plain line every few seconds otherwise (logs and CI have no carriage returns).
 */
public final class ProgressBar implements Retagger.Listener {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean terminal;
  private long startNanos;
  private long startDone = -1;
  private final long intervalNanos;
  private long lastNanos;
  private long lastDone = -1;

  public ProgressBar(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
    this.intervalNanos = terminal ? 100_000_000L : 5_000_000_000L;
  }

  @Override
  public void progress(long done, long total) {
    long now = System.nanoTime();
    if (startDone < 0) { // the rate counts from the first batch, not from setup
      startDone = done;
      startNanos = now;
    }
    if (done == lastDone || (now - lastNanos < intervalNanos && done < total)) {
      return;
    }
    lastNanos = now;
    lastDone = done;
    String line = render(done, total, done - startDone, (now - startNanos) / 1e9);
    if (terminal) {
      err.print("\r" + line);
      if (done >= total) {
        err.println();
      }
    } else {
      err.println(line);
    }
    err.flush();
  }

  /** {@code recent}: done in the {@code seconds} the rate is measured over. */
  static String render(long done, long total, long recent, double seconds) {
    double fraction = total == 0 ? 1 : Math.min(1, (double) done / total);
    int filled = (int) Math.round(fraction * WIDTH);
    double rate = seconds > 0 ? recent / seconds : 0;
    String eta = rate > 0 && done < total ? clock((total - done) / rate) : "--:--";
    return String.format(
        Locale.ROOT,
        "retag [%s%s] %3.0f%%  %,d/%,d  %,.0f/s  ETA %s",
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        fraction * 100,
        done,
        total,
        rate,
        eta);
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
