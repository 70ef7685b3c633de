package io.newspipe.web.api;

import io.newspipe.read.Dates;
import io.newspipe.schemas.Topics;
import io.newspipe.store.ArticleFilter;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The article filters every list-like endpoint takes ({@code /api/articles}, its export, the
 * timeline), as {@code newspipe search} and {@code newspipe export} take them: {@code tag}
 * (repeatable, or comma-separated), {@code match=any|all} (default any), {@code source}, {@code
 * language}, {@code since}, {@code until} and {@code withdrawn=true} (include withdrawn articles).
 * Each problem is a 400 naming the parameter.
 */
final class FilterParameters {
  static final Set<String> NAMES =
      Set.of("tag", "match", "source", "language", "since", "until", "withdrawn");
  static final int MAX_TAGS = 20;
  static final int MAX_VALUE_CHARS = 200;

  private FilterParameters() {}

  /**
   * Checks that every parameter is one of {@link #NAMES} or {@code others}, and that only {@code
   * tag} is repeated.
   */
  static void checkNames(Map<String, List<String>> parameters, Set<String> others) {
    Set<String> known = new TreeSet<>(NAMES);
    known.addAll(others);
    for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
      if (!known.contains(p.getKey())) {
        throw ApiException.badParameter(
            p.getKey(), "unknown parameter '" + p.getKey() + "'; use " + String.join(", ", known));
      }
      if (p.getValue().size() > 1 && !p.getKey().equals("tag")) {
        throw ApiException.badParameter(
            p.getKey(), "parameter '" + p.getKey() + "' is given more than once; give it once");
      }
    }
  }

  static ArticleFilter parse(Map<String, List<String>> parameters) {
    Set<String> tags = tags(parameters.getOrDefault("tag", List.of()));
    ArticleFilter.TagMatch match = match(text(parameters, "match"));
    Instant since = date(parameters, "since", false);
    Instant until = date(parameters, "until", true);
    if (since != null && until != null && !since.isBefore(until)) {
      throw ApiException.badParameter(
          "until", "until (" + until + ") must be after since (" + since + ")");
    }
    return new ArticleFilter(
        since,
        until,
        tags,
        match,
        value(parameters, "source"),
        value(parameters, "language"),
        yes(parameters, "withdrawn"));
  }

  /** The parameter's value, or null when absent or blank. */
  static String text(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    if (values == null || values.isEmpty() || values.get(0).isBlank()) {
      return null;
    }
    return values.get(0).strip();
  }

  private static String value(Map<String, List<String>> parameters, String name) {
    String text = text(parameters, name);
    if (text != null && text.length() > MAX_VALUE_CHARS) {
      throw ApiException.badParameter(
          name, name + " is too long (at most " + MAX_VALUE_CHARS + " characters)");
    }
    return text;
  }

  private static boolean yes(Map<String, List<String>> parameters, String name) {
    String text = text(parameters, name);
    if (text == null || text.equalsIgnoreCase("false")) {
      return false;
    }
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    throw ApiException.badParameter(name, name + " must be true or false, got '" + text + "'");
  }

  private static Set<String> tags(List<String> values) {
    Set<String> tags = new LinkedHashSet<>();
    for (String value : values) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          tags.add(tag(part.strip()));
        }
      }
    }
    if (tags.size() > MAX_TAGS) {
      throw ApiException.badParameter(
          "tag", "at most " + MAX_TAGS + " tags at once, got " + tags.size());
    }
    return tags;
  }

  /** A valid tag id, or a 400 naming the parameter. */
  static String tag(String tag) {
    try {
      Topics.tag(tag); // the one definition of a valid tag id
      return tag;
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter(
          "tag", e.getMessage() + "; see /api/tags for the tags there are");
    }
  }

  private static ArticleFilter.TagMatch match(String text) {
    return choice(
        "match",
        text,
        ArticleFilter.TagMatch.ANY,
        "match must be any (an article with one of the tags) or all");
  }

  /**
   * The constant of {@code fallback}'s enum named {@code text} (any case), {@code fallback} when
   * absent, else a 400 for parameter {@code name} saying {@code expected}.
   */
  static <E extends Enum<E>> E choice(String name, String text, E fallback, String expected) {
    if (text == null) {
      return fallback;
    }
    try {
      return Enum.valueOf(fallback.getDeclaringClass(), text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter(name, expected + ", got '" + text + "'");
    }
  }

  private static Instant date(Map<String, List<String>> parameters, String name, boolean end) {
    String text = text(parameters, name);
    if (text == null) {
      return null;
    }
    try {
      return end ? Dates.until(text) : Dates.since(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter(name, name + ": " + e.getMessage());
    }
  }
}
