package io.newspipe.enrich.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.enrich.text.Token;
import io.newspipe.enrich.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenAutomatonTest {

  private static List<String> found(List<List<String>> patterns, String text) {
    TokenAutomaton automaton = new TokenAutomaton(patterns);
    List<String> found = new ArrayList<>();
    automaton.scan(
        Tokenizer.tokenize(text),
        (p, first, last) ->
            found.add(String.join(" ", patterns.get(p)) + "@" + first + "-" + last));
    return found;
  }

  @Test
  void shouldRememberABoundedNumberOfShortWordsAndFindTheSameWithOrWithoutThem() {
    List<List<String>> patterns = List.of(List.of("bribe"), List.of("vote", "buying"));
    TokenAutomaton automaton = new TokenAutomaton(patterns);
    String longWord = "x".repeat(TokenAutomaton.REMEMBERED_LENGTH + 1);
    StringBuilder text = new StringBuilder("bribing voters, vote buying ").append(longWord);
    for (int i = 0; i < TokenAutomaton.REMEMBERED + 100; i++) {
      text.append(" q").append(Integer.toString(i, 36)).append('z');
    }
    List<Token> tokens = Tokenizer.tokenize(text.toString());
    for (int pass = 0; pass < 2; pass++) { // the second pass reads what the first remembered
      List<String> found = new ArrayList<>();
      automaton.scan(tokens, (p, first, last) -> found.add(p + "@" + first));
      assertThat(found).containsExactly("0@0", "1@2");
    }
    // "bribing", "voters" and the made-up words up to the bound; never the long word
    assertThat(automaton.remembered()).isEqualTo(TokenAutomaton.REMEMBERED);
    TokenAutomaton fresh = new TokenAutomaton(patterns);
    fresh.scan(Tokenizer.tokenize(longWord), (p, first, last) -> {});
    assertThat(fresh.remembered()).isZero();
  }

  @Test
  void shouldFindEveryPatternInOnePassIncludingOverlaps() {
    List<List<String>> patterns =
        List.of(
            List.of("iran", "and", "its", "proxy"),
            List.of("its", "proxy"),
            List.of("iran"),
            List.of("middle", "east"));

    assertThat(found(patterns, "stop Iran and its proxies in the Middle East"))
        .containsExactlyInAnyOrder(
            "iran@1-1", "iran and its proxy@1-4", "its proxy@3-4", "middle east@7-8");
  }

  @Test
  void shouldFollowFailureLinksAfterAPartialMatch() {
    List<List<String>> patterns =
        List.of(List.of("drug", "trade", "route"), List.of("trade", "war"));

    assertThat(found(patterns, "the drug trade war")).containsExactly("trade war@2-3");
  }

  @Test
  void shouldNotMatchAcrossAnUnknownWordOrASentenceEnd() {
    List<List<String>> patterns = List.of(List.of("us", "china"));

    assertThat(found(patterns, "US and China")).isEmpty();
    assertThat(found(patterns, "in the US. China said")).isEmpty();
    assertThat(found(patterns, "US-China")).containsExactly("us china@0-1");
  }

  @Test
  void shouldMatchAcrossVerbInflectionOnlyToBasesTheRulesList() {
    List<List<String>> patterns =
        List.of(List.of("rig"), List.of("bribe"), List.of("pay"), List.of("poll"), List.of("roll"));

    assertThat(found(patterns, "they rigged it")).containsExactly("rig@1-1");
    assertThat(found(patterns, "bribing officials")).containsExactly("bribe@0-0");
    assertThat(found(patterns, "voters were paid")).containsExactly("pay@2-2");
    // "polling" is not an opinion poll, "rolled" steel is not a voter roll
    assertThat(found(patterns, "polling stations and rolled steel")).isEmpty();
  }

  @Test
  void oneSyllableVerbsAreNotReadAsTheNounTheirStemSpells() {
    List<List<String>> patterns =
        List.of(List.of("car"), List.of("star"), List.of("not"), List.of("rob"), List.of("hack"));

    // "cared", "staring", "noted" come from care, stare, note: English doubles the consonant of
    // car/star/not ("robbed", "starring"), so none of them is the noun
    assertThat(found(patterns, "she cared staring and noted")).isEmpty();
    assertThat(found(patterns, "they robbed him and hacked it"))
        .containsExactly("rob@1-1", "hack@4-4");
  }
}
