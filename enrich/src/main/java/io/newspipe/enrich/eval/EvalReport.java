package io.newspipe.enrich.eval;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The result of evaluating a tagger against a labelled set: per-tag precision/recall/F1 with the
 * ids of the items it got wrong, and the micro average over all tags.
 *
 * @param unknownLabels labels in the set that the taxonomy has no tag for (always missed)
 */
public record EvalReport(
    String taxonomyVersion,
    int items,
    List<TagMetrics> tags,
    TagMetrics micro,
    Set<String> unknownLabels) {

  public EvalReport {
    tags = List.copyOf(tags);
    unknownLabels = Set.copyOf(unknownLabels);
  }

  public Optional<TagMetrics> tag(String id) {
    return tags.stream().filter(t -> t.tag().equals(id)).findFirst();
  }

  /** A plain-text table for a terminal, followed by the misclassified ids. */
  public String toTable() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "taxonomy %s, %d labelled items%n%-26s %7s %7s %7s %4s %4s %4s %8s%n",
            taxonomyVersion,
            items,
            "tag",
            "prec",
            "recall",
            "f1",
            "tp",
            "fp",
            "fn",
            "support"));
    for (TagMetrics t : tags) {
      row(out, t);
    }
    row(out, micro);
    for (TagMetrics t : tags) {
      if (!t.falsePositiveIds().isEmpty()) {
        out.append(t.tag()).append(" false positives: ").append(t.falsePositiveIds()).append('\n');
      }
      if (!t.falseNegativeIds().isEmpty()) {
        out.append(t.tag()).append(" false negatives: ").append(t.falseNegativeIds()).append('\n');
      }
    }
    if (!unknownLabels.isEmpty()) {
      out.append("labels with no tag in this taxonomy: ").append(unknownLabels).append('\n');
    }
    return out.toString();
  }

  private static void row(StringBuilder out, TagMetrics t) {
    out.append(
        String.format(
            Locale.ROOT,
            "%-26s %7.3f %7.3f %7.3f %4d %4d %4d %8d%n",
            t.tag(),
            t.precision(),
            t.recall(),
            t.f1(),
            t.truePositives(),
            t.falsePositives(),
            t.falseNegatives(),
            t.support()));
  }
}
