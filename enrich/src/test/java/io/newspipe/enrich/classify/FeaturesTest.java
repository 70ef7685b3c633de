package io.newspipe.enrich.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.enrich.tagging.RuleScore;
import io.newspipe.enrich.text.Token;
import io.newspipe.enrich.text.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FeaturesTest {

  private static final RuleScore RULES =
      new RuleScore(
          "election-interference", 1.5, 3.0, false, List.of("near:vote-buying"), List.of("bill"));

  private static List<Token> tokens(String text) {
    return Tokenizer.tokenize(text);
  }

  private static Set<Long> hashed(Set<String> names) {
    return names.stream().map(Features::key).collect(Collectors.toSet());
  }

  @Test
  void shouldNameWordsHeadlineWordsPairsAndWhatTheRulesFound() {
    Set<String> features =
        Features.of("Cash for votes", "Agents paid 2,000 pesos. Voters took it.", RULES);

    assertThat(features)
        .contains(
            "h:cash",
            "w:cash",
            "b:cash for",
            "w:#",
            "b:paid #",
            "r:near:vote-buying",
            "x:bill",
            "s:some")
        // a pair never spans two sentences
        .doesNotContain("b:peso voter", "b:pesos voters", "h:agent");
  }

  @Test
  void shouldGiveTheHashedKeysOfExactlyTheNamedFeatures() {
    String[][] articles = {
      {"Cash for votes", "Agents paid 2,000 pesos. Voters took it. Agents paid again."},
      {"", "One sentence only, with no headline at all"},
      {"Ballot boxes stuffed", ""},
      {"Résultats contestés à Dakar", "Des électeurs ont été payés. Le vote a été annulé!"},
    };
    for (String[] a : articles) {
      for (RuleScore rules : new RuleScore[] {null, RULES}) {
        long[] keys = Features.keys(tokens(a[0]), tokens(a[1]), rules);
        Set<String> names = Features.of(a[0], a[1], rules);

        assertThat(Arrays.stream(keys).boxed().collect(Collectors.toSet()))
            .as("%s / %s", a[0], rules)
            .isEqualTo(hashed(names));
        assertThat(keys).as("distinct").hasSize(names.size());
      }
    }
  }

  @Test
  void shouldStayExactWhenAnArticleHasMoreFeaturesThanTheScratchSetHolds() {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      words.add("w" + Integer.toString(i, 26).replaceAll("[0-9]", "x") + "q");
    }
    String big = String.join(" ", words);
    // a short headline with a long body: more keys than the size guessed from the headline
    long[] keys = Features.keys(tokens("Short"), tokens(big), null);
    assertThat(keys).hasSize(Features.of("Short", big, null).size());
    assertThat(Arrays.stream(keys).boxed().collect(Collectors.toSet()))
        .isEqualTo(hashed(Features.of("Short", big, null)));

    // the thread's scratch set is left empty: a small article after it is exact
    long[] small = Features.keys(tokens("Cash for votes"), tokens("Agents paid."), null);
    assertThat(Arrays.stream(small).boxed().collect(Collectors.toSet()))
        .isEqualTo(hashed(Features.of("Cash for votes", "Agents paid.", null)));
  }

  @Test
  void shouldGiveEveryWordItsEnglishStemSoUnseenFormsShareWeight() {
    assertThat(Features.of("Elected", "The election was electoral theatre.", null))
        .contains("t:elect", "t:theatr", "w:elected", "w:election", "w:electoral");
    assertThat(Features.stem("bribery")).isEqualTo(Features.stem("briberies"));
    assertThat(Features.stem("intimidated")).isEqualTo(Features.stem("intimidation"));
    // the per-thread stem key cache gives the same keys as the names, seen or not
    for (int round = 0; round < 2; round++) {
      long[] keys = Features.keys(tokens("Elected"), tokens("The election was electoral."), null);
      assertThat(Arrays.stream(keys).boxed().collect(Collectors.toSet()))
          .isEqualTo(hashed(Features.of("Elected", "The election was electoral.", null)));
    }
  }

  @Test
  void shouldMarkTheRulesStateAsReachSomeNoneOrVeto() {
    assertThat(Features.of("a", "b", new RuleScore("t", 3, 3, false, List.of("p"), List.of())))
        .contains("s:reach");
    assertThat(Features.of("a", "b", new RuleScore("t", 1, 3, false, List.of("p"), List.of())))
        .contains("s:some");
    assertThat(Features.of("a", "b", new RuleScore("t", 0, 3, false, List.of(), List.of())))
        .contains("s:none");
    assertThat(Features.of("a", "b", new RuleScore("t", 5, 3, true, List.of("p"), List.of("x"))))
        .contains("s:veto");
  }
}
