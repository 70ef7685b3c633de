package io.newspipe.enrich.taxonomy;

import io.newspipe.enrich.classify.LinearModel;
import java.util.Objects;

/**
 * A tag decided by a trained model rather than by its rules' threshold: the tag is given when the
 * model's probability reaches {@code threshold} and no exclusion vetoes it; the rules' evidence and
 * exclusions are among the model's features, and their evidence is kept on the tag. {@code file} is
 * where the model was read from, relative to the taxonomy.
 */
public record TagModel(String file, double threshold, LinearModel linear) {

  public TagModel {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(linear, "linear");
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("model threshold must be between 0 and 1: " + threshold);
    }
  }
}
