package io.newspipe.read;

import io.newspipe.schemas.TopicSet;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tags one can subscribe to: those of the taxonomy plus those that already have a topic (a tag
 * of an older or newer taxonomy version still has its history).
 */
public final class TagCatalog {
  private final Set<String> known = new TreeSet<>();

  public TagCatalog(
      Collection<String> taxonomyTags, Collection<String> topicNames, TopicSet topics) {
    known.addAll(taxonomyTags);
    for (String name : topicNames) {
      if (name.startsWith(topics.tagPrefix()) && name.length() > topics.tagPrefix().length()) {
        known.add(name.substring(topics.tagPrefix().length()));
      }
    }
  }

  public Set<String> known() {
    return known;
  }

  /** Fails with the list of known tags when any requested tag is unknown. */
  public void check(List<String> requested) {
    List<String> unknown = requested.stream().filter(t -> !known.contains(t)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          (unknown.size() == 1 ? "unknown tag '" + unknown.get(0) + "'" : "unknown tags " + unknown)
              + ". Known tags: "
              + String.join(", ", known)
              + " (from the taxonomy and the existing tag topics; use --taxonomy FILE for"
              + " another taxonomy)");
    }
  }
}
