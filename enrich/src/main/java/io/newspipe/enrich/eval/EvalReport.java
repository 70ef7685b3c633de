package io.newspipe.enrich.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The result of evaluating a tagger against a labelled set: per-tag precision/recall/F1 with the
 * ids of the items it got wrong, and the micro average over all tags.
 *
 * @param unknownLabels labels in the set that the taxonomy has no tag for (always missed)
 * @param explanations per {@code tag/id} of a wrong item: the evidence of a false positive, the
 *     headline of a false negative
 * @param parts recall per tag and part of its definition, for items that name their part
 */
public record EvalReport(
    String taxonomyVersion,
    int items,
    List<TagMetrics> tags,
    TagMetrics micro,
    Set<String> unknownLabels,
    Map<String, String> explanations,
    List<PartRecall> parts) {

  public EvalReport {
    tags = List.copyOf(tags);
    unknownLabels = Set.copyOf(unknownLabels);
    explanations = Collections.unmodifiableMap(new LinkedHashMap<>(explanations));
    parts = List.copyOf(parts);
  }

  public EvalReport(
      String taxonomyVersion,
      int items,
      List<TagMetrics> tags,
      TagMetrics micro,
      Set<String> unknownLabels,
      Map<String, String> explanations) {
    this(taxonomyVersion, items, tags, micro, unknownLabels, explanations, List.of());
  }

  public EvalReport(
      String taxonomyVersion,
      int items,
      List<TagMetrics> tags,
      TagMetrics micro,
      Set<String> unknownLabels) {
    this(taxonomyVersion, items, tags, micro, unknownLabels, Map.of());
  }

  public Optional<TagMetrics> tag(String id) {
    return tags.stream().filter(t -> t.tag().equals(id)).findFirst();
  }

  /** A plain-text table for a terminal, followed by the misclassified ids. */
  public String toTable() {
    return toTable(false);
  }

  /**
   * A plain-text table for a terminal. {@code fired} is how many items got the tag (its rate on an
   * all-negative set is the false-positive rate). Then the misclassified ids, or with {@code
   * explain} one line per wrong item with the evidence that fired or the headline that was missed.
   */
  public String toTable(boolean explain) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "taxonomy %s, %d labelled items%n%-26s %7s %7s %7s %5s %5s %5s %8s %13s%n",
            taxonomyVersion,
            items,
            "tag",
            "prec",
            "recall",
            "f1",
            "tp",
            "fp",
            "fn",
            "support",
            "fired"));
    for (TagMetrics t : tags) {
      row(out, t, items);
    }
    row(out, micro, items * Math.max(1, tags.size()));
    if (explain) {
      explanations.forEach((key, why) -> out.append(key).append("  ").append(why).append('\n'));
    }
    for (TagMetrics t : explain ? List.<TagMetrics>of() : tags) {
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

  /**
   * Recall per part of each tag's definition: one line per tag and part with the items found, the
   * items labelled, and with {@code explain} the ids of the missed ones.
   */
  public String toPartTable(boolean explain) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT, "%-26s %-22s %7s %5s %8s%n", "tag", "part", "recall", "found", "support"));
    for (PartRecall p : parts) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-26s %-22s %7.3f %5d %8d",
              p.tag(),
              p.part(),
              p.recall(),
              p.found(),
              p.support()));
      if (explain && !p.missedIds().isEmpty()) {
        out.append("  missed: ").append(p.missedIds());
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static void row(StringBuilder out, TagMetrics t, int items) {
    int fired = t.truePositives() + t.falsePositives();
    out.append(
        String.format(
            Locale.ROOT,
            "%-26s %7.3f %7.3f %7.3f %5d %5d %5d %8d %5d %6.2f%%%n",
            t.tag(),
            t.precision(),
            t.recall(),
            t.f1(),
            t.truePositives(),
            t.falsePositives(),
            t.falseNegatives(),
            t.support(),
            fired,
            items == 0 ? 0.0 : 100.0 * fired / items));
  }
}
