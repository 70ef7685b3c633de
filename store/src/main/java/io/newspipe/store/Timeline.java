package io.newspipe.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Articles per hour or day (UTC) over a time range: {@link ArticleQueries#timeline}. Counted with
 * one GROUP BY on the publication time divided by the bucket length (integer division of epoch
 * milliseconds, the same in SQLite and PostgreSQL), then zero-filled so every bucket of the range
 * is there.
 */
public final class Timeline {
  /** Buckets a timeline may have at most (a year of days, six weeks of hours). */
  public static final int MAX_BUCKETS = 1000;

  /** How long one bucket is. */
  public enum Interval {
    HOUR(Duration.ofHours(1)),
    DAY(Duration.ofDays(1));

    private final Duration length;

    Interval(Duration length) {
      this.length = length;
    }

    public Duration length() {
      return length;
    }

    /** The start of the bucket {@code t} falls in. */
    public Instant floor(Instant t) {
      long millis = length.toMillis();
      return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), millis) * millis);
    }

    /** The end of the bucket {@code t} falls in, or {@code t} itself when it starts one. */
    public Instant ceil(Instant t) {
      Instant floor = floor(t);
      return floor.equals(t) ? t : floor.plus(length);
    }
  }

  /** One bucket: the articles published in [{@code start}, {@code start} + interval). */
  public record Bucket(Instant start, long count) {}

  private Timeline() {}

  /**
   * Checks that the range is closed, not empty and not too long; the range is widened to whole
   * buckets.
   *
   * @throws IllegalArgumentException saying what to change
   */
  public static ArticleFilter check(ArticleFilter filter, Interval interval) {
    Objects.requireNonNull(interval, "interval");
    if (filter.since() == null || filter.until() == null) {
      throw new IllegalArgumentException("a timeline needs both since and until");
    }
    Instant since = interval.floor(filter.since());
    Instant until = interval.ceil(filter.until());
    long buckets = Duration.between(since, until).toMillis() / interval.length().toMillis();
    if (buckets > MAX_BUCKETS) {
      throw new IllegalArgumentException(
          "a timeline has at most "
              + MAX_BUCKETS
              + " buckets; "
              + since
              + " to "
              + until
              + " has "
              + buckets
              + " "
              + interval.name().toLowerCase(java.util.Locale.ROOT)
              + "s: shorten the range or use a longer interval");
    }
    return filter.withTimeRange(since, until);
  }

  static List<Bucket> count(Connection c, ArticleFilter checked, Interval interval)
      throws SQLException {
    long millis = interval.length().toMillis();
    List<Object> parameters = new ArrayList<>();
    parameters.add(millis);
    String where = FilterSql.where(checked, parameters);
    String sql =
        "SELECT bucket, count(*) AS n FROM (SELECT "
            + PublishedPage.TIME
            + " / ? AS bucket FROM articles a WHERE "
            + where
            + ") b GROUP BY bucket";
    Map<Long, Long> counts = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        s.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          counts.put(r.getLong("bucket") * millis, r.getLong("n"));
        }
      }
    }
    List<Bucket> buckets = new ArrayList<>();
    for (Instant t = checked.since(); t.isBefore(checked.until()); t = t.plusMillis(millis)) {
      buckets.add(new Bucket(t, counts.getOrDefault(t.toEpochMilli(), 0L)));
    }
    return buckets;
  }
}
