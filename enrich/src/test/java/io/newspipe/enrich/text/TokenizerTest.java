package io.newspipe.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

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
