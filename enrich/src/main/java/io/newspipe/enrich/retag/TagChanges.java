package io.newspipe.enrich.retag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Tags before and after re-tagging, per article (its latest version on each side), and the summary
 * per tag: how many articles gained it and how many lost it.
 */
public final class TagChanges {

  /** The tags of an article's latest version seen so far. */
  record Tagging(int version, long enrichedAt, Set<String> tags) {
    boolean newerThan(Tagging other) {
      return other == null
          || version > other.version
          || (version == other.version && enrichedAt >= other.enrichedAt);
    }
  }

  /** Per tag id: articles that gained it and articles that lost it. */
  public record Count(int added, int removed) {}

  private final Map<String, Tagging> before = new HashMap<>();
  private final Map<String, Tagging> after = new HashMap<>();

  void before(String id, int version, long enrichedAt, List<String> tags) {
    put(before, id, new Tagging(version, enrichedAt, Set.copyOf(tags)));
  }

  void after(String id, int version, long enrichedAt, List<String> tags) {
    put(after, id, new Tagging(version, enrichedAt, Set.copyOf(tags)));
  }

  /** The tags the article's latest version had before re-tagging; empty if it had none. */
  Set<String> tagsBefore(String id) {
    Tagging t = before.get(id);
    return t == null ? Set.of() : t.tags();
  }

  /** Adds the re-tagged side of another (e.g. one committed batch). */
  void addAfter(TagChanges batch) {
    batch.after.forEach((id, t) -> put(after, id, t));
  }

  private static void put(Map<String, Tagging> map, String id, Tagging t) {
    map.merge(id, t, (old, neu) -> neu.newerThan(old) ? neu : old);
  }

  /**
   * Per tag (sorted by id), over every re-tagged article; tags that did not change are left out.
   */
  public Map<String, Count> byTag() {
    Map<String, int[]> counts = new TreeMap<>();
    after.forEach(
        (id, now) -> {
          Set<String> was = before.containsKey(id) ? before.get(id).tags() : Set.of();
          for (String tag : now.tags()) {
            if (!was.contains(tag)) {
              counts.computeIfAbsent(tag, k -> new int[2])[0]++;
            }
          }
          for (String tag : was) {
            if (!now.tags().contains(tag)) {
              counts.computeIfAbsent(tag, k -> new int[2])[1]++;
            }
          }
        });
    Map<String, Count> result = new TreeMap<>();
    counts.forEach((tag, c) -> result.put(tag, new Count(c[0], c[1])));
    return result;
  }

  /** Articles re-tagged (over every run of this taxonomy version). */
  public int articles() {
    return after.size();
  }

  /** Articles whose set of tags changed. */
  public int changedArticles() {
    Set<String> changed = new TreeSet<>();
    after.forEach(
        (id, now) -> {
          Set<String> was = before.containsKey(id) ? before.get(id).tags() : Set.of();
          if (!was.equals(now.tags())) {
            changed.add(id);
          }
        });
    return changed.size();
  }
}
