package io.newspipe.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.EventMaps;
import io.newspipe.schemas.Evidence;
import io.newspipe.schemas.Signal;
import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One line per tagged article, as {@code subscribe} and {@code replay --to -} print it: for people
 * (time, source, headline, tags, an evidence snippet, and whether it is an update or a withdrawal)
 * or for pipes (the whole TaggedArticle as one JSON line).
 */
public final class ArticleLines {

  /** Output formats. */
  public enum Format {
    TEXT,
    JSON
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final int CONTEXT = 40;

  private ArticleLines() {}

  /** The format named by {@code --format}: text or json, in any case. */
  public static Format format(String name) {
    for (Format f : Format.values()) {
      if (f.name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("--format '" + name + "': use text or json");
  }

  /** The line for one article; {@code focus} are the tags whose evidence is shown first. */
  public static String line(
      TaggedArticle tagged, long timestamp, Format format, Collection<String> focus) {
    return format == Format.JSON ? json(tagged) : text(tagged, timestamp, focus);
  }

  public static String json(TaggedArticle tagged) {
    try {
      return JSON.writeValueAsString(EventMaps.toMap(tagged));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(TaggedArticle tagged, long timestamp, Collection<String> focus) {
    Article a = tagged.getArticle();
    StringBuilder line = new StringBuilder();
    // Publication time; the record timestamp (the same, as ingest writes it) when there is none.
    Instant time =
        a.getPublishedAt() != null ? a.getPublishedAt() : Instant.ofEpochMilli(timestamp);
    line.append(TIME.format(time)).append("  ");
    String marker = marker(a);
    String left = left(tagged, focus);
    if (!left.isEmpty() && a.getSignal() != Signal.CANCELED) {
      marker = marker.isEmpty() ? left : marker + "  " + left;
    }
    if (!marker.isEmpty()) {
      line.append(marker).append("  ");
    }
    line.append(a.getSource().getId()).append("  ").append(oneLine(a.getHeadline()));
    line.append("  [")
        .append(tagged.getTags().stream().map(Tag::getId).collect(Collectors.joining(", ")))
        .append(']');
    String snippet = snippet(tagged, focus);
    if (!snippet.isEmpty()) {
      line.append("  \"").append(snippet).append('"');
    }
    return line.toString();
  }

  // Subscribers must tell a withdrawal or a correction from a new story.
  private static String marker(Article a) {
    if (a.getSignal() == Signal.CANCELED) {
      return "WITHDRAWN";
    }
    if (a.getSignal() == Signal.WITHHELD) {
      return "WITHHELD";
    }
    if (a.getSignal() == Signal.CORRECTION) {
      return "CORRECTION v" + a.getVersion();
    }
    if (a.getSignal() == Signal.UPDATE || a.getVersion() > 1) {
      return "UPDATE v" + a.getVersion();
    }
    return "";
  }

  /**
   * "LEFT a, b" when the article carries none of the subscribed tags: a tag topic re-sends an
   * article that lost its tag (to a new version or a re-tagging) so subscribers can drop it.
   */
  static String left(TaggedArticle tagged, Collection<String> focus) {
    Set<String> has = tagged.getTags().stream().map(Tag::getId).collect(Collectors.toSet());
    if (focus.isEmpty() || focus.stream().anyMatch(has::contains)) {
      return "";
    }
    return "LEFT " + focus.stream().sorted().collect(Collectors.joining(", "));
  }

  /** The first evidence of the first focus tag (else of the best tag), in its context. */
  static String snippet(TaggedArticle tagged, Collection<String> focus) {
    Tag chosen = null;
    for (Tag tag : tagged.getTags()) {
      if (!tag.getEvidence().isEmpty() && (chosen == null || focus.contains(tag.getId()))) {
        boolean better = chosen == null || !focus.contains(chosen.getId());
        if (better) {
          chosen = tag;
        }
      }
    }
    if (chosen == null) {
      return "";
    }
    Evidence e = chosen.getEvidence().get(0);
    String text = fieldText(tagged.getArticle(), e.getField());
    if (text == null
        || e.getStart() < 0
        || e.getEnd() > text.length()
        || e.getStart() > e.getEnd()) {
      return oneLine(e.getText());
    }
    int from = Math.max(0, e.getStart() - CONTEXT);
    int to = Math.min(text.length(), e.getEnd() + CONTEXT);
    return (from > 0 ? "…" : "")
        + oneLine(text.substring(from, to))
        + (to < text.length() ? "…" : "");
  }

  private static String fieldText(Article a, String field) {
    return switch (field) {
      case "headline" -> a.getHeadline();
      case "subheadline" -> a.getSubheadline();
      case "body" -> a.getBody();
      default -> null;
    };
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }
}
