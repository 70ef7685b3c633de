package io.newspipe.enrich.taxonomy;

import io.newspipe.enrich.classify.LinearModel;
import java.util.List;
import java.util.Objects;

/**
 * A tag decided by a trained model rather than by its rules' threshold: the tag is given when the
 * model's probability reaches {@code threshold} and no exclusion vetoes it; the rules' evidence and
 * exclusions are among the model's features, and their evidence is kept on the tag. {@code file} is
 * where the model was read from, relative to the taxonomy. When {@code when} names terms, the model
 * is asked only about articles that contain one of them (matched like rule terms) or in which the
 * rules found evidence: a cheap gate that keeps the model off copy the tag cannot be about.
 */
public record TagModel(String file, double threshold, LinearModel linear, List<String> when) {

  public TagModel(String file, double threshold, LinearModel linear) {
    this(file, threshold, linear, List.of());
  }

  public TagModel {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(linear, "linear");
    when = List.copyOf(when);
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("model threshold must be between 0 and 1: " + threshold);
    }
  }
}
