package io.newspipe.enrich.eval;

import java.util.List;

/**
 * Counts and scores for one tag (or, for the micro average, all tags pooled). Precision and recall
 * are 1.0 when their denominator is 0 (nothing predicted, nothing to find): the counts next to them
 * show whether that is vacuous.
 */
public record TagMetrics(
    String tag,
    int truePositives,
    int falsePositives,
    int falseNegatives,
    List<String> falsePositiveIds,
    List<String> falseNegativeIds) {

  public TagMetrics {
    falsePositiveIds = List.copyOf(falsePositiveIds);
    falseNegativeIds = List.copyOf(falseNegativeIds);
  }

  public double precision() {
    int predicted = truePositives + falsePositives;
    return predicted == 0 ? 1.0 : (double) truePositives / predicted;
  }

  public double recall() {
    int relevant = truePositives + falseNegatives;
    return relevant == 0 ? 1.0 : (double) truePositives / relevant;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }

  /** Items labelled with the tag. */
  public int support() {
    return truePositives + falseNegatives;
  }
}
