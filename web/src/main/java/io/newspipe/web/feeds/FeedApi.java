package io.newspipe.web.feeds;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.newspipe.schemas.FeedHealth;
import io.newspipe.web.api.ApiException;
import io.newspipe.web.api.Responses;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/feeds}: every polled feed's latest health from {@code news.feeds.health}, the
 * feeds that need attention first (failing, then silent, then the rest).
 */
public final class FeedApi {

  /** A feed's status as the API and the Feeds page show it, in the order they list feeds. */
  public enum Status {
    /** The last poll failed (see outcome and consecutiveFailures). */
    FAILING,
    /** Polls succeed, but a feed that used to publish has brought nothing new for long. */
    SILENT,
    /** The last poll succeeded and the feed is not silent. */
    OK;

    String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Comparator<FeedHealth> ATTENTION_FIRST =
      Comparator.comparing(FeedApi::status)
          .thenComparing(FeedHealth::getConsecutiveFailures, Comparator.reverseOrder())
          .thenComparing(
              FeedHealth::getSilentSince, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(FeedHealth::getFeedId);

  private final FeedHealthView view;

  /**
   * @param view the feeds' health, or null when the web runs without Kafka (then 503)
   */
  public FeedApi(FeedHealthView view) {
    this.view = view;
  }

  public void routes(RoutesConfig routes) {
    routes.get("/api/feeds", this::list);
  }

  void list(Context ctx) {
    if (view == null) {
      throw new ApiException(
          503, "feed health needs Kafka: start the web with the pipeline's Kafka configured");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("feeds", sorted(view.feeds()).stream().map(FeedApi::json).toList());
    body.put("source", view.state());
    Responses.json(ctx, body);
  }

  /** The feeds in the order the API lists them: failing, silent, ok; then by feed id. */
  public static List<FeedHealth> sorted(List<FeedHealth> feeds) {
    return feeds.stream().sorted(ATTENTION_FIRST).toList();
  }

  /** One rule for a feed's status. */
  public static Status status(FeedHealth h) {
    if (h.getConsecutiveFailures() > 0) {
      return Status.FAILING;
    }
    return h.getSilentSince() != null ? Status.SILENT : Status.OK;
  }

  static Map<String, Object> json(FeedHealth h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", h.getFeedId());
    m.put("url", h.getUrl());
    m.put("status", status(h).json());
    m.put("outcome", h.getOutcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    m.put("httpStatus", h.getHttpStatus());
    m.put("message", h.getMessage());
    m.put("consecutiveFailures", h.getConsecutiveFailures());
    m.put("itemsSeen", h.getItemsSeen());
    m.put("newItems", h.getNewItems());
    m.put("lastPoll", time(h.getPolledAt()));
    m.put("lastSuccess", time(h.getLastSuccessAt()));
    m.put("lastItem", time(h.getLastItemAt()));
    m.put("lastNewItem", time(h.getLastNewItemAt()));
    m.put("usualGapSeconds", h.getUsualGapMillis() == null ? null : h.getUsualGapMillis() / 1000);
    m.put("silent", h.getSilentSince() != null);
    m.put("silentSince", time(h.getSilentSince()));
    return m;
  }

  private static String time(Instant t) {
    return t == null ? null : t.toString();
  }
}
