package io.newspipe.enrich.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.newspipe.enrich.tagging.RuleScore;
import io.newspipe.enrich.text.Tokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinearModelTest {

  private static final LinearModel MODEL =
      new LinearModel(
          -1.5,
          Map.of(
              "w:cash", 1.25,
              "h:vote", 0.75,
              "b:paid voter", 2.0,
              "r:near:vote-buying", 0.5,
              "s:none", -0.25,
              "w:football", -3.0));

  private static LinearModel read(String text) throws IOException {
    return LinearModel.read(new BufferedReader(new StringReader(text)), "m.model");
  }

  @Test
  void shouldComputeTheProbabilityFromTheSummedWeightsScaledByTheFeatureCount() {
    Set<String> features = Set.of("w:cash", "h:vote", "w:unknown", "s:none");
    double margin = -1.5 + (1.25 + 0.75 - 0.25) / Math.sqrt(4);

    assertThat(MODEL.probability(features)).isCloseTo(1 / (1 + Math.exp(-margin)), within(1e-12));
    assertThat(MODEL.probability(Set.of())).isCloseTo(1 / (1 + Math.exp(1.5)), within(1e-12));
  }

  @Test
  void shouldGiveTheSameProbabilityFromTokensAsFromFeatureNames() {
    String[][] articles = {
      {"Cash for the vote", "Agents paid voters in cash. Police said so."},
      {"Football club vote", "Members paid dues."},
      {"", ""},
    };
    RuleScore rules =
        new RuleScore("t", 1, 3, false, List.of("near:vote-buying"), List.of("football"));
    for (String[] a : articles) {
      for (RuleScore r : new RuleScore[] {null, rules}) {
        double byName = MODEL.probability(Features.of(a[0], a[1], r));
        double byTokens = MODEL.probability(Tokenizer.tokenize(a[0]), Tokenizer.tokenize(a[1]), r);
        double byKeys =
            MODEL.probability(Features.keys(Tokenizer.tokenize(a[0]), Tokenizer.tokenize(a[1]), r));

        assertThat(byTokens).as(a[0]).isCloseTo(byName, within(1e-12));
        assertThat(byKeys).as(a[0]).isCloseTo(byName, within(1e-12));
      }
    }
    assertThat(MODEL.probability(Features.of("Cash for the vote", "Agents paid voters.", rules)))
        .isGreaterThan(MODEL.probability(Features.of("Football", "A club vote.", rules)));
  }

  @Test
  void shouldLookUpWeightsByKeyAndGiveZeroForAbsentFeatures() {
    assertThat(MODEL.weight(Features.key("w:cash"))).isEqualTo(1.25);
    assertThat(MODEL.weight(Features.wordKey("cash"))).isEqualTo(1.25);
    assertThat(MODEL.weight(Features.headlineKey("vote"))).isEqualTo(0.75);
    assertThat(MODEL.weight(Features.pairKey("paid", "voter"))).isEqualTo(2.0);
    assertThat(MODEL.weight(Features.key("w:absent"))).isZero();
    assertThat(MODEL.weight(0)).isZero();
  }

  @Test
  void shouldWriteAndReadBackTheSameModelWithItsNotes() throws IOException {
    StringWriter out = new StringWriter();
    MODEL.write(out, List.of("made by a test", "trained on: a.jsonl b.jsonl"));

    String text = out.toString();
    assertThat(text)
        .startsWith("# made by a test\n# trained on: a.jsonl b.jsonl\n#bias\t-1.500000\n");
    LinearModel back = read(text);
    assertThat(back.bias()).isEqualTo(-1.5);
    assertThat(back.weights()).isEqualTo(MODEL.weights());
    assertThat(LinearModel.notes(new BufferedReader(new StringReader(text))))
        .containsExactly("made by a test", "trained on: a.jsonl b.jsonl");
  }

  @Test
  void shouldReadAHandWrittenFileInAnyOrderAndAnyNumberForm() throws IOException {
    LinearModel model =
        read("w:vote\t1e-3\n#bias\t-2\nw:cash\t+1.25\nb:paid voter\t-0.5000000000000001\n");

    assertThat(model.bias()).isEqualTo(-2.0);
    assertThat(model.weights())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("w:vote", 0.001, "w:cash", 1.25, "b:paid voter", -0.5000000000000001));
    assertThat(model.weight(Features.wordKey("cash"))).isEqualTo(1.25);
    // the decimals write gives are read to the same double as parseDouble reads them
    for (String d : new String[] {"0.123456", "-3.000001", "12.5", "-0.000001", "7.999999"}) {
      assertThat(read("#bias\t0\nw:x\t" + d + "\n").weights().get("w:x"))
          .isEqualTo(Double.parseDouble(d));
    }
  }

  @Test
  void shouldNameTheLineOfAMalformedModelFile() {
    assertThatThrownBy(() -> read("#bias\t-1\nw:cash 1.0\n"))
        .isInstanceOf(IOException.class)
        .hasMessage("m.model:2: expected feature<TAB>weight");
    assertThatThrownBy(() -> read("#bias\t-1\nw:cash\t1.0\nw:vote\tlots\n"))
        .isInstanceOf(IOException.class)
        .hasMessage("m.model:3: not a number: lots");
  }
}
