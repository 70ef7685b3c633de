package io.newspipe.notify.alert;

import io.newspipe.schemas.Topics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One alert rule from {@code alerts.rules} in newspipe.yaml. Two kinds:
 *
 * <ul>
 *   <li>a story rule: a story (optionally carrying {@code tag}) reported by at least {@code
 *       minSources} distinct sources within {@code window}: {@code id=eu;tag=election-interference;
 *       minSources=3;window=10m}
 *   <li>a watch rule: any new match of saved search {@code watch}: {@code id=ops;watch=captagon}
 * </ul>
 *
 * Either fires at most once per story.
 *
 * @param id lower-case letters, digits and '-'; names the rule's state stores and alert ids
 * @param tag story rules: only stories with this tag; null for any story
 * @param minSources story rules: distinct sources needed, at least 1
 * @param window story rules: within how long of each other those sources reported
 * @param watchId watch rules: the saved search; null for a story rule
 */
public record AlertRule(String id, String tag, int minSources, Duration window, String watchId) {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,60}");
  private static final Set<String> KEYS = Set.of("id", "tag", "minSources", "window", "watch");

  public AlertRule {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "alert rule id '"
              + id
              + "' must be lower-case letters, digits and '-' (e.g. eu-3-sources)");
    }
    if (watchId == null) {
      if (minSources < 1) {
        throw new IllegalArgumentException(
            "alert rule '" + id + "': minSources must be at least 1, got " + minSources);
      }
      Objects.requireNonNull(window, "window");
      if (window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("alert rule '" + id + "': window must be positive");
      }
    } else if (!Topics.isValidWatchId(watchId)) {
      throw new IllegalArgumentException(
          "alert rule '" + id + "': watch '" + watchId + "' is not a saved-search id");
    }
  }

  /** A story rule. */
  public static AlertRule stories(String id, String tag, int minSources, Duration window) {
    return new AlertRule(id, tag, minSources, window, null);
  }

  /** A rule on every new match of a saved search. */
  public static AlertRule watch(String id, String watchId) {
    return new AlertRule(id, null, 1, null, watchId);
  }

  public boolean isWatchRule() {
    return watchId != null;
  }

  /**
   * Reads {@code id=…;tag=…;minSources=…;window=…} or {@code id=…;watch=…}. Windows are {@code
   * 90s}, {@code 10m}, {@code 1h} or ISO-8601 ({@code PT10M}).
   *
   * @throws IllegalArgumentException naming the rule and the bad part
   */
  public static AlertRule parse(String spec) {
    Map<String, String> parts = Specs.parse(spec, KEYS, "alert rule");
    String id = parts.get("id");
    if (parts.containsKey("watch")) {
      return watch(id, parts.get("watch"));
    }
    int minSources;
    try {
      minSources = Integer.parseInt(parts.getOrDefault("minSources", "1").strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "alert rule '" + id + "': minSources '" + parts.get("minSources") + "' is not a number");
    }
    String window = parts.get("window");
    if (window == null) {
      throw new IllegalArgumentException(
          "alert rule '" + id + "' needs a window (e.g. window=10m) or a watch (watch=ID)");
    }
    return stories(id, parts.get("tag"), minSources, Specs.duration(window, "alert rule " + id));
  }

  /** Small parsing helpers shared by rules and webhooks. */
  public static final class Specs {
    private Specs() {}

    /** {@code k=v;k=v} into a map, refusing keys not in {@code known}. */
    public static Map<String, String> parse(String spec, Set<String> known, String what) {
      Map<String, String> parts = new LinkedHashMap<>();
      for (String part : spec.split(";")) {
        if (part.isBlank()) {
          continue;
        }
        int eq = part.indexOf('=');
        if (eq < 1) {
          throw new IllegalArgumentException(
              what + " '" + spec + "': '" + part + "' is not key=value");
        }
        String key = part.substring(0, eq).strip();
        if (!known.contains(key)) {
          throw new IllegalArgumentException(
              what + " '" + spec + "': unknown key '" + key + "' (known: " + known + ")");
        }
        parts.put(key, part.substring(eq + 1).strip());
      }
      return parts;
    }

    /** {@code 90s}, {@code 10m}, {@code 1h}, {@code 2d} or ISO-8601. */
    public static Duration duration(String text, String what) {
      String t = text.strip().toLowerCase(Locale.ROOT);
      try {
        if (t.startsWith("p")) {
          return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
          case 's' -> Duration.ofSeconds(n);
          case 'm' -> Duration.ofMinutes(n);
          case 'h' -> Duration.ofHours(n);
          case 'd' -> Duration.ofDays(n);
          default -> throw new NumberFormatException();
        };
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            what + ": '" + text + "' is not a duration (90s, 10m, 1h, 2d or PT10M)");
      }
    }
  }
}
