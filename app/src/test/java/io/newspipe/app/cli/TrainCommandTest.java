package io.newspipe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.enrich.classify.LinearModel;
import java.io.BufferedReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

  @TempDir Path dir;

  private final CliRun cli = new CliRun();
  private final StringWriter out = cli.out;
  private final StringWriter err = cli.err;

  /** A labelled set: positives buy votes with cash, negatives are football. */
  private Path set(String name, int items) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < items; i++) {
      boolean positive = i % 2 == 0;
      String headline = positive ? "Cash for votes in ward " + i : "Cup final in town " + i;
      String body =
          positive
              ? "Agents handed voters cash envelopes before the poll, observers said."
              : "The home side won the football match after extra time, fans said.";
      lines.append(
          String.format(
              "{\"id\":\"%s-%d\",\"headline\":\"%s\",\"body\":\"%s\",\"labels\":%s}%n",
              name, i, headline, body, positive ? "[\"election-interference\"]" : "[]"));
    }
    return Files.writeString(dir.resolve(name + ".jsonl"), lines.toString());
  }

  /** {@code newspipe train --tag election-interference --min-count 2} with these arguments. */
  private int train(String... args) {
    List<String> all =
        new ArrayList<>(List.of("train", "--tag", "election-interference", "--min-count", "2"));
    all.addAll(List.of(args));
    return cli.execute(all.toArray(new String[0]));
  }

  @Test
  void shouldWriteAModelThatSaysHowItWasTrained() throws Exception {
    Path a = set("a", 12);
    Path b = set("b", 12);
    Path model = dir.resolve("ei.model");

    int code = train("--out", model.toString(), a.toString(), b.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("from 24 items in 2 files");
    List<String> notes;
    try (BufferedReader in = Files.newBufferedReader(model)) {
      notes = LinearModel.notes(in);
    }
    assertThat(notes).hasSize(2);
    assertThat(notes.get(0))
        .startsWith("newspipe train --tag election-interference --c 10.0 --min-count 2, rules of");
    assertThat(notes.get(1)).isEqualTo("trained on: a.jsonl b.jsonl");
    LinearModel read;
    try (BufferedReader in = Files.newBufferedReader(model)) {
      read = LinearModel.read(in, model.toString());
    }
    assertThat(read.weights().get("w:cash")).isPositive();
    assertThat(read.weights().get("w:football")).isNegative();
    assertThat(dir.resolve("ei.model.tmp")).doesNotExist();
  }

  @Test
  void shouldHoldEachSetOutInTurnWithCrossValidate() throws Exception {
    int code = train("--cross-validate", set("a", 12).toString(), set("b", 12).toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("held out")
        .containsPattern("a\\.jsonl +\\S+ / \\S+ / \\S+ \\(\\d+ fp\\) +1\\.000 / 1\\.000 / 1\\.000")
        .containsPattern("b\\.jsonl .* 1\\.000 / 1\\.000 / 1\\.000")
        .contains("(no part) 1.000 (6/6)");
  }

  @Test
  void shouldRefuseAnUnknownTagAndAMissingOutput() throws Exception {
    Path a = set("a", 4);

    assertThat(cli.execute("train", "--tag", "no-such-tag", "--cross-validate", a.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("'no-such-tag' is not a tag of taxonomy");
    assertThat(cli.execute("train", "--tag", "election-interference", a.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("give --out FILE for the model, or --cross-validate");
  }
}
