package io.newspipe.enrich.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.enrich.classify.ModelTraining.LabelledSet;
import io.newspipe.enrich.eval.Evaluator;
import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.enrich.taxonomy.TagModel;
import io.newspipe.enrich.taxonomy.Taxonomy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The model shipped in the taxonomy is the one {@code newspipe train} fits on the labelled sets its
 * notes name, with the taxonomy's current rules: a rule change that alters the model's rule
 * features, or a hand edit of the file, fails here until the model is trained again. And it was
 * never trained on a split kept to judge it.
 */
class ShippedModelTest {

  /**
   * Splits kept blind to judge the model (eval/README.md): never training data. A judge becomes
   * training data once it has judged (blind10 and blind11 did, for taxonomy 2026.12.8; blind12 for
   * 2026.12.9; blind13 and blind14 for 2026.12.10 and 2026.12.11). blind16 judges 2026.12.12 beside
   * blind15.
   */
  private static final List<String> JUDGES =
      List.of("blind15-ei.jsonl", "blind15-nm.jsonl", "blind16-ei.jsonl", "blind16-nm.jsonl");

  private static final Pattern HOW =
      Pattern.compile("newspipe train --tag (\\S+) --c (\\S+) --min-count (\\d+),.*");

  @Test
  void shouldBeTheModelTrainingGivesOnTheSetsItNames() throws IOException {
    Taxonomy taxonomy = Taxonomy.loadDefault();
    TagModel shipped = taxonomy.tag("election-interference").orElseThrow().model();
    assertThat(shipped).as("election-interference is decided with a model").isNotNull();

    List<String> notes;
    try (BufferedReader in = resource("/io/newspipe/enrich/" + shipped.file())) {
      notes = LinearModel.notes(in);
    }
    assertThat(notes).hasSize(2);
    Matcher how = HOW.matcher(notes.get(0));
    assertThat(how.matches()).as(notes.get(0)).isTrue();
    assertThat(how.group(1)).isEqualTo("election-interference");
    assertThat(notes.get(1)).startsWith("trained on: ");
    List<String> files = List.of(notes.get(1).substring("trained on: ".length()).split(" "));
    assertThat(files).doesNotContainAnyElementsOf(JUDGES).hasSizeGreaterThan(10);

    List<LabelledSet> sets = new ArrayList<>();
    for (String file : files) {
      try (BufferedReader in = resource("/eval/" + file)) {
        sets.add(new LabelledSet(file, Evaluator.read(in, file)));
      }
    }
    LinearModel refit =
        new ModelTraining(
                new Tagger(taxonomy),
                how.group(1),
                Double.parseDouble(how.group(2)),
                Integer.parseInt(how.group(3)))
            .fit(sets);

    assertThat(refit.bias()).isEqualTo(shipped.linear().bias());
    assertThat(refit.weights()).isEqualTo(shipped.linear().weights());
  }

  private static BufferedReader resource(String name) {
    InputStream in = ShippedModelTest.class.getResourceAsStream(name);
    return new BufferedReader(
        new InputStreamReader(Objects.requireNonNull(in, name), StandardCharsets.UTF_8));
  }
}
