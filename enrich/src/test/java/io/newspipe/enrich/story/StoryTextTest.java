package io.newspipe.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.enrich.text.Token;
import io.newspipe.enrich.text.Tokenizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoryTextTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "LONDON, May 14 (Reuters) - Copper prices climbed.|Copper prices climbed.",
        "(CNN) \u2014 A small bakery in Vermont|A small bakery in Vermont",
        "(CNN)\u2014A small bakery|A small bakery",
        "Reuters - European shares edged higher|European shares edged higher",
        "Tokyo (AFP) - A 6.8-magnitude earthquake hit|A 6.8-magnitude earthquake hit",
        "NEW YORK \u2014 Stocks fell on Tuesday|Stocks fell on Tuesday",
        "CRESTLINE, Ohio (AP) \u2014 About 20 cars derailed|About 20 cars derailed",
        "BERLIN, June 3 /PRNewswire/ -- Acme said|Acme said",
      })
  void shouldCutTheDatelineOrCreditBeforeTheLead(String body, String lead) {
    assertThat(StoryText.withoutCredit(body)).isEqualTo(lead);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Gold - the metal of kings - rose again.",
        "The army said on Friday - without giving evidence - that it won.",
        "Prices rose. NEW YORK \u2014 traders said",
        "A strong quake\u2014the third this week\u2014hit Japan.",
      })
  void shouldLeaveALeadThatStartsWithoutACreditAlone(String body) {
    assertThat(StoryText.withoutCredit(body)).isEqualTo(body);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "UPDATE 2-Fed holds rates steady|Fed holds rates steady",
        "EXCLUSIVE-Chipmaker picks Phoenix|Chipmaker picks Phoenix",
        "Breaking: Dam bursts in Bosnia|Dam bursts in Bosnia",
        "Quake hits Japan - BBC News|Quake hits Japan",
        "Dam bursts \u2014 Reuters|Dam bursts",
        "Turkey and Greece move towards talks - Ozal|Turkey and Greece move towards talks - Ozal",
      })
  void shouldCutHeadlineFlagsAndOutletSuffixesButNotAQuotedSpeaker(String headline, String text) {
    assertThat(StoryText.headlineText(headline)).isEqualTo(text);
  }

  @Test
  void shouldKeepContentWordsStemmedAndCountNumbersTwiceButNamesOnce() {
    List<String> words =
        StoryText.words(
            "Quake strikes northern Japan",
            null,
            "TOKYO, May 14 (Reuters) - A magnitude 6.8 earthquake struck off Aomori on Tuesday,"
                + " the agency said.");

    assertThat(words)
        .contains("quak", "strike", "northern", "japan", "magnitud", "6p8", "=6p8", "earthquak")
        .contains("aomori")
        // "said", "Tuesday", "the", "agency" and the dateline are not what the story is about
        .doesNotContain("said", "say", "tuesday", "the", "agency", "tokyo", "reuters", "14");
    // names count once, like any rare word: only numbers are doubled
    assertThat(words).filteredOn(w -> w.startsWith("=")).containsExactly("=6p8");
  }

  @Test
  void shouldTakeOnlyTheLeadOfTheBody() {
    String lead = "word ".repeat(StoryText.LEAD_WORDS);
    List<String> words = StoryText.words("Headline", null, lead + "unrelated afterthought");

    assertThat(words).doesNotContain("unrelat", "afterthought");
  }

  @Test
  void shouldFindNothingInCommonBetweenUnrelatedStoriesWithTheSameBoilerplate() {
    Set<String> copper =
        new HashSet<>(
            StoryText.words(
                "Copper hits two-year high - Reuters",
                null,
                "LONDON, May 14 (Reuters) - Copper prices climbed to their highest in two years on"
                    + " Tuesday as smelter cutbacks in China stoked supply worries."));
    Set<String> tigers =
        new HashSet<>(
            StoryText.words(
                "UPDATE 1-London Zoo welcomes Sumatran tiger cubs - Reuters",
                null,
                "LONDON, May 14 (Reuters) - London Zoo said on Tuesday that two Sumatran tiger"
                    + " cubs had been born, the first at the zoo in five years."));

    copper.retainAll(tigers);
    assertThat(copper).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "seized,seiz",
    "seize,seiz",
    "seizing,seiz",
    "struck,strike",
    "held,hold",
    "signalled,signal",
    "evacuated,evacuat",
    "evacuate,evacuat",
    "need,need",
    "speed,speed",
    "bring,bring",
    "japan,japan",
  })
  void shouldStemVerbFormsOfOneEventAlike(String word, String stem) {
    assertThat(StoryText.stem(word)).isEqualTo(stem);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a 6.8 quake|a 6p8 quake",
        "rates at 5.50% and 5.5%|rates at 5p5% and 5p5%",
        "12,000 jobs and 1,234,567 votes|12000 jobs and 1234567 votes",
        "magnitude 6.0 and 2.05|magnitude 6 and 2p05",
        "ends in 2027. Then|ends in 2027. Then",
      })
  void shouldKeepNumbersOneWord(String text, String expected) {
    assertThat(StoryText.numbersAsWords(text)).isEqualTo(expected);
  }

  @Test
  void shouldTellAPayoutHeadlineFromResultsAndCommentary() {
    assertThat(payout("YORK FINANCIAL <YFED> DECLARES QTLY DIV")).isTrue();
    assertThat(payout("Kestrel Foods sets stock dividend")).isTrue();
    assertThat(payout("ACME <ACM> TO SPLIT STOCK TWO-FOR-ONE")).isTrue();
    assertThat(payout("ACME <ACM> 4TH QTR NET")).isFalse();
    assertThat(payout("ACME <ACM> SEES HIGHER 1987 SALES")).isFalse();
  }

  private static boolean payout(String headline) {
    return StoryText.announcesPayout(StoryText.words(headline, null, null));
  }

  @Test
  void shouldReadAsHeadlineNamesTheHeadlineWordsItsBodyCapitalises() {
    List<String> headline =
        StoryText.words("CCC ACCEPTS EXPORT BONUS BID ON BARLEY TO CYPRUS", null, null);
    String body =
        "The Commodity Credit Corporation accepted a bid for an export bonus on barley to Cyprus,"
            + " the Agriculture Department said.";

    assertThat(StoryText.headlineNames(headline, body)).contains("cyprus").doesNotContain("barley");
    assertThat(StoryText.headlineNames(headline, body.toUpperCase(java.util.Locale.ROOT)))
        .isEmpty();
    assertThat(StoryText.headlineNames(headline, null)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "WASHINGTON, March 3 - The U.S. sold 12,000 tonnes at 5.50 dlrs, up from 4.25 dlrs.",
        "Officials said 1,250,000 bags of Brazil's coffee were due. \"Not yet,\" he said.",
        "Counterrevolutionaries internationalised 1,234,567,890.50 telecommunications U.S.-Japanese",
        "A 6.8-magnitude earthquake hit 12,000.00 kilometres off Tokyo's coast at 10.30 a.m.",
      })
  void shouldReadTheFirstTokensOfABodyAsTokenizingAllOfItWould(String sentence) {
    String body = (sentence + " ").repeat(6);
    List<Token> whole = Tokenizer.tokenize(StoryText.numbersAsWords(body));

    for (int n = 1; n <= whole.size() + 1; n++) {
      StoryText.Lead lead = StoryText.lead(body, n, StoryText::numbersAsWords);

      assertThat(lead.tokens()).isEqualTo(whole.subList(0, Math.min(n, whole.size())));
      int end = lead.tokens().get(lead.tokens().size() - 1).end();
      assertThat(lead.text().substring(0, end))
          .isEqualTo(StoryText.numbersAsWords(body).substring(0, end));
    }
  }

  @Test
  void shouldTakeTheSameWordsFromALongBodyAsFromItsLead() {
    String lead =
        ("The Commodity Credit Corporation accepted bids for 25,000 tonnes of barley to Cyprus,"
                + " the U.S. Agriculture Department said. It paid 41.50 dlrs a tonne. ")
            .repeat(3);
    String tail = " Traders in Chicago said the bonus was larger than expected.".repeat(2_000);
    List<String> headline =
        StoryText.words("CCC ACCEPTS BONUS BID ON BARLEY TO CYPRUS", null, null);

    assertThat(StoryText.words("BARLEY TO CYPRUS", null, lead + tail))
        .isEqualTo(StoryText.words("BARLEY TO CYPRUS", null, lead))
        .contains("cyprus", "25000", "=25000")
        .doesNotContain("chicago");
    assertThat(StoryText.headlineNames(headline, lead + tail))
        .isEqualTo(StoryText.headlineNames(headline, lead))
        .contains("cyprus");
  }
}
