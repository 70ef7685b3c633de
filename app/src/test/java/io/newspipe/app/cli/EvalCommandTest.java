package io.newspipe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

  private static final String LABELLED =
      """
      {"id":"hit","headline":"Captagon haul seized in Jordan","body":"Jordanian troops seized captagon pills smuggled from Syria.","labels":["narcotics"]}
      {"id":"doping","headline":"Sprinter banned","body":"She tested positive for a banned steroid; the anti-doping agency said cocaine was not involved.","labels":[]}
      {"id":"miss","headline":"Quiet day","body":"Nothing happened.","labels":["narcotics"]}
      """;

  @TempDir Path dir;

  private final CliRun cli = new CliRun();
  private final StringWriter out = cli.out;
  private final StringWriter err = cli.err;

  private int run(String... args) {
    return cli.execute(args);
  }

  @Test
  void shouldPrintPrecisionRecallAndF1OfOnlyTheTagsTheFileLabels() throws Exception {
    Path labels = Files.writeString(dir.resolve("labels.jsonl"), LABELLED);

    int code = run("eval", "--labels", labels.toString());

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("3 labelled items")
        .containsPattern("narcotics +1\\.000 +0\\.500 +0\\.667")
        .contains("micro-average")
        .contains("narcotics false negatives: [miss]")
        .doesNotContain("middle-east");
    assertThat(err.toString()).contains("tagged 3 items in");
  }

  @Test
  void shouldExplainMissesAndFalsePositivesWithEvidence() throws Exception {
    Path labels =
        Files.writeString(
            dir.resolve("labels.jsonl"),
            LABELLED.replace(
                "\"labels\":[\"narcotics\"]}\n{\"id\":\"doping\"",
                "\"labels\":[]}\n{\"id\":\"doping\""));

    int code =
        run("eval", "--labels", labels.toString(), "--tags", "narcotics,middle-east", "--explain");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("narcotics/hit  score")
        .contains("=\"Captagon\"@headline")
        .contains("narcotics/miss  missed: \"Quiet day\"")
        .contains("middle-east");
  }

  @Test
  void shouldFailNamingATagTheTaxonomyDoesNotHave() throws Exception {
    Path labels = Files.writeString(dir.resolve("labels.jsonl"), LABELLED);

    int code = run("eval", "--labels", labels.toString(), "--tags", "narcotcs");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("[narcotcs] are not tags of taxonomy");
  }

  @Test
  void shouldNameTheLineOfABadLabelledRecord() throws Exception {
    Path labels = Files.writeString(dir.resolve("labels.jsonl"), "{\"id\":\"a\"}\n");

    int code = run("eval", "--labels", labels.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("labels.jsonl line 1").contains("\"labels\"");
  }

  @Test
  void shouldPrintRecallPerPartWithByPart() throws Exception {
    Path labels =
        Files.writeString(
            dir.resolve("labels.jsonl"),
            LABELLED.replace(
                "\"labels\":[\"narcotics\"]}",
                "\"labels\":[\"narcotics\"],\"parts\":{\"narcotics\":\"trafficking\"}}"));

    int code = run("eval", "--labels", labels.toString(), "--by-part", "--explain");

    assertThat(code).isZero();
    assertThat(out.toString())
        .containsPattern("narcotics +trafficking +0\\.500 +1 +2  missed: \\[miss\\]");
  }
}
