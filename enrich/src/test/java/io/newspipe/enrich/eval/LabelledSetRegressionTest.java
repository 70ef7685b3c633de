package io.newspipe.enrich.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.enrich.taxonomy.Taxonomy;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards tagging quality: the default taxonomy against the hand-labelled set in {@code
 * eval/labelled.jsonl} (hard negatives included). When a taxonomy change fails this, look at the
 * false positive/negative ids printed and fix the rule, not the floor. Since taxonomy 2026.12.8
 * these sets are also training data of the election-interference model, so their figures are
 * training figures for that tag: they guard against breakage, they do not measure quality (the
 * blind splits do, eval/README.md).
 */
class LabelledSetRegressionTest {

  private static EvalReport report;
  private static final Map<String, EvalReport> TUNING_SETS = new HashMap<>();

  @BeforeAll
  static void evaluate() throws Exception {
    report = evaluate("labelled.jsonl");
    for (String set :
        List.of(
            "tuning2.jsonl",
            "blind.jsonl",
            "blind2.jsonl",
            "blind3.jsonl",
            "blind5-ei.jsonl",
            "tune8-ei.jsonl",
            "tune9-ei.jsonl")) {
      TUNING_SETS.put(set, evaluate(set));
    }
  }

  private static EvalReport evaluate(String name) throws Exception {
    EvalReport result;
    try (Reader reader =
        new InputStreamReader(
            Objects.requireNonNull(
                LabelledSetRegressionTest.class.getResourceAsStream("/eval/" + name)),
            StandardCharsets.UTF_8)) {
      result = new Evaluator(new Tagger(Taxonomy.loadDefault())).evaluate(reader, name);
    }
    System.out.print(result.toTable());
    System.out.print(result.toPartTable(true));
    return result;
  }

  @Test
  void shouldEvaluateEnoughItemsForTheFloorsToMeanSomething() {
    assertThat(report.items()).isGreaterThanOrEqualTo(300);
    assertThat(report.unknownLabels()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"election-interference", "narcotics", "middle-east"})
  void shouldKeepCoreTagsAtNinetyPercentPrecisionAndRecall(String tag) {
    TagMetrics metrics = report.tag(tag).orElseThrow();

    assertThat(metrics.support()).as("labelled %s items", tag).isGreaterThanOrEqualTo(60);
    assertThat(metrics.precision())
        .as("%s precision; %s", tag, metrics)
        .isGreaterThanOrEqualTo(0.9);
    assertThat(metrics.recall()).as("%s recall; %s", tag, metrics).isGreaterThanOrEqualTo(0.9);
    assertThat(metrics.f1()).as("%s F1", tag).isGreaterThanOrEqualTo(0.9);
  }

  /**
   * A floor, not a target: the tuning set's second batch of vote-buying items (ei4-*) was written
   * in deliberately unusual wordings and the rules find about two thirds of them.
   */
  @ParameterizedTest
  @ValueSource(strings = {"election-interference", "narcotics", "middle-east"})
  void shouldFindEachPartOfACoreTagsDefinition(String tag) {
    List<PartRecall> parts = report.parts().stream().filter(p -> p.tag().equals(tag)).toList();

    assertThat(parts).extracting(PartRecall::part).doesNotContain(PartRecall.UNSPECIFIED);
    assertThat(parts.size()).as("parts of %s", tag).isGreaterThanOrEqualTo(5);
    for (PartRecall part : parts) {
      assertThat(part.support()).as("%s items of %s", part.part(), tag).isGreaterThanOrEqualTo(7);
      assertThat(part.recall())
          .as("%s recall of %s; missed %s", part.part(), tag, part.missedIds())
          .isGreaterThanOrEqualTo(0.6);
    }
  }

  @Test
  void shouldKeepTheMicroAverageF1AboveNinetyPercent() {
    assertThat(report.micro().f1()).isGreaterThanOrEqualTo(0.9);
  }

  /**
   * The other tuning sets keep each core tag at F1 0.9 and every part of election-interference at
   * recall 0.85, the targets for unseen copy: tuning2 (written before taxonomy 2026.12.3, then
   * tuned on) and the three former blind splits, each evaluated blind once in its round and used
   * for tuning since taxonomy 2026.12.2 (blind) and 2026.12.4 (blind2, blind3), and the fifth blind
   * split of election-interference (blind5-ei, evaluated blind once with 2026.12.4 and tuned on
   * since 2026.12.5), and tune8-ei (a third author's set weighted to the weak parts, measured once
   * with 2026.12.5 and tuned on for 2026.12.6; it has no hacking or disinformation items) and
   * tune9-ei (a fifth author's, measured once with 2026.12.6 and tuned on for 2026.12.7; no
   * vote-buying or disinformation items). Figures on them are tuning figures, not estimates for
   * unseen copy.
   */
  @ParameterizedTest
  @CsvSource({
    "tuning2.jsonl, election-interference",
    "tuning2.jsonl, narcotics",
    "tuning2.jsonl, middle-east",
    "blind.jsonl, election-interference",
    "blind.jsonl, narcotics",
    "blind.jsonl, middle-east",
    "blind2.jsonl, election-interference",
    "blind2.jsonl, narcotics",
    "blind2.jsonl, middle-east",
    "blind3.jsonl, election-interference",
    "blind3.jsonl, narcotics",
    "blind3.jsonl, middle-east",
    "blind5-ei.jsonl, election-interference",
    "tune8-ei.jsonl, election-interference",
    "tune9-ei.jsonl, election-interference"
  })
  void shouldKeepTheOtherTuningSetsAtTheTargets(String set, String tag) {
    EvalReport tuning = TUNING_SETS.get(set);
    TagMetrics metrics = tuning.tag(tag).orElseThrow();

    assertThat(metrics.f1()).as("%s F1 on %s; %s", tag, set, metrics).isGreaterThanOrEqualTo(0.9);
    if (tag.equals("election-interference")) {
      List<PartRecall> parts = tuning.parts().stream().filter(p -> p.tag().equals(tag)).toList();
      assertThat(parts).hasSize(set.startsWith("tune") ? 5 : 7);
      for (PartRecall part : parts) {
        assertThat(part.recall())
            .as("%s recall on %s; missed %s", part.part(), set, part.missedIds())
            .isGreaterThanOrEqualTo(0.85);
      }
    }
  }
}
