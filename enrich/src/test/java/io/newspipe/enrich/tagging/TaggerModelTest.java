package io.newspipe.enrich.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.newspipe.enrich.classify.Features;
import io.newspipe.enrich.taxonomy.Taxonomy;
import io.newspipe.enrich.taxonomy.TaxonomyException;
import io.newspipe.schemas.Evidence;
import io.newspipe.schemas.Tag;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tag decided by its rules or, where they fall short, by a model file beside the taxonomy. */
class TaggerModelTest {

  private static final String TAXONOMY =
      """
      version: "m1"
      tags:
        - id: vote-buying
          label: Vote buying
          threshold: 2
          phrases: [{weight: 2, terms: ["bought votes"]}]
          exclusions: [{id: football, terms: [football], effect: veto}]
          model: {file: MODEL_FILE, threshold: 0.6}
      """;

  /** "bribe" and "cash voter" weigh for the tag; "cattle" against it. */
  private static final String MODEL =
      """
      # written by hand for a test
      #bias\t-1.000000
      b:cash voter\t3.000000
      w:bribe\t4.000000
      w:cattle\t-4.000000
      """;

  private static Tagger tagger(Path dir, String modelFile) throws IOException {
    Files.writeString(dir.resolve("vb.model"), MODEL);
    Path file = dir.resolve("t.yaml");
    Files.writeString(file, TAXONOMY.replace("MODEL_FILE", modelFile));
    return new Tagger(Taxonomy.load(file));
  }

  @Test
  void shouldGiveTheTagTheRulesMissWhenTheModelIsSureEnoughWithTheWordsThatWeighed(
      @TempDir Path dir) throws IOException {
    Tagger tagger = tagger(dir, "vb.model");

    String headline = "Bribe claim";
    String body = "Cash voters liked. A bribe.";
    List<Tag> tags = tagger.tag(headline, body);

    assertThat(tags).extracting(Tag::getId).containsExactly("vote-buying");
    Tag tag = tags.get(0);
    assertThat(tag.getEvidence()).extracting(Evidence::getRule).containsOnly("model:vb.model");
    assertThat(tag.getEvidence())
        .extracting(Evidence::getText)
        .containsExactly("Bribe", "Cash voters"); // quoted as written
    // the probability, given as the tag's confidence
    int n = Features.of(headline, body, tagger.ruleScores(headline, body).get(0)).size();
    double p = 1 / (1 + Math.exp(-(-1 + (4 + 3) / Math.sqrt(n))));
    assertThat(tag.getConfidence()).isCloseTo(p, within(0.0005));
    assertThat(tag.getConfidence()).isGreaterThanOrEqualTo(0.6);
  }

  @Test
  void shouldLeaveTheTagOutBelowTheModelThreshold(@TempDir Path dir) throws IOException {
    Tagger tagger = tagger(dir, "vb.model");

    assertThat(tagger.tag("Cattle market", "A bribe at the cattle market, traders say.")).isEmpty();
    assertThat(tagger.tag("Quiet count", "Counting went on all night in the town hall.")).isEmpty();
  }

  @Test
  void shouldKeepTheRulesTagAndTheRulesVeto(@TempDir Path dir) throws IOException {
    Tagger tagger = tagger(dir, "vb.model");

    List<Tag> byRules =
        tagger.tag("Agents bought votes", "Cattle traders say agents bought votes.");
    assertThat(byRules).extracting(Tag::getId).containsExactly("vote-buying");
    assertThat(byRules.get(0).getEvidence())
        .allSatisfy(e -> assertThat(e.getRule()).startsWith("phrase:"));

    assertThat(tagger.tag("Bribe", "A bribe for the football vote; a bribe again.")).isEmpty();
  }

  @Test
  void shouldAskTheModelOnlyWhereOneOfItsTermsOrTheRulesEvidenceIs(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("vb.model"), MODEL);
    Path file = dir.resolve("gated.yaml");
    Files.writeString(
        file,
        TAXONOMY
            .replace("MODEL_FILE", "vb.model")
            .replace(
                "model: {file: vb.model, threshold: 0.6}",
                "model: {file: vb.model, threshold: 0.6, when: [[ballot, polling station], ward]}"));
    Tagger tagger = new Tagger(Taxonomy.load(file));

    // the model alone would tag this (see above), but it has none of the terms: not asked
    assertThat(tagger.tag("Bribe claim", "Cash voters liked. A bribe.")).isEmpty();
    assertThat(tagger.modelProbability("vote-buying", "Bribe claim", "Cash voters liked. A bribe."))
        .isEmpty();
    // a term of the nested list, or of the outer one, lets the model be asked
    assertThat(tagger.tag("Bribe claim", "Cash voters. Bribe. Polling stations."))
        .extracting(Tag::getId)
        .containsExactly("vote-buying");
    assertThat(tagger.tag("Bribe claim", "Cash voters. Bribe. Ward."))
        .extracting(Tag::getId)
        .containsExactly("vote-buying");
  }

  @Test
  void shouldRejectAModelFileOutsideTheTaxonomyDirectoryOrMissing(@TempDir Path dir) {
    assertThatThrownBy(() -> tagger(dir, "../vb.model"))
        .isInstanceOf(TaxonomyException.class)
        .hasMessageContaining("must be a path inside the taxonomy's directory");
    assertThatThrownBy(() -> tagger(dir, "/etc/passwd"))
        .isInstanceOf(TaxonomyException.class)
        .hasMessageContaining("must be a path inside the taxonomy's directory");
    assertThatThrownBy(() -> tagger(dir, "absent.model"))
        .isInstanceOf(TaxonomyException.class)
        .hasMessageContaining("cannot read model file 'absent.model'");
    assertThatThrownBy(
            () ->
                Taxonomy.parse(
                    new StringReader(TAXONOMY.replace("MODEL_FILE", "vb.model")), "text.yaml"))
        .isInstanceOf(TaxonomyException.class)
        .hasMessageContaining("no directory to find model file 'vb.model' in");
  }
}
