package io.newspipe.ingest.format;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Deterministic article ids, so that reading the same item twice yields the same Kafka key and the
 * downstream store upserts instead of duplicating.
 *
 * <ul>
 *   <li>feed items: {@code <sourceId>:} + a short hash of the guid, else the link, else the title
 *       and publication time;
 *   <li>files: {@code <sourceId>:} + the path relative to the source directory. A path that is
 *       already a clean slug (lower-case letters, digits, {@code . _ - /}) is kept as it is ({@code
 *       world/xi.txt}), so plain names keep the ids they always had. Any other path is slugged and
 *       given a short hash of the exact path before its extension ({@code World News/Xi.txt}
 *       becomes {@code world-news/xi~3f9c0a1b2c3d4e5f.txt}): names that slug alike ({@code Foo
 *       Bar.txt}, {@code foo-bar.txt}, {@code FOO BAR.TXT}) stay apart, and as slugs never hold
 *       {@code ~}, a hashed id never equals a plain one.
 * </ul>
 *
 * <p>Versions: parsers give every article {@link #FIRST_VERSION}. For HTTP feeds, {@code
 * feed.FeedPoller} keeps the last published fingerprint of each id in the feed state topic and
 * publishes an edit (or a kill) as the next version with the same id; files and stdin still publish
 * version 1 (the store upserts by id).
 */
public final class ArticleIds {

  /** The version parsers assign; see the class comment for where edits are counted. */
  public static final int FIRST_VERSION = 1;

  /** Source ids prefix article ids and appear in config: keep them boring. */
  public static final Pattern SOURCE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private static final int SHORT_HASH_HEX_CHARS = 16;
  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9._/-]+");
  private static final Pattern DASHES = Pattern.compile("-{2,}");

  private ArticleIds() {}

  /** Checks a configured source id, saying how to fix it. */
  public static String requireValidSourceId(String sourceId) {
    if (sourceId == null || !SOURCE_ID.matcher(sourceId).matches()) {
      throw new IllegalArgumentException(
          "invalid source id '"
              + sourceId
              + "': use 1-64 lower-case letters, digits, '.', '_' or '-' (it prefixes every"
              + " article id the source produces)");
    }
    return sourceId;
  }

  /** Id of a feed item: guid, else link, else title + publication time. */
  public static String forFeedItem(
      String sourceId, String guid, String link, String title, Instant published) {
    String identity;
    if (!isBlank(guid)) {
      identity = "guid:" + guid.trim();
    } else if (!isBlank(link)) {
      identity = "link:" + link.trim();
    } else {
      identity = "title:" + (title == null ? "" : title.trim()) + "|" + published;
    }
    return sourceId + ":" + shortHash(identity);
  }

  /**
   * Id of a single-article file, from its path relative to the source directory: the path itself if
   * it is a clean slug, else its slug with a hash of the exact path (see the class comment).
   */
  public static String forFile(String sourceId, String relativePath) {
    String path = relativePath.replace('\\', '/');
    String slug = slug(path);
    if (slug.equals(path)) {
      return sourceId + ":" + slug;
    }
    String hash = "~" + shortHash("path:" + path);
    int slash = slug.lastIndexOf('/');
    int dot = slug.lastIndexOf('.');
    return dot > slash + 1
        ? sourceId + ":" + slug.substring(0, dot) + hash + slug.substring(dot)
        : sourceId + ":" + slug + hash;
  }

  /** Id of a single article read from a stream with no name (stdin): from its headline. */
  public static String forStream(String sourceId, String headline) {
    return sourceId + ":" + shortHash("headline:" + headline.trim());
  }

  static String shortHash(String identity) {
    return ContentHash.sha256Hex(identity).substring(0, SHORT_HASH_HEX_CHARS);
  }

  static String slug(String relativePath) {
    String ascii =
        COMBINING_MARKS
            .matcher(Normalizer.normalize(relativePath.replace('\\', '/'), Normalizer.Form.NFKD))
            .replaceAll("");
    String slug = NOT_SLUG.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
    slug = DASHES.matcher(slug).replaceAll("-");
    StringBuilder out = new StringBuilder();
    for (String segment : slug.split("/")) {
      String trimmed = trimDashes(segment);
      if (!trimmed.isEmpty()) {
        out.append(out.length() == 0 ? "" : "/").append(trimmed);
      }
    }
    return out.length() == 0 ? "unnamed" : out.toString();
  }

  private static String trimDashes(String segment) {
    int start = 0;
    int end = segment.length();
    while (start < end && segment.charAt(start) == '-') {
      start++;
    }
    while (end > start && segment.charAt(end - 1) == '-') {
      end--;
    }
    return segment.substring(start, end);
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
