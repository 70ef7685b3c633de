package io.newspipe.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenizerTest {

  @Test
  void shouldEndAsciiWordsOnTheFastPathExactlyWhereTheGeneralScanEndsThem() {
    String alphabet = "ab XY 09 '.-,\n";
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int j = random.nextInt(20); j >= 0; j--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String t = text.toString();
      for (int from = 0; from < t.length(); from++) {
        assertThat(Tokenizer.asciiWordEnd(t, from)).as(t).isEqualTo(Tokenizer.wordEnd(t, from));
      }
    }
  }

  @Test
  void shouldFoldAsciiWordsOnTheFastPathExactlyAsOnTheGeneralOne() {
    // Every ending singular() treats apart, possessives, inner apostrophes, capitals and digits.
    String[] endings = {
      "", "s", "ss", "us", "is", "ies", "sses", "ches", "shes", "xes", "es", "'s", "'S", "s's"
    };
    String alphabet = "abcehisuxyzABCEHISUXYZ019'";
    Random random = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder word = new StringBuilder();
      int letters = 1 + random.nextInt(5);
      for (int j = 0; j < letters; j++) {
        word.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      word.setCharAt(0, Character.isLetterOrDigit(word.charAt(0)) ? word.charAt(0) : 'a');
      String ending = endings[random.nextInt(endings.length)];
      word.append(random.nextBoolean() ? ending : ending.toUpperCase(java.util.Locale.ROOT));
      String text = "x " + word + " y";
      int end = 2 + word.length();
      assertThat(Tokenizer.asciiToken(text, 2, end, 1, true, false))
          .as(word.toString())
          .isEqualTo(Tokenizer.anyToken(text, 2, end, 1, true, false));
    }
  }

  @Test
  void shouldStraightenCurlyQuotesAndKeepOffsetsInTheOriginal() {
    String text = "trying to “influence” and “interfere”";
    List<Token> tokens = Tokenizer.tokenize(text);

    assertThat(tokens)
        .extracting(Token::norm)
        .containsExactly("trying", "to", "influence", "and", "interfere");
    Token interfere = tokens.get(4);
    assertThat(text.substring(interfere.start(), interfere.end())).isEqualTo("interfere");
  }

  @Test
  void shouldDropPossessivesWithStraightOrCurlyApostrophesFromTheSpan() {
    String text = "China’s help and Xi's plan";
    List<Token> tokens = Tokenizer.tokenize(text);

    assertThat(tokens)
        .extracting(Token::norm)
        .containsExactly("china", "help", "and", "xi", "plan");
    assertThat(text.substring(tokens.get(0).start(), tokens.get(0).end())).isEqualTo("China");
    assertThat(text.substring(tokens.get(3).start(), tokens.get(3).end())).isEqualTo("Xi");
  }

  @Test
  void shouldMarkACapitalisedWordAfterATitleAsASurname() {
    List<Token> tokens =
        Tokenizer.tokenize("Mr Jobs and Dr. Care told jobs fairs; the General Election");

    assertThat(tokens)
        .filteredOn(Token::surname)
        .extracting(Token::norm)
        .containsExactly("job", "care");
  }

  @Test
  void shouldReduceSimplePluralsButLeaveShortAndLatinateWordsAlone() {
    assertThat(Tokenizer.normalisedWords("cartels seizures proxies elections"))
        .containsExactly("cartel", "seizure", "proxy", "election");
    assertThat(Tokenizer.normalisedWords("us gas congress virus analysis Israelis"))
        .containsExactly("us", "gas", "congress", "virus", "analysis", "israelis");
  }

  @Test
  void shouldFoldWidthAccentsAndCaseWithNfkc() {
    assertThat(Tokenizer.normalisedWords("ＣＯＣＡＩＮＥ Türkiye Erdoğan"))
        .containsExactly("cocaine", "turkiye", "erdogan");
  }

  @Test
  void shouldSplitOnHyphensAndSlashesButKeepDottedAcronymsInOneSentence() {
    List<Token> tokens = Tokenizer.tokenize("U.S.-China talks, US/China ties");

    assertThat(tokens)
        .extracting(Token::norm)
        .containsExactly("u", "s", "china", "talk", "us", "china", "tie");
    assertThat(tokens)
        .extracting(Token::sentenceStart)
        .containsExactly(true, false, false, false, false, false, false);
    assertThat(tokens)
        .extracting(Token::upperCase)
        .containsExactly(true, true, false, false, true, false, false);
  }

  @Test
  void shouldMarkSentenceEndsAndParagraphs() {
    List<Token> tokens = Tokenizer.tokenize("in the US. China said\n\nNew paragraph");

    assertThat(tokens)
        .extracting(Token::norm)
        .containsExactly("in", "the", "us", "china", "said", "new", "paragraph");
    assertThat(tokens)
        .extracting(Token::sentenceStart)
        .containsExactly(true, false, false, true, false, true, false);
    assertThat(tokens).extracting(Token::paragraph).containsExactly(0, 0, 0, 0, 0, 1, 1);
  }

  @Test
  void shouldReturnNoTokensForPunctuationOnly() {
    assertThat(Tokenizer.tokenize(" — “…” ")).isEmpty();
  }
}
