package io.newspipe.schemas.logging;

import org.slf4j.MDC;

/**
 * The article a log line is about, in the logging context (SLF4J's MDC) under {@link #ARTICLE},
 * {@link #FEED} and {@link #STAGE}, so the JSON log ({@code NEWSPIPE_LOG_FORMAT=json}) carries them
 * as fields. Use in try-with-resources around the work on one article; closing restores the keys as
 * they were.
 */
public final class LogContext implements AutoCloseable {

  public static final String ARTICLE = "article";
  public static final String FEED = "feed";
  public static final String STAGE = "stage";

  private final String previousArticle;
  private final String previousFeed;
  private final String previousStage;

  private LogContext() {
    previousArticle = MDC.get(ARTICLE);
    previousFeed = MDC.get(FEED);
    previousStage = MDC.get(STAGE);
  }

  /** Puts the article id, feed (source) id and stage in the context; null values are left out. */
  public static LogContext article(String articleId, String feedId, String stage) {
    LogContext context = new LogContext();
    put(ARTICLE, articleId);
    put(FEED, feedId);
    put(STAGE, stage);
    return context;
  }

  /** The feed (or source directory) and stage only, e.g. around one poll. */
  public static LogContext feed(String feedId, String stage) {
    return article(null, feedId, stage);
  }

  @Override
  public void close() {
    restore(ARTICLE, previousArticle);
    restore(FEED, previousFeed);
    restore(STAGE, previousStage);
  }

  private static void put(String key, String value) {
    if (value != null) {
      MDC.put(key, value);
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}
