package io.newspipe.ingest.format.validate;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value formats both standards use: RFC 3339 date-times (JSON Schema {@code date-time}), the
 * XML Schema date and time types NewsML-G2 builds on, QCodes and URI references. Each check reads
 * the lexical form and then the calendar, so {@code 2024-02-30} is rejected too.
 */
final class Lexical {

  // year (4+ digits, no leading zero beyond four), month, day, time with optional fraction, zone
  private static final String YEAR = "-?(?:[1-9][0-9]*)?[0-9]{4}";
  private static final String ZONE = "(Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))";
  private static final Pattern RFC3339 =
      Pattern.compile(
          "([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(\\.[0-9]+)?"
              + "([Zz]|[+-][0-9]{2}:[0-9]{2})");
  private static final Pattern XSD_DATE_TIME =
      Pattern.compile(
          "("
              + YEAR
              + ")-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\\.[0-9]+)?"
              + ZONE
              + "?");
  private static final Pattern XSD_DATE =
      Pattern.compile("(" + YEAR + ")-([0-9]{2})-([0-9]{2})" + ZONE + "?");
  private static final Pattern XSD_YEAR_MONTH =
      Pattern.compile("(" + YEAR + ")-([0-9]{2})" + ZONE + "?");
  private static final Pattern XSD_YEAR = Pattern.compile(YEAR + ZONE + "?");
  private static final Pattern TRUNCATED_RFC3339 =
      Pattern.compile(
          YEAR
              + "(-(1[0-2]|0[1-9])(-(3[01]|0[1-9]|[12][0-9])"
              + "(T(2[0-3]|[01][0-9]):[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?"
              + "(Z|[+-](?:2[0-3]|[01][0-9]):[0-5][0-9])?)?)?)?");
  private static final Pattern DATE_PREFIX =
      Pattern.compile("(" + YEAR + ")-([0-9]{2})-([0-9]{2})");
  private static final Pattern QCODE = Pattern.compile("[^\\s:]+:\\S+");
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");

  private Lexical() {}

  /** RFC 3339 {@code date-time}, as JSON Schema's {@code format: date-time} means it. */
  static boolean isRfc3339DateTime(String s) {
    Matcher m = RFC3339.matcher(s);
    if (!m.matches()) {
      return false;
    }
    String zone = m.group(8);
    boolean zoneOk =
        zone.equalsIgnoreCase("z")
            || (Integer.parseInt(zone.substring(1, 3)) <= 23
                && Integer.parseInt(zone.substring(4, 6)) <= 59);
    return zoneOk
        && isDate(m.group(1), m.group(2), m.group(3))
        && isTime(m.group(4), m.group(5), m.group(6));
  }

  /**
   * A date, truncated at any point down to the year, optionally with a full time: ninjs 3's {@code
   * truncatedDateTimeType} ({@code 2023}, {@code 2023-07}, {@code 2023-07-12T09:00:00Z}).
   */
  static boolean isTruncatedDateTime(String s) {
    if (!TRUNCATED_RFC3339.matcher(s).matches()) {
      return false;
    }
    Matcher date = DATE_PREFIX.matcher(s);
    return !date.lookingAt() || isDate(date.group(1), date.group(2), date.group(3));
  }

  /** {@code xs:dateTime} (the zone is optional). */
  static boolean isXsdDateTime(String s) {
    Matcher m = XSD_DATE_TIME.matcher(s);
    return m.matches()
        && isDate(m.group(1), m.group(2), m.group(3))
        && (isTime(m.group(4), m.group(5), m.group(6)) || isEndOfDay(m));
  }

  /** {@code xs:date}. */
  static boolean isXsdDate(String s) {
    Matcher m = XSD_DATE.matcher(s);
    return m.matches() && isDate(m.group(1), m.group(2), m.group(3));
  }

  /** NewsML-G2 {@code DateOptTimeType}: a date, or a date and time. */
  static boolean isXsdDateOptTime(String s) {
    return isXsdDate(s) || isXsdDateTime(s);
  }

  /** NewsML-G2 {@code TruncatedDateTimeType}: date-time, date, year-month or year. */
  static boolean isXsdTruncatedDateTime(String s) {
    if (isXsdDateOptTime(s) || XSD_YEAR.matcher(s).matches()) {
      return true;
    }
    Matcher m = XSD_YEAR_MONTH.matcher(s);
    return m.matches() && isMonth(m.group(2));
  }

  /** A QCode: a scheme alias, a colon and a code, without white space ({@code medtop:04000000}). */
  static boolean isQCode(String s) {
    return QCODE.matcher(s).matches();
  }

  /**
   * A URI reference as {@code xs:anyURI} accepts it: characters a processor would escape (spaces,
   * non-ASCII) are allowed, but a {@code %} must start an escape of two hex digits, there is at
   * most one {@code #}, and a scheme, if there is one, is well formed.
   */
  static boolean isUriReference(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '%'
          && (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2)))) {
        return false;
      }
    }
    int hash = s.indexOf('#');
    if (hash >= 0 && s.indexOf('#', hash + 1) >= 0) {
      return false;
    }
    int colon = s.indexOf(':');
    if (colon < 0) {
      return true;
    }
    String beforeColon = s.substring(0, colon);
    boolean looksLikeScheme = beforeColon.indexOf('/') < 0 && beforeColon.indexOf('?') < 0;
    return !looksLikeScheme || (colon > 0 && SCHEME.matcher(beforeColon).matches());
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  private static boolean isDate(String year, String month, String day) {
    try {
      // beyond nine digits only whether February has 29 days is in question; any leap year answers
      int y = year.length() > 9 ? 2000 : Integer.parseInt(year);
      LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day));
      return true;
    } catch (DateTimeException | NumberFormatException e) {
      return false;
    }
  }

  private static boolean isMonth(String month) {
    try {
      YearMonth.of(2000, Integer.parseInt(month));
      return true;
    } catch (DateTimeException | NumberFormatException e) {
      return false;
    }
  }

  private static boolean isTime(String hour, String minute, String second) {
    int s = Integer.parseInt(second);
    try {
      // RFC 3339 and XML Schema allow a leap second 60
      LocalTime.of(Integer.parseInt(hour), Integer.parseInt(minute), s == 60 ? 59 : s);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  // xs:dateTime allows 24:00:00 for the end of a day
  private static boolean isEndOfDay(Matcher m) {
    return m.group(4).equals("24")
        && m.group(5).equals("00")
        && m.group(6).equals("00")
        && (m.group(7) == null || m.group(7).matches("\\.0+"));
  }
}
