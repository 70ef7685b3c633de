package io.newspipe.web.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.newspipe.store.ArticleFilter;
import io.newspipe.store.ArticleQueries;
import io.newspipe.store.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/tags/timeline?tag=…&interval=day|hour&since=…&until=…}: how many articles with
 * the tag were published per day or hour (UTC), every bucket of the range listed, empty ones with
 * 0. Takes the list filters (several tags, {@code match}, {@code source}, {@code language}) too; at
 * least one tag is required. {@code until} defaults to now, {@code since} to 30 days (48 hours)
 * before it.
 */
public final class TimelineApi {
  static final Duration DEFAULT_DAYS = Duration.ofDays(30);
  static final Duration DEFAULT_HOURS = Duration.ofHours(48);

  private final ArticleQueries store;

  public TimelineApi(ArticleQueries store) {
    this.store = store;
  }

  public void routes(RoutesConfig routes) {
    routes.get("/api/tags/timeline", this::timeline);
  }

  void timeline(Context ctx) {
    Map<String, List<String>> parameters = ctx.queryParamMap();
    FilterParameters.checkNames(parameters, Set.of("interval"));
    Timeline.Interval interval = interval(FilterParameters.text(parameters, "interval"));
    ArticleFilter filter = FilterParameters.parse(parameters);
    if (filter.tags().isEmpty()) {
      throw ApiException.badParameter("tag", "give the tag to count, e.g. tag=narcotics");
    }
    Instant until = filter.until() != null ? filter.until() : Instant.now();
    Instant since =
        filter.since() != null
            ? filter.since()
            : until.minus(interval == Timeline.Interval.DAY ? DEFAULT_DAYS : DEFAULT_HOURS);
    if (!since.isBefore(until)) {
      throw ApiException.badParameter("since", "since (" + since + ") must be before " + until);
    }
    List<Timeline.Bucket> buckets;
    try {
      buckets = store.timeline(filter.withTimeRange(since, until), interval);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter("since", e.getMessage());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("tags", filter.tags().stream().sorted().toList());
    body.put("interval", interval.name().toLowerCase(Locale.ROOT));
    body.put("since", interval.floor(since).toString());
    body.put("until", interval.ceil(until).toString());
    body.put("total", buckets.stream().mapToLong(Timeline.Bucket::count).sum());
    body.put(
        "buckets",
        buckets.stream()
            .map(b -> Map.of("start", b.start().toString(), "count", b.count()))
            .toList());
    Responses.json(ctx, body);
  }

  private static Timeline.Interval interval(String text) {
    return FilterParameters.choice(
        "interval", text, Timeline.Interval.DAY, "interval must be day or hour");
  }
}
