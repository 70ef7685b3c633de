package io.newspipe.enrich.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.enrich.taxonomy.Taxonomy;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

  private static final Tagger TAGGER =
      new Tagger(
          Taxonomy.parse(
              new StringReader(
                  """
                  version: eval-test
                  tags:
                    - id: narcotics
                      label: Narcotics
                      threshold: 1
                      phrases: [{weight: 1, terms: [cocaine]}]
                    - id: espionage
                      label: Espionage
                      threshold: 1
                      phrases: [{weight: 1, terms: [spy]}]
                  """),
              "eval-test.yaml"));

  private static final String LINES =
      """
      {"id":"tp","headline":"Cocaine","body":"","labels":["narcotics"]}
      {"id":"fp","headline":"Cocaine song","body":"","labels":[]}
      {"id":"fn","headline":"Heroin","body":"","labels":["narcotics"]}

      {"id":"tn","headline":"Weather","body":"Sunny","labels":[]}
      {"id":"spy","headline":"","body":"a spy","labels":["espionage","sport"]}
      """;

  @Test
  void shouldComputePerTagPrecisionRecallAndF1WithWrongIds() {
    EvalReport report = new Evaluator(TAGGER).evaluate(new StringReader(LINES), "test.jsonl");

    TagMetrics narcotics = report.tag("narcotics").orElseThrow();
    assertThat(report.items()).isEqualTo(5);
    assertThat(narcotics.truePositives()).isEqualTo(1);
    assertThat(narcotics.falsePositiveIds()).containsExactly("fp");
    assertThat(narcotics.falseNegativeIds()).containsExactly("fn");
    assertThat(narcotics.precision()).isEqualTo(0.5);
    assertThat(narcotics.recall()).isEqualTo(0.5);
    assertThat(narcotics.f1()).isEqualTo(0.5);
    assertThat(report.tag("espionage").orElseThrow().f1()).isEqualTo(1.0);
  }

  @Test
  void shouldPoolAllTagsInTheMicroAverageAndReportUnknownLabels() {
    EvalReport report = new Evaluator(TAGGER).evaluate(new StringReader(LINES), "test.jsonl");

    // tp: tp, spy; fp: fp; fn: fn, and "sport" which no tag can give
    assertThat(report.micro().truePositives()).isEqualTo(2);
    assertThat(report.micro().falsePositives()).isEqualTo(1);
    assertThat(report.micro().falseNegatives()).isEqualTo(2);
    assertThat(report.micro().f1()).isCloseTo(2 * (2 / 3.0) * 0.5 / (2 / 3.0 + 0.5), within(1e-9));
    assertThat(report.unknownLabels()).containsExactly("sport");
    assertThat(report.toTable()).contains("micro-average", "narcotics false positives: [fp]");
  }

  @Test
  void shouldEvaluateOnlyTheTagsItIsAskedFor() {
    List<LabelledItem> items = Evaluator.read(new StringReader(LINES), "test.jsonl");

    EvalReport report = new Evaluator(TAGGER).evaluate(items, Set.of("espionage"));

    assertThat(report.tags()).extracting(TagMetrics::tag).containsExactly("espionage");
    assertThat(report.unknownLabels()).isEmpty();
    assertThat(Evaluator.labelledTags(items))
        .containsExactlyInAnyOrder("narcotics", "espionage", "sport");
  }

  @Test
  void shouldExplainAFalsePositiveByItsEvidenceAndAMissByItsHeadline() {
    EvalReport report = new Evaluator(TAGGER).evaluate(new StringReader(LINES), "test.jsonl");

    assertThat(report.explanations())
        .containsEntry("narcotics/fn", "missed: \"Heroin\" (rules 0.00 of 1.00)")
        .hasEntrySatisfying(
            "narcotics/fp", why -> assertThat(why).contains("=\"Cocaine\"@headline"));
    assertThat(report.toTable(true))
        .contains("narcotics/fp  score")
        .contains("fired")
        .doesNotContain("false positives: [");
  }

  @Test
  void shouldExplainAMissOfAModelTagByTheRulesScoreAndTheModelProbability() {
    Tagger tagger = new Tagger(Taxonomy.loadDefault());
    String headline = "Polls open";
    String body = "Voters queued at polling stations on Tuesday morning.";
    String lines =
        """
        {"id":"queue","headline":"%s","body":"%s","labels":["election-interference"]}
        {"id":"quiet","headline":"Council meets","body":"The council met on Tuesday.","labels":["election-interference"]}
        """
            .formatted(headline, body);

    EvalReport report = new Evaluator(tagger).evaluate(new StringReader(lines), "test.jsonl");

    double p = tagger.modelProbability("election-interference", headline, body).orElseThrow();
    assertThat(p).isBetween(0.0, 0.6);
    assertThat(report.explanations().get("election-interference/queue"))
        .matches("missed: \"Polls open\" \\(rules 0\\.00 of \\d+\\.\\d\\d, model p 0\\.\\d{3}\\)")
        .endsWith(String.format(java.util.Locale.ROOT, "model p %.3f)", p));
    // no electoral word and no evidence: the model is not asked (its `when` terms)
    assertThat(
            tagger.modelProbability("election-interference", "Council meets", "The council met."))
        .isEmpty();
    assertThat(report.explanations().get("election-interference/quiet"))
        .isEqualTo(
            "missed: \"Council meets\" (rules 0.00 of 2.50, model not asked: none of its terms)");
    assertThat(tagger.modelProbability("narcotics", "Council meets", "")).isEmpty();
  }

  @Test
  void shouldShowHowOftenATagFiredOnAnAllNegativeSet() {
    String negatives =
        """
        {"id":"n1","headline":"Cocaine song tops charts","body":"","labels":[]}
        {"id":"n2","headline":"Weather","body":"","labels":[]}
        """;

    EvalReport report =
        new Evaluator(TAGGER).evaluate(new StringReader(negatives), "negatives.jsonl");

    assertThat(report.tag("narcotics").orElseThrow().falsePositives()).isEqualTo(1);
    assertThat(report.toTable()).containsPattern("narcotics .* 1  50\\.00%");
  }

  @Test
  void shouldNameTheLineOfABadRecord() {
    String bad = "{\"id\":\"a\",\"labels\":[]}\n{\"id\":\"b\",\"headline\":\"x\"}\n";

    assertThatThrownBy(() -> Evaluator.read(new StringReader(bad), "labels.jsonl"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("labels.jsonl line 2")
        .hasMessageContaining("\"labels\"");
  }

  @Test
  void shouldRejectInvalidJsonAndDuplicateIds() {
    assertThatThrownBy(() -> Evaluator.read(new StringReader("{nope"), "x.jsonl"))
        .hasMessageContaining("x.jsonl line 1: not valid JSON");
    String twice = "{\"id\":\"a\",\"labels\":[]}\n{\"id\":\"a\",\"labels\":[]}";
    assertThatThrownBy(() -> Evaluator.read(new StringReader(twice), "x.jsonl"))
        .hasMessageContaining("line 2")
        .hasMessageContaining("appears twice");
  }

  @Test
  void shouldReportRecallPerPartOfTheDefinition() {
    String lines =
        """
        {"id":"a","headline":"Cocaine seized","body":"","labels":["narcotics"],"parts":{"narcotics":"trafficking"}}
        {"id":"b","headline":"Heroin seized","body":"","labels":["narcotics"],"parts":{"narcotics":"trafficking"}}
        {"id":"c","headline":"Cocaine lab","body":"","labels":["narcotics"],"parts":{"narcotics":"production"}}
        {"id":"d","headline":"Cocaine again","body":"","labels":["narcotics"]}
        {"id":"e","headline":"Cocaine song","body":"","labels":[]}
        """;

    EvalReport report = new Evaluator(TAGGER).evaluate(new StringReader(lines), "parts.jsonl");

    assertThat(report.parts())
        .extracting(PartRecall::tag, PartRecall::part, PartRecall::found, PartRecall::missed)
        .containsExactly(
            tuple("narcotics", PartRecall.UNSPECIFIED, 1, 0),
            tuple("narcotics", "production", 1, 0),
            tuple("narcotics", "trafficking", 1, 1));
    PartRecall trafficking = report.parts().get(2);
    assertThat(trafficking.recall()).isEqualTo(0.5);
    assertThat(trafficking.missedIds()).containsExactly("b");
    assertThat(report.toPartTable(true))
        .containsPattern("narcotics +trafficking +0\\.500 +1 +2  missed: \\[b\\]");
    assertThat(report.toPartTable(false)).doesNotContain("missed");
  }

  @Test
  void shouldRejectAPartForATagTheItemIsNotLabelledWith() {
    String wrongTag = "{\"id\":\"a\",\"labels\":[\"narcotics\"],\"parts\":{\"espionage\":\"x\"}}";
    String notText = "{\"id\":\"a\",\"labels\":[\"narcotics\"],\"parts\":{\"narcotics\":1}}";

    assertThatThrownBy(() -> Evaluator.read(new StringReader(wrongTag), "p.jsonl"))
        .hasMessageContaining("p.jsonl line 1")
        .hasMessageContaining("espionage, which is not in \"labels\"");
    assertThatThrownBy(() -> Evaluator.read(new StringReader(notText), "p.jsonl"))
        .hasMessageContaining("the part of narcotics must be a non-empty string");
  }
}
