package io.newspipe.notify.alert;

import io.newspipe.notify.watch.WatchMatch;
import io.newspipe.schemas.Alert;
import io.newspipe.schemas.AlertWindow;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.StoryEvent;
import io.newspipe.schemas.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The pure parts of alerting: window aggregation and alert records. */
public final class Alerts {
  private Alerts() {}

  /** The id of the one alert a rule may raise for a story. */
  public static String id(AlertRule rule, String storyId) {
    return rule.id() + ":" + storyId;
  }

  /** An empty window. */
  public static AlertWindow emptyWindow() {
    return AlertWindow.newBuilder()
        .setSources(new ArrayList<>())
        .setTags(new ArrayList<>())
        .build();
  }

  /** {@code window} with one more story event in it. */
  public static AlertWindow add(AlertWindow window, StoryEvent event) {
    List<String> sources = new ArrayList<>(window.getSources());
    if (event.getSourceId() != null && !sources.contains(event.getSourceId())) {
      sources.add(event.getSourceId());
    }
    List<String> tags = new ArrayList<>(window.getTags());
    for (String t : event.getTags()) {
      if (!tags.contains(t)) {
        tags.add(t);
      }
    }
    return AlertWindow.newBuilder()
        .setSources(sources)
        .setTags(tags)
        .setArticleId(event.getArticleId())
        .setHeadline(event.getHeadline())
        .build();
  }

  /** Whether a story rule fires on what one window saw. */
  public static boolean fires(AlertRule rule, AlertWindow window) {
    return window.getSources().size() >= rule.minSources()
        && (rule.tag() == null || window.getTags().contains(rule.tag()));
  }

  /** The alert of a story rule that fired. */
  public static Alert storyAlert(AlertRule rule, String storyId, AlertWindow window, long time) {
    String message =
        String.format(
            "story %s%s reported by %d sources within %s: %s",
            storyId,
            rule.tag() == null ? "" : " tagged " + rule.tag(),
            window.getSources().size(),
            human(rule),
            String.join(", ", window.getSources()));
    return Alert.newBuilder()
        .setId(id(rule, storyId))
        .setRuleId(rule.id())
        .setStoryId(storyId)
        .setArticleId(window.getArticleId())
        .setHeadline(window.getHeadline())
        .setSources(List.copyOf(window.getSources()))
        .setTags(List.copyOf(window.getTags()))
        .setMessage(message)
        .setFiredAt(Instant.ofEpochMilli(time))
        .build();
  }

  /** The alert of a watch rule for one match. */
  public static Alert matchAlert(AlertRule rule, WatchMatch match, long time) {
    Article article = match.article().getArticle();
    String story =
        match.article().getStoryId() != null ? match.article().getStoryId() : article.getId();
    List<String> tags = new ArrayList<>();
    for (Tag t : match.article().getTags()) {
      tags.add(t.getId());
    }
    String source = article.getSource() == null ? null : article.getSource().getId();
    return Alert.newBuilder()
        .setId(id(rule, story))
        .setRuleId(rule.id())
        .setStoryId(match.article().getStoryId())
        .setArticleId(article.getId())
        .setWatchId(match.watch().getId())
        .setHeadline(article.getHeadline())
        .setUrl(article.getUrl())
        .setSources(source == null ? List.of() : List.of(source))
        .setTags(tags)
        .setMessage(
            "new match of saved search " + match.watch().getName() + ": " + article.getHeadline())
        .setFiredAt(Instant.ofEpochMilli(time))
        .build();
  }

  private static String human(AlertRule rule) {
    long minutes = rule.window().toMinutes();
    return minutes * 60 == rule.window().toSeconds()
        ? minutes + " minutes"
        : rule.window().toSeconds() + " s";
  }
}
