package io.newspipe.read;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The DATE arguments of {@code search}, {@code replay}, {@code subscribe} and the web API: an ISO
 * date ({@code 2024-03-10}), a local date-time read as UTC ({@code 2024-03-10T08:00}) or an instant
 * with offset ({@code 2024-03-10T08:00:00Z}, {@code 2024-03-10T10:00+02:00}).
 */
public final class Dates {
  private Dates() {}

  /** Where a window starts: a date means the start of that day (UTC). */
  public static Instant since(String text) {
    return parse(text, false);
  }

  /**
   * Where a window ends (exclusive): a date means the END of that day, so {@code --since 2024-03-10
   * --until 2024-03-20} covers both days whole, as people read it.
   */
  public static Instant until(String text) {
    return parse(text, true);
  }

  private static Instant parse(String text, boolean endOfDay) {
    String s = text == null ? "" : text.trim();
    try {
      if (s.length() == 10) {
        LocalDate day = LocalDate.parse(s);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        return OffsetDateTime.parse(s).toInstant();
      }
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "cannot read the date '"
              + text
              + "': use an ISO date (2024-03-10) or date-time (2024-03-10T08:00, read as UTC;"
              + " or 2024-03-10T08:00+02:00)");
    }
  }
}
