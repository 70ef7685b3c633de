package io.newspipe.ingest.format;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wire-format times (ninjs, NewsML-G2, JSON Feed) to instants. These formats all say ISO-8601, but
 * agencies drop the offset or the time part; a missing offset is read as UTC rather than rejecting
 * the story, because a few hours of skew is better than losing the article.
 */
final class Times {

  private static final Logger LOG = LoggerFactory.getLogger(Times.class);

  private Times() {}

  /**
   * The instant, or null for null/blank input.
   *
   * @throws DateTimeParseException if the text is not an ISO-8601 date or date-time
   */
  static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String s = text.strip();
    try {
      return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      if (s.length() <= 10) {
        return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    }
  }

  /**
   * As {@link #parse}, but a value that is not a time is logged and dropped: early ninjs versions
   * do not validate times, and losing one field is better than losing the story.
   */
  static Instant parse(String text, String field, String document) {
    try {
      return parse(text);
    } catch (DateTimeParseException e) {
      LOG.warn(
          "{}: {} '{}' is not an ISO-8601 time, left out; the producer should write it like"
              + " 2024-04-26T09:30:00Z",
          document,
          field,
          text);
      return null;
    }
  }
}
