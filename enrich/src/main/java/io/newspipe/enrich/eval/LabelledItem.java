package io.newspipe.enrich.eval;

import java.util.Objects;
import java.util.Set;

/** One article of a labelled evaluation set with the tag ids a person gave it. */
public record LabelledItem(String id, String headline, String body, Set<String> labels) {

  public LabelledItem {
    Objects.requireNonNull(id, "id");
    headline = headline == null ? "" : headline;
    body = body == null ? "" : body;
    labels = Set.copyOf(labels);
  }
}
