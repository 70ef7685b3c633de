package io.newspipe.enrich.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.enrich.taxonomy.Taxonomy;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards tagging quality: the default taxonomy against the hand-labelled set in {@code
 * eval/labelled.jsonl} (hard negatives included). When a taxonomy change fails this, look at the
 * false positive/negative ids printed and fix the rule, not the floor.
 */
class LabelledSetRegressionTest {

  private static EvalReport report;
  private static EvalReport tuning2;

  @BeforeAll
  static void evaluate() throws Exception {
    report = evaluate("labelled.jsonl");
    tuning2 = evaluate("tuning2.jsonl");
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
   * The second tuning set (written before taxonomy 2026.12.3, then tuned on) keeps each core tag at
   * F1 0.9 and every part of election-interference at recall 0.85, the targets for unseen copy.
   */
  @ParameterizedTest
  @ValueSource(strings = {"election-interference", "narcotics", "middle-east"})
  void shouldKeepTheSecondTuningSetAtTheTargets(String tag) {
    TagMetrics metrics = tuning2.tag(tag).orElseThrow();

    assertThat(metrics.f1()).as("%s F1 on tuning2; %s", tag, metrics).isGreaterThanOrEqualTo(0.9);
    if (tag.equals("election-interference")) {
      List<PartRecall> parts = tuning2.parts().stream().filter(p -> p.tag().equals(tag)).toList();
      assertThat(parts).hasSize(7);
      for (PartRecall part : parts) {
        assertThat(part.recall())
            .as("%s recall on tuning2; missed %s", part.part(), part.missedIds())
            .isGreaterThanOrEqualTo(0.85);
      }
    }
  }
}
