package io.newspipe.enrich.classify;

import io.newspipe.enrich.eval.LabelledItem;
import io.newspipe.enrich.eval.TagMetrics;
import io.newspipe.enrich.tagging.RuleScore;
import io.newspipe.enrich.tagging.Tagger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a tag's {@link LinearModel} on labelled sets, and measures it by leaving one set out at a
 * time (each set is one author's, so a held-out set shows how the model carries to an author it
 * never read). Features come from {@link Features} with the rules of {@code tagger}'s taxonomy (the
 * rules only: a model already in the taxonomy plays no part).
 */
public final class ModelTraining {

  /** Defaults of {@code newspipe train}: weak regularisation, words seen in three articles. */
  public static final double DEFAULT_C = 10;

  public static final int DEFAULT_MIN_COUNT = 3;

  /** One labelled set, named (its file). */
  public record LabelledSet(String name, List<LabelledItem> items) {}

  /** Counts of one held-out set: by the rules alone and by the model at its threshold. */
  public record HeldOut(String set, Counts rules, Counts model, Map<String, Counts> modelByPart) {}

  /** True positives, false positives, false negatives. */
  public record Counts(int tp, int fp, int fn) {
    Counts plus(boolean predicted, boolean actual) {
      return new Counts(
          tp + (predicted && actual ? 1 : 0),
          fp + (predicted && !actual ? 1 : 0),
          fn + (!predicted && actual ? 1 : 0));
    }

    /** As {@code newspipe eval} scores them (1.0 where nothing was predicted or to be found). */
    public TagMetrics metrics(String tag) {
      return new TagMetrics(tag, tp, fp, fn, List.of(), List.of());
    }
  }

  private record Row(String set, LabelledItem item, RuleScore rules, Training.Example example) {}

  private final Tagger tagger;
  private final String tag;
  private final double c;
  private final int minCount;

  public ModelTraining(Tagger tagger, String tag, double c, int minCount) {
    if (tagger.taxonomy().tag(tag).isEmpty()) {
      throw new IllegalArgumentException(
          "'" + tag + "' is not a tag of taxonomy " + tagger.taxonomy().version());
    }
    this.tagger = tagger;
    this.tag = tag;
    this.c = c;
    this.minCount = minCount;
  }

  /** The model fitted on every item of every set. */
  public LinearModel fit(List<LabelledSet> sets) {
    List<Training.Example> examples = new ArrayList<>();
    rows(sets).forEach(r -> examples.add(r.example()));
    return Training.fit(examples, c, minCount);
  }

  /** Each set held out in turn: the model fitted on the others, applied to it at threshold. */
  public List<HeldOut> crossValidate(List<LabelledSet> sets, double threshold) {
    List<Row> rows = rows(sets);
    List<HeldOut> results = new ArrayList<>();
    for (LabelledSet held : sets) {
      List<Training.Example> train = new ArrayList<>();
      rows.stream().filter(r -> !r.set().equals(held.name())).forEach(r -> train.add(r.example()));
      LinearModel model = Training.fit(train, c, minCount);
      Counts rules = new Counts(0, 0, 0);
      Counts byModel = new Counts(0, 0, 0);
      Map<String, Counts> parts = new LinkedHashMap<>();
      for (Row r : rows) {
        if (!r.set().equals(held.name())) {
          continue;
        }
        boolean actual = r.example().positive();
        boolean predicted =
            !r.rules().vetoed() && model.probability(r.example().features()) >= threshold;
        rules = rules.plus(r.rules().reaches(), actual);
        byModel = byModel.plus(predicted, actual);
        if (actual) {
          String part = r.item().parts().getOrDefault(tag, "(no part)");
          parts.merge(
              part,
              new Counts(0, 0, 0).plus(predicted, true),
              (a, b) -> new Counts(a.tp + b.tp, 0, a.fn + b.fn));
        }
      }
      results.add(new HeldOut(held.name(), rules, byModel, parts));
    }
    return results;
  }

  private List<Row> rows(List<LabelledSet> sets) {
    List<Row> rows = new ArrayList<>();
    for (LabelledSet set : sets) {
      for (LabelledItem item : set.items()) {
        RuleScore rules =
            tagger.ruleScores(item.headline(), item.body()).stream()
                .filter(s -> s.tag().equals(tag))
                .findFirst()
                .orElseThrow();
        rows.add(
            new Row(
                set.name(),
                item,
                rules,
                new Training.Example(
                    Features.of(item.headline(), item.body(), rules),
                    item.labels().contains(tag))));
      }
    }
    return rows;
  }
}
