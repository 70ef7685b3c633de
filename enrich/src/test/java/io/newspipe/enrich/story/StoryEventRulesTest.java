package io.newspipe.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The issue-10 story rules on a fixture written for this test (no corpus text): event kinds keep
 * reports of different events about one subject apart, a report long after a story needs more, a
 * headline subject must be among the story's, match scores must agree, one exact figure in two
 * headlines names one release, and a person finds the flash that names him as its subject.
 */
class StoryEventRulesTest {

  private static final long T0 = Instant.parse("2024-03-11T09:00:00Z").toEpochMilli();
  private static final long MINUTE = Duration.ofMinutes(1).toMillis();
  private static final long HOUR = 60 * MINUTE;

  private final StoryClusterer clusterer = new StoryClusterer(StoryRules.DEFAULTS);

  private String assign(String id, String headline, String body, long at) {
    return clusterer.assign(id, headline, null, body, at);
  }

  @Test
  void shouldClassifyTheKindOfEventAHeadlineNames() {
    assertThat(EventKind.of("HOLLIS MARINE <HLM> 4TH QTR NET")).containsExactly(EventKind.RESULTS);
    assertThat(EventKind.of("HOLLIS MARINE <HLM> SETS QUARTERLY"))
        .containsExactly(EventKind.DIVIDEND);
    assertThat(EventKind.of("HOLLIS <HLM> COMPLETES SALE OF TUG UNIT"))
        .containsExactly(EventKind.DEAL);
    assertThat(EventKind.of("HOLLIS <HLM> UNIT GETS NAVY CONTRACT"))
        .containsExactly(EventKind.CONTRACT);
    assertThat(EventKind.of("MOODY'S MAY DOWNGRADE HOLLIS <HLM>")).contains(EventKind.RATING);
    assertThat(EventKind.of("Sprinter banned for missing tests"))
        .containsExactly(EventKind.SANCTION);
    assertThat(EventKind.of("Federation lifts sprinter's ban"))
        .containsExactly(EventKind.CLEARANCE);
    assertThat(EventKind.of("Sprinter appeals against ban")).containsExactly(EventKind.APPEAL);
    assertThat(EventKind.of("HOLLIS <HLM> HALTED PENDING NEWS RELEASE")).isEmpty();
    assertThat(EventKind.of("HOLLIS <HLM> UNIT TO EXPAND SERVICE")).isEmpty();
  }

  @Test
  void shouldNotJoinAResultsTableAndADividendNoticeOfOneCompany() {
    String body =
        "Hollis Marine Corp said its board met today. Hollis Marine, the Gulf tug and barge"
            + " operator, also said its fleet of 42 vessels was fully employed.";
    String results =
        assign("net", "HOLLIS MARINE <HLM> 4TH QTR NET", "Shr 42 cts vs 38 cts. " + body, T0);
    String dividend =
        assign(
            "div",
            "HOLLIS MARINE <HLM> SETS QUARTERLY",
            "Qtly div 12 cts vs 12 cts prior. " + body,
            T0 + 20 * MINUTE);
    String correction =
        assign(
            "net2",
            "HOLLIS MARINE <HLM> 4TH QTR NET",
            "Shr 42 cts vs 38 cts, corrected. " + body,
            T0 + 40 * MINUTE);

    assertThat(dividend).isNotEqualTo(results);
    assertThat(correction).isEqualTo(results);
    StoryNames resultsNames = StoryNames.of("HOLLIS MARINE <HLM> 4TH QTR NET", null, body);
    StoryNames dividendNames = StoryNames.of("HOLLIS MARINE <HLM> SETS QUARTERLY", null, body);
    assertThat(resultsNames.kindsConflict(dividendNames)).isTrue();
  }

  @Test
  void shouldLetARatingActionJoinTheDealItsLeadNames() {
    StoryNames bid =
        StoryNames.of(
            "HOLLIS <HLM> BIDS FOR KESTREL <KST>",
            null,
            "Hollis Marine Corp said it offered 30 dlrs a share for Kestrel Tug Inc.");
    StoryNames rating =
        StoryNames.of(
            "MOODY'S MAY DOWNGRADE HOLLIS <HLM>",
            null,
            "Moody's said it may cut Hollis Marine's debt because of its proposed acquisition of"
                + " Kestrel Tug.");
    StoryNames contract =
        StoryNames.of("HOLLIS <HLM> UNIT GETS NAVY CONTRACT", null, "Hollis Marine said");
    assertThat(rating.kindsConflict(bid)).isFalse();
    assertThat(bid.kindsConflict(rating)).isFalse();
    assertThat(bid.kindsConflict(contract)).isTrue();
  }

  @Test
  void shouldNotJoinASanctionAndItsLifting() {
    String body =
        "Kenyan runner Mary Wanjiru, the Berlin marathon winner, missed a drugs test in"
            + " October, her federation Athletics Kenya said.";
    String ban = assign("ban", "Wanjiru banned for missing test", body, T0);
    String lifted = assign("lift", "Kenya lifts Wanjiru's ban", body + " Details.", T0 + MINUTE);
    assertThat(lifted).isNotEqualTo(ban);
  }

  @Test
  void shouldNotJoinTheNextDaysRoutineReportWithoutASharedCompany() {
    String body =
        "The Bank of England said it had given the money market assistance of 40 mln stg in"
            + " the afternoon session, against a shortage forecast at around 300 mln stg.";
    String first = assign("mm1", "U.K. MONEY MARKET GIVEN 40 MLN STG ASSISTANCE", body, T0);
    String sameDay =
        assign(
            "mm1b",
            "U.K. MONEY MARKET GIVEN FURTHER ASSISTANCE",
            body + " Late help follows.",
            T0 + 2 * HOUR);
    String nextDay =
        assign(
            "mm2",
            "U.K. MONEY MARKET OFFERED EARLY ASSISTANCE",
            "The Bank of England said it had invited early offers of bills to help the money"
                + " market, against a shortage forecast at around 400 mln stg.",
            T0 + 20 * HOUR);
    assertThat(sameDay).isEqualTo(first);
    assertThat(nextDay).isNotEqualTo(first);
  }

  @Test
  void shouldNotJoinAFlashWhoseSubjectIsOnlyMentionedInTheStorysText() {
    String hogs =
        assign(
            "hog",
            "LIVE HOG FUTURES EXPECTED STEADY TO HIGHER",
            "Live hog futures are expected to open steady to higher on light runs and firm cash"
                + " markets, traders said. Pork belly futures should follow hogs, they said.",
            T0);
    String bellies =
        assign(
            "belly",
            "PORK BELLY FUTURES EXPECTED STEADY TO HIGHER",
            "Pork belly futures are expected to open steady to higher on light runs and firm"
                + " cash markets, traders said, following live hog futures.",
            T0 + 3 * MINUTE);
    assertThat(bellies).isNotEqualTo(hogs);
    assertThat(StoryText.subject("LIVE HOG FUTURES EXPECTED STEADY TO HIGHER"))
        .containsExactly("live", "hog", "futur");
  }

  @Test
  void shouldNotJoinTwoMatchesOfOneTeam() {
    String first =
        assign(
            "m1",
            "Italy 17-28 Ireland",
            "Ireland held on in Rome as Brian O'Driscoll scored twice in the Six Nations match"
                + " against Italy at the Stadio Flaminio.",
            T0);
    String second =
        assign(
            "m2",
            "Italy 20-20 Wales",
            "Wales held on in Rome as Gareth Thomas scored twice in the Six Nations match"
                + " against Italy at the Stadio Flaminio.",
            T0 + 10 * MINUTE);
    assertThat(second).isNotEqualTo(first);
    assertThat(StoryNames.scores("Italy 28-17 Ireland")).containsExactly("17-28");
    assertThat(StoryNames.scores("a 2-for-1 split of 10-year notes, 1987-88, 10-12 pct")).isEmpty();
  }

  @Test
  void shouldAgreeOnOneExactFigureInTwoHeadlines() {
    StoryNames flash =
        StoryNames.of(
            "SWISS FEB TRADE DEFICIT 629.7 MLN FRANCS (JAN 209.4 MLN) - OFFICIAL", null, "");
    StoryNames item = StoryNames.of("SWISS FEBRUARY TRADE DEFICIT 629.7 MLN FRANCS", null, "");
    StoryNames other = StoryNames.of("SWISS FEBRUARY TRADE DEFICIT 512.5 MLN FRANCS", null, "");
    assertThat(flash.figures()).contains("629p7", "209p4");
    assertThat(StoryNames.figures("1987 FIGURES UP 12 PCT")).isEmpty();
    assertThat(flash.agrees(item)).isTrue();
    assertThat(flash.agrees(other)).isFalse();
    assertThat(flash.kindsAgree(item)).isTrue();
  }

  @Test
  void shouldFindAFlashNamingAPersonAsItsSubject() {
    String flash =
        assign(
            "b1",
            "U.S. TREASURY'S BAKER SAID HE IS NOT CONCERNED ABOUT DECLINE IN BOND MARKET",
            "",
            T0);
    String item =
        assign(
            "b2",
            "TREASURY'S BAKER NOT CONCERNED BY BOND DECLINES",
            "Treasury Secretary James Baker told a House appropriations subcommittee on"
                + " Tuesday that he was not worried by the recent slide in prices of government"
                + " securities, saying that markets had been volatile in past months and would"
                + " settle once investors judged the outlook for interest rates and currencies"
                + " more calmly than they did last week.",
            T0 + 10 * MINUTE);
    assertThat(item).isEqualTo(flash);
    // The item names no headline subject, only a person in its lead: that person is its key.
    StoryNames itemNames =
        StoryNames.of(
            "TREASURY'S BAKER NOT CONCERNED BY BOND DECLINES",
            null,
            "Treasury Secretary James Baker told a House panel.");
    assertThat(itemNames.subjects()).isEmpty();
    assertThat(StoryIndex.nameKeys(itemNames)).contains("s:baker");
  }

  @Test
  void shouldKeepKindsScoresFiguresAndTheLatestPublicationWhenStored() {
    StoryNames names =
        StoryNames.of(
            "HOLLIS MARINE <HLM> 4TH QTR NET 12.5 MLN", null, "Hollis Marine Corp said. Won 3-1.");
    assertThat(StoryNames.readFrom(ByteBuffer.wrap(encoded(names)))).isEqualTo(names);
    StoryState state =
        StoryState.first("s", T0, T0, names, new long[] {1, 2}, new double[] {1, 1})
            .plus(T0, T0 + 5 * HOUR, names, new long[] {2, 3}, new double[] {1, 1});
    assertThat(state.last()).isEqualTo(T0 + 5 * HOUR);
    assertThat(StoryState.decode(state.encode())).isEqualTo(state);
    // A state stored before the latest publication was kept decodes with its start instead.
    byte[] stored = state.encode();
    byte[] old = java.util.Arrays.copyOf(stored, stored.length - Long.BYTES);
    assertThat(StoryState.decode(old).last()).isEqualTo(T0);
  }

  private static byte[] encoded(StoryNames names) {
    ByteBuffer buffer = ByteBuffer.allocate(names.encodedSize());
    names.writeTo(buffer);
    return buffer.array();
  }
}
