package io.newspipe.app.cli;

import io.newspipe.ingest.source.BulkImport;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a bulk import's progress: a bar redrawn in place on a terminal, a plain line every few
 * seconds otherwise (log files and CI output must not fill with carriage returns).
 */
final class ImportProgress implements BulkImport.Progress {

  private static final int BAR = 30;
  private static final long TERMINAL_REFRESH_NANOS = 100_000_000L;
  private static final long LINE_EVERY_NANOS = 5_000_000_000L;

  private final PrintWriter out;
  private final boolean terminal;
  private long lastNanos;
  private boolean drawn;

  ImportProgress(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public void update(BulkImport.Counts c) {
    long now = System.nanoTime();
    if (lastNanos != 0
        && now - lastNanos < (terminal ? TERMINAL_REFRESH_NANOS : LINE_EVERY_NANOS)) {
      return;
    }
    lastNanos = now;
    if (terminal) {
      int filled = c.bytesTotal() == 0 ? BAR : (int) (BAR * c.bytesDone() / c.bytesTotal());
      out.print(
          "\r["
              + "#".repeat(Math.min(BAR, filled))
              + ".".repeat(Math.max(0, BAR - filled))
              + "] "
              + line(c));
      drawn = true;
    } else {
      out.println("import progress: " + line(c));
    }
    out.flush();
  }

  /** Draws the final state (the last update may have been throttled) and ends the bar's line. */
  void finish(BulkImport.Counts last) {
    lastNanos = 0;
    if (terminal) {
      update(last);
    }
    if (drawn) {
      out.println();
      out.flush();
    }
  }

  static String line(BulkImport.Counts c) {
    double seconds = Math.max(0.001, c.elapsed().toNanos() / 1e9);
    int percent = c.bytesTotal() == 0 ? 100 : (int) (100 * c.bytesDone() / c.bytesTotal());
    return String.format(
        Locale.ROOT,
        "%3d%%  %,d files  %,d articles  %,d rejected  %,.0f files/s",
        percent,
        c.files(),
        c.articles(),
        c.rejected(),
        c.files() / seconds);
  }
}
