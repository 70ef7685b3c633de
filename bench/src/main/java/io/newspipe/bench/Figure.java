package io.newspipe.bench;

import java.util.Locale;

/**
 * One measured line of the benchmark: how many articles (or records) in how long, and how many
 * bytes of article text they carried.
 *
 * @param group {@code ceiling}, {@code stage} or {@code pipeline}
 * @param name what was measured
 * @param items articles or records processed
 * @param bytes article bytes processed (the corpus size for a full pass)
 * @param seconds wall-clock time
 */
record Figure(String group, String name, long items, long bytes, double seconds) {

  double perSecond() {
    return items / seconds;
  }

  double megabytesPerSecond() {
    return bytes / seconds / 1e6;
  }

  String row() {
    return String.format(
        Locale.ROOT,
        "%-9s %-44s %9d %9.1f %11.0f %8.2f",
        group,
        name,
        items,
        seconds,
        perSecond(),
        megabytesPerSecond());
  }

  static String header() {
    return String.format(
        Locale.ROOT,
        "%-9s %-44s %9s %9s %11s %8s",
        "kind",
        "what",
        "articles",
        "seconds",
        "articles/s",
        "MB/s");
  }
}
