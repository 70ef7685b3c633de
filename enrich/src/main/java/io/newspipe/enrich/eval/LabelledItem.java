package io.newspipe.enrich.eval;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One article of a labelled evaluation set with the tag ids a person gave it.
 *
 * @param parts for a tag in {@code labels}, the part of the tag's definition the item belongs to
 *     (e.g. {@code election-interference -> vote-buying}), so recall can be reported per part
 */
public record LabelledItem(
    String id, String headline, String body, Set<String> labels, Map<String, String> parts) {

  public LabelledItem {
    Objects.requireNonNull(id, "id");
    headline = headline == null ? "" : headline;
    body = body == null ? "" : body;
    labels = Set.copyOf(labels);
    parts = Map.copyOf(parts);
    for (String tag : parts.keySet()) {
      if (!labels.contains(tag)) {
        throw new IllegalArgumentException(
            "item " + id + " gives a part for " + tag + " but is not labelled with it");
      }
    }
  }

  public LabelledItem(String id, String headline, String body, Set<String> labels) {
    this(id, headline, body, labels, Map.of());
  }
}
