package io.newspipe.ingest.feed;

import io.newspipe.ingest.format.ArticleIds;
import io.newspipe.ingest.format.Format;
import io.newspipe.ingest.fulltext.FullTextMode;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP(S) feed to poll, as configured in {@code newspipe.yaml}:
 *
 * <pre>
 * feeds:
 *   - {id: bbc-world, url: https://feeds.bbci.co.uk/news/world/rss.xml, interval: 5m}
 *   - {id: ap-ninjs, url: https://example.com/ap.json, interval: 60s, format: ninjs, enabled: false}
 *   - {id: blog, url: https://example.org/feed, fullText: always}
 * </pre>
 *
 * <p>The config loader flattens each map to the compact form {@link #parse} reads, {@code
 * id=bbc-world;url=https://…;interval=5m} (also what {@code NEWSPIPE_FEEDS} takes,
 * comma-separated).
 *
 * @param id source id: prefixes the ids of the feed's articles and keys its polling state
 * @param url http or https URL
 * @param interval time between polls of this feed (at least 10 s unless a test says otherwise)
 * @param format the format to parse with, or null to detect it from the content
 * @param enabled false keeps the entry in the file without polling it
 * @param fullText when to fetch the page behind an item for its full text (default auto)
 */
public record FeedSpec(
    String id, URI url, Duration interval, Format format, boolean enabled, FullTextMode fullText) {

  /** Polling more often than this is impolite to publishers; tests build specs directly. */
  public static final Duration MIN_CONFIGURED_INTERVAL = Duration.ofSeconds(10);

  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

  /** A feed with the default full-text mode, {@link FullTextMode#AUTO}. */
  public FeedSpec(String id, URI url, Duration interval, Format format, boolean enabled) {
    this(id, url, interval, format, enabled, FullTextMode.AUTO);
  }

  public FeedSpec {
    ArticleIds.requireValidSourceId(id);
    Objects.requireNonNull(fullText, "fullText of feed '" + id + "'");
    Objects.requireNonNull(url, "url of feed '" + id + "'");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "feed '" + id + "': url " + url + " must start with http:// or https://");
    }
    Objects.requireNonNull(interval, "interval of feed '" + id + "'");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("feed '" + id + "': interval must be positive");
    }
  }

  /**
   * Reads {@code id=…;url=…;interval=…;format=…;enabled=…;fullText=…}. Intervals are {@code 90s},
   * {@code 5m}, {@code 1h} or ISO-8601 ({@code PT5M}); formats are {@code rss}, {@code atom},
   * {@code jsonfeed}, {@code ninjs}, {@code newsml-g2}, {@code jsonl}.
   *
   * @throws IllegalArgumentException naming the feed and the bad part
   */
  public static FeedSpec parse(String spec) {
    Map<String, String> parts = new LinkedHashMap<>();
    for (String part : spec.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            "feed entry '"
                + spec
                + "': '"
                + part
                + "' is not key=value (keys: id, url, interval,"
                + " format, enabled, fullText)");
      }
      parts.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
    }
    for (String key : parts.keySet()) {
      if (!Map.of("id", 1, "url", 1, "interval", 1, "format", 1, "enabled", 1, "fullText", 1)
          .containsKey(key)) {
        throw new IllegalArgumentException(
            "feed entry '"
                + spec
                + "': unknown key '"
                + key
                + "' (keys: id, url, interval, format,"
                + " enabled, fullText)");
      }
    }
    String id = parts.get("id");
    if (id == null || parts.get("url") == null) {
      throw new IllegalArgumentException(
          "feed entry '" + spec + "' needs an id and a url, e.g. {id: bbc, url: https://…}");
    }
    URI url;
    try {
      url = URI.create(parts.get("url"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("feed '" + id + "': url is not a URI: " + e.getMessage());
    }
    Duration interval =
        parts.containsKey("interval") ? duration(id, parts.get("interval")) : DEFAULT_INTERVAL;
    if (interval.compareTo(MIN_CONFIGURED_INTERVAL) < 0) {
      throw new IllegalArgumentException(
          "feed '"
              + id
              + "': interval "
              + parts.get("interval")
              + " is shorter than 10s; poll"
              + " less often, publishers block clients that hammer them");
    }
    String enabled = parts.getOrDefault("enabled", "true").toLowerCase(Locale.ROOT);
    if (!enabled.equals("true") && !enabled.equals("false")) {
      throw new IllegalArgumentException("feed '" + id + "': enabled must be true or false");
    }
    FullTextMode fullText =
        parts.containsKey("fullText")
            ? FullTextMode.parse(id, parts.get("fullText"))
            : FullTextMode.AUTO;
    return new FeedSpec(
        id,
        url,
        interval,
        format(id, parts.get("format")),
        Boolean.parseBoolean(enabled),
        fullText);
  }

  static Duration duration(String id, String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (s.startsWith("pt") || s.startsWith("p")) {
        return Duration.parse(s.toUpperCase(Locale.ROOT));
      }
      long n = Long.parseLong(s.substring(0, s.length() - 1));
      return switch (s.charAt(s.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        default -> throw new NumberFormatException();
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "feed '"
              + id
              + "': interval '"
              + text
              + "' is not a duration; write 90s, 5m, 1h or"
              + " PT5M");
    }
  }

  private static Format format(String id, String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "rss", "atom", "rdf" -> Format.FEED;
      case "jsonfeed", "json-feed" -> Format.JSON_FEED;
      case "ninjs" -> Format.NINJS;
      case "newsml-g2", "newsml" -> Format.NEWSML_G2;
      case "jsonl" -> Format.JSON_LINES;
      default ->
          throw new IllegalArgumentException(
              "feed '"
                  + id
                  + "': unknown format '"
                  + name
                  + "'; use rss, atom, jsonfeed, ninjs,"
                  + " newsml-g2 or jsonl, or leave it out to detect it");
    };
  }
}
