package io.newspipe.enrich.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyTest {

  private static final String MINIMAL =
      """
      version: "t1"
      tags:
        - id: narcotics
          label: Narcotics
          threshold: 2.0
          phrases:
            - {weight: 2.0, terms: [cocaine]}
      """;

  private static Taxonomy parse(String yaml) {
    return Taxonomy.parse(new StringReader(yaml), "test.yaml");
  }

  private static TaxonomyException failure(String yaml) {
    try {
      parse(yaml);
    } catch (TaxonomyException e) {
      return e;
    }
    throw new AssertionError("expected the taxonomy to be rejected:\n" + yaml);
  }

  @Test
  void shouldLoadTheDefaultTaxonomyWithTheProductTags() {
    Taxonomy taxonomy = Taxonomy.loadDefault();

    assertThat(taxonomy.version()).isNotBlank();
    assertThat(taxonomy.tagIds())
        .contains(
            "election-interference",
            "narcotics",
            "middle-east",
            "russia-ukraine-war",
            "us-china-relations",
            "artificial-intelligence",
            "espionage");
    assertThat(taxonomy.tag("narcotics").orElseThrow().mediaTopics()).contains("medtop:20000096");
    assertThat(taxonomy.tag("election-interference").orElseThrow().mediaTopics())
        .contains("medtop:20000574", "medtop:20001319");
    assertThat(taxonomy.tag("espionage").orElseThrow().mediaTopics()).contains("medtop:20000605");
    assertThat(taxonomy.tag("middle-east").orElseThrow().places().regions())
        .contains("middle-east");
  }

  @Test
  void shouldLoadATaxonomyFileWithDefaultFieldWeights(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("custom.yaml"), MINIMAL);

    Taxonomy taxonomy = Taxonomy.load(file);

    assertThat(taxonomy.version()).isEqualTo("t1");
    assertThat(taxonomy.tagIds()).containsExactly("narcotics");
    assertThat(taxonomy.source()).isEqualTo(file.toString());
    TagDefinition tag = taxonomy.tag("narcotics").orElseThrow();
    assertThat(tag.fieldWeight("headline")).isEqualTo(2.0);
    assertThat(tag.fieldWeight("body")).isEqualTo(1.0);
  }

  @Test
  void shouldNameFileLineAndKeyOfAnUnknownKey() {
    TaxonomyException e = failure(MINIMAL.replace("threshold: 2.0", "treshold: 2.0"));

    assertThat(e.source()).isEqualTo("test.yaml");
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.key()).isEqualTo("treshold");
    assertThat(e.getMessage())
        .contains("test.yaml line 5", "'treshold'", "allowed keys are", "threshold");
  }

  @Test
  void shouldRejectAMissingThresholdSayingWhatToAdd() {
    TaxonomyException e = failure(MINIMAL.replace("    threshold: 2.0\n", ""));

    assertThat(e.key()).isEqualTo("threshold");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("missing required key", "add 'threshold: ...'");
  }

  @Test
  void shouldRejectAMissingId() {
    TaxonomyException e = failure(MINIMAL.replace("- id: narcotics\n    label", "- label"));

    assertThat(e.key()).isEqualTo("id");
  }

  @Test
  void shouldRejectAThresholdThatIsNotANumber() {
    TaxonomyException e = failure(MINIMAL.replace("threshold: 2.0", "threshold: high"));

    assertThat(e.line()).isEqualTo(5);
    assertThat(e.getMessage()).contains("expected a number", "'high'");
  }

  @Test
  void shouldRejectTermsGivenAsTextInsteadOfAList() {
    TaxonomyException e = failure(MINIMAL.replace("terms: [cocaine]", "terms: cocaine"));

    assertThat(e.key()).isEqualTo("terms");
    assertThat(e.getMessage()).contains("expected a list");
  }

  @Test
  void shouldRejectATagIdThatCannotNameATopic() {
    TaxonomyException e = failure(MINIMAL.replace("id: narcotics", "id: Narcotics Tag"));

    assertThat(e.key()).isEqualTo("id");
    assertThat(e.getMessage()).contains("lower-case letters");
  }

  @Test
  void shouldRejectDuplicateTagIds() {
    String twice =
        MINIMAL
            + """
              - id: narcotics
                label: Again
                threshold: 1.0
                phrases: [{weight: 1.0, terms: [heroin]}]
            """;

    assertThat(failure(twice).getMessage()).contains("used twice");
  }

  @Test
  void shouldRejectAPlacesRegionNoGazetteerEntryHas() {
    String yaml =
        """
        version: "t1"
        gazetteer:
          - {name: Iran, regions: [middle-east], aliases: [Iran]}
        tags:
          - id: middle-east
            label: Middle East
            threshold: 3
            places: {regions: [middle-eats], weight: 1.0}
        """;

    TaxonomyException e = failure(yaml);

    assertThat(e.line()).isEqualTo(8);
    assertThat(e.getMessage()).contains("middle-eats", "fix the spelling");
  }

  @Test
  void shouldRejectAPlacesRepeatFactorAboveOneNamingLineAndKey() {
    String yaml =
        """
        version: "t1"
        gazetteer:
          - {name: Iran, regions: [middle-east], aliases: [Iran]}
        tags:
          - id: middle-east
            label: Middle East
            threshold: 3
            places: {regions: [middle-east], weight: 1.0, repeat: 1.5}
        """;

    TaxonomyException e = failure(yaml);

    assertThat(e.line()).isEqualTo(8);
    assertThat(e.getMessage()).contains("test.yaml", "repeat", "between 0 and 1");
  }

  @Test
  void shouldRejectAVetoWithAWeight() {
    String yaml =
        MINIMAL + "    exclusions: [{id: doping, terms: [doping], effect: veto, weight: 2}]\n";

    assertThat(failure(yaml).getMessage()).contains("a veto", "takes no weight");
  }

  @Test
  void shouldReportTheLineOfAYamlSyntaxError() {
    TaxonomyException e = failure("version: t1\ntags:\n  - id: [unclosed\n");

    assertThat(e.line()).isGreaterThanOrEqualTo(3);
    assertThat(e.getMessage()).contains("not valid YAML");
  }

  @Test
  void shouldSayWhichFileCouldNotBeRead(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> Taxonomy.load(missing))
        .isInstanceOf(TaxonomyException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("--taxonomy");
  }
}
