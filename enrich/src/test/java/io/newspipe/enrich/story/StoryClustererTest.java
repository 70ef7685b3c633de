package io.newspipe.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The story rules on a small fixture written for this test (no corpus text): templated notices of
 * different companies never join, reports of one event do, a story stops at its cap, and the same
 * input always gives the same stories.
 */
class StoryClustererTest {

  private static final long T0 = Instant.parse("2024-03-11T09:00:00Z").toEpochMilli();
  private static final long MINUTE = Duration.ofMinutes(1).toMillis();

  private final StoryClusterer clusterer = new StoryClusterer(StoryRules.DEFAULTS);

  private String assign(String id, String headline, String body, int minute) {
    return clusterer.assign(id, headline, null, body, T0 + minute * MINUTE);
  }

  @Test
  void shouldNotJoinTheSameDividendNoticeOfDifferentTickers() {
    String[][] notices = {
      {"BRANTLEY TOOL WORKS INC <BTWK> SETS QUARTERLY", "12"},
      {"OSPREY HARBOUR CORP <OSPH> SETS QUARTERLY", "14"},
      {"KILNER PAPER CO <KLNP> SETS QUARTERLY", "12"},
      {"MARROW VALLEY GAS CO <MVG> SETS QUARTERLY", "20"},
      {"TALLIS FOODS INC <TLF> SETS QUARTERLY", "9"},
    };
    Set<String> stories = new HashSet<>();
    for (int i = 0; i < notices.length; i++) {
      stories.add(
          assign(
              "div-" + i,
              notices[i][0],
              "Qtly div "
                  + notices[i][1]
                  + " cts vs "
                  + notices[i][1]
                  + " cts prior Pay April 15 Record March 31 Reuter",
              i));
    }
    assertThat(stories).hasSize(notices.length);
  }

  @Test
  void shouldNotJoinTheSameTemplateAboutDifferentCompaniesNamedInTheText() {
    String first =
        assign(
            "buy-1",
            "Harbour freight group agrees to buy regional trucker",
            "Pellworth Logistics Corp said it agreed to buy a regional trucking company for about"
                + " 40 mln dlrs in cash, subject to regulatory approval, and expects the deal to"
                + " close in the second quarter.",
            0);
    String second =
        assign(
            "buy-2",
            "Harbour freight group agrees to buy regional trucker",
            "Quenby Transport Inc said it agreed to buy a regional trucking company for about 40"
                + " mln dlrs in cash, subject to regulatory approval, and expects the deal to close"
                + " in the second quarter.",
            5);
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void shouldNotJoinReportsAboutDifferentPeople() {
    String first =
        assign(
            "quit-1",
            "Finance minister resigns after budget vote defeat",
            "Finance Minister Adaeze Okafor resigned on Monday after parliament rejected her"
                + " budget in a late-night vote, the prime minister's office said.",
            0);
    String second =
        assign(
            "quit-2",
            "Finance minister resigns after budget vote defeat",
            "Finance Minister Henrik Lindqvist resigned on Monday after parliament rejected his"
                + " budget in a late-night vote, the prime minister's office said.",
            30);
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void shouldJoinTwoReportsOfOneEventThatNameTheSameCompany() {
    String first =
        assign(
            "mill-1",
            "CORVELLE PAPER <CVP> TO EXPAND OREGON MILL",
            "Corvelle Paper Corp said its board approved a 310 mln dlr expansion of its mill in"
                + " Tillamook, Oregon, which will double the mill's pulp capacity by 1989.",
            0);
    String second =
        assign(
            "mill-2",
            "CORVELLE <CVP> IN 310 MLN DLR MILL EXPANSION",
            "Corvelle Paper Corp will spend about 310 mln dlrs to double pulp capacity at its"
                + " Tillamook, Oregon mill, the company said, after its board approved the plan.",
            40);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void shouldStartANewStoryOnceAStoryHoldsItsMaximum() {
    String body =
        "Rescue teams searched collapsed buildings in the hill town of Varessa after a magnitude"
            + " 6.1 earthquake struck before dawn, regional officials said.";
    List<String> stories = new ArrayList<>();
    for (int i = 0; i <= StoryIndex.MAX_ARTICLES; i++) {
      stories.add(assign("quake-" + i, "Strong earthquake hits Varessa", body, i));
    }
    assertThat(stories.subList(0, StoryIndex.MAX_ARTICLES)).containsOnly("quake-0");
    assertThat(stories.get(StoryIndex.MAX_ARTICLES)).isEqualTo("quake-" + StoryIndex.MAX_ARTICLES);
  }

  @Test
  void shouldDecideTheSameStoriesWhenTheSameArticlesAreReplayed() {
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    for (List<String> run : List.of(first, second)) {
      StoryClusterer replay = new StoryClusterer(StoryRules.DEFAULTS);
      for (int i = 0; i < 30; i++) {
        run.add(
            replay.assign(
                "a-" + i,
                "Storm " + (i % 3 == 0 ? "Orla" : "Petra") + " floods coastal towns",
                "Storm "
                    + (i % 3 == 0 ? "Orla" : "Petra")
                    + " flooded coastal towns in the north, cutting power to thousands of homes,"
                    + " and forecasters warned of more rain on day "
                    + i,
                null,
                T0 + i * MINUTE));
      }
    }
    assertThat(second).isEqualTo(first);
    assertThat(new HashSet<>(first).size()).isLessThan(first.size()); // something did join
  }

  @Test
  void shouldReadTickersCompaniesAndPeopleFromHeadlineAndLead() {
    StoryNames names =
        StoryNames.of(
            "VELDT MINING <VLDT.J> IN TALKS",
            null,
            "Veldt Mining Ltd and <Karoo Copper Holdings> are in talks, Mr Botha said (NYSE: KCH).");
    assertThat(names.tickers()).containsExactlyInAnyOrder("VLDT.J", "KCH");
    assertThat(names.companies()).contains("veldt", "mining", "karoo", "copper");
    assertThat(names.people()).containsExactly("botha");
    assertThat(names.headlineTickers()).containsExactly("VLDT.J");
    assertThat(names.conflicts(StoryNames.of("TALKS CONFIRMED", null, "Karoo <KCH> said")))
        .isFalse();
    assertThat(names.agrees(StoryNames.of("TALKS CONFIRMED", null, "Karoo <KCH> said"))).isTrue();
    assertThat(names.conflicts(StoryNames.of("ORLAND <ORL> IN TALKS", null, ""))).isTrue();
    // Both headlines name their company: those decide, whatever a lead mentions.
    assertThat(names.conflicts(StoryNames.of("KAROO <KCH> CONFIRMS TALKS", null, ""))).isTrue();
  }

  @Test
  void shouldReadAPossessiveOrHyphenatedSurnameAsThePersonItNames() {
    StoryNames possessive =
        StoryNames.of("Reagan's nominee withdraws", null, "President Reagan's choice");
    StoryNames plain = StoryNames.of("Nominee withdraws", null, "President Reagan accepted it.");

    assertThat(possessive.people()).containsExactly("reagan");
    assertThat(possessive.conflicts(plain)).isFalse();
    assertThat(StoryNames.of("Party launch", null, "Mr Kilroy-Silk said").people())
        .containsExactly("kilroy-silk");
  }

  @Test
  void shouldReadTwoSpellingsOfOneCompanysTickerAsOneCompanyOnlyWhenTheNamesAgreeToo() {
    StoryNames common = StoryNames.of("HALVERN FOODS <HLV> 4TH QTR NET", null, "");
    StoryNames classA = StoryNames.of("HALVERN FOODS <HLVA> SETS DIVIDEND", null, "");
    StoryNames bankrupt = StoryNames.of("HALVERN FOODS <QHLV> PLAN FILED", null, "");
    StoryNames corrected = StoryNames.of("HALVERN FOODS <HLW> SEES GROWTH", null, "");
    StoryNames listed = StoryNames.of("Halvern buys plant", null, "Halvern Foods Inc <HLV.L> said");
    StoryNames adr = StoryNames.of("HALVERN <HLVY> WINS ORDER", null, "Halvern <HLV ST> said");
    StoryNames lookAlike = StoryNames.of("HALCO MINES <HLVA> SETS DIVIDEND", null, "");
    StoryNames otherTypo = StoryNames.of("ORMSBY TOOLS <HLW> SEES GROWTH", null, "");

    assertThat(common.conflicts(classA)).isFalse();
    assertThat(common.agrees(classA)).isTrue();
    assertThat(common.conflicts(bankrupt)).isFalse();
    assertThat(common.conflicts(corrected)).isFalse();
    assertThat(
            StoryNames.of("Halvern sells unit", null, "Halvern Foods Inc <HLV> said")
                .agrees(listed))
        .isTrue();
    assertThat(adr.tickers()).containsExactlyInAnyOrder("HLVY", "HLV");
    assertThat(adr.companies()).doesNotContain("hlv");
    // A ticker that merely looks like another, under another name, is another company.
    assertThat(common.conflicts(lookAlike)).isTrue();
    assertThat(common.agrees(lookAlike)).isFalse();
    assertThat(common.conflicts(otherTypo)).isTrue();
    // One shared word is not one name: Halvern Inc and Halvern Eastern Corp are two companies.
    assertThat(
            StoryNames.of("Halvern sells unit", null, "Halvern Inc <HLV> said")
                .conflicts(StoryNames.of("Pipeline cleanup", null, "Halvern Eastern Corp <HLW>")))
        .isTrue();
    assertThat(StoryNames.variants("GE", "GEC")).isTrue(); // so the name must agree as well
    assertThat(StoryNames.variants("G", "GM")).isFalse();
    assertThat(StoryNames.oneLetterApart("HLV", "HLW")).isTrue();
    assertThat(StoryNames.oneLetterApart("GE", "GM")).isFalse();
  }

  @Test
  void shouldNotReadACompanyWhoseNameStartsWithATitleAsAPerson() {
    assertThat(
            StoryNames.of(
                    "Plant sold",
                    null,
                    "General Dynamo Corp sold it to General Widgets Co, Judge Amos Tull said")
                .people())
        .containsExactly("tull");
    // "General Mills Inc": the company's own word, not a person Mills.
    assertThat(StoryNames.of("Mills sees growth", null, "General Mills Inc said").people())
        .isEmpty();
  }

  @Test
  void shouldLetAHeadlineTickerBothShareOverruleSubjectsSpelledDifferently() {
    long[] none = new long[0];
    StoryNames flash = StoryNames.of("PRAIRIE HEALTHCARE LTD <PHX> 4TH QTR NET", null, "");
    StoryNames item = StoryNames.of("PRAIRIE HEALTH CARE <PHX> SEES GAINS", null, "");
    StoryNames column = StoryNames.of("TALKING POINT/PRAIRIE HEALTH <PHX>", null, "");
    StoryNames other = StoryNames.of("PRAIRIE MILLS <PMI> SEES GAINS", null, "");

    assertThat(flash.subjectsConflict(item, none, none)).isFalse();
    assertThat(flash.subjectsConflict(column, none, none)).isFalse();
    assertThat(flash.conflicts(other)).isTrue();
    // Without tickers the spellings still decide.
    assertThat(
            StoryNames.of("PRAIRIE HEALTHCARE SEES GAINS", null, "")
                .subjectsConflict(
                    StoryNames.of("PRAIRIE HEALTH CARE SEES GAINS", null, ""), none, none))
        .isTrue();
  }

  @Test
  void shouldReadAHeadlineThatStartsWithACompanysNameAndLegalFormAsNamingThatCompany() {
    assertThat(StoryText.subject("QUILLMARK STORES INC 4TH QTR SHR 65 CTS VS 47 CTS"))
        .containsExactly("quillmark", "stor");
    assertThat(StoryText.subject("Corvane Ltd 1986 net profit 138.2 mln dlrs vs 87.8 mln"))
        .containsExactly("corvan");
    // A verb still ends an all-capitals subject first; other mixed-case headlines name none.
    assertThat(StoryText.subject("QUILLMARK RAISES CRUDE POSTINGS")).containsExactly("quillmark");
    assertThat(StoryText.subject("Quillmark raises crude postings")).isEmpty();
    assertThat(StoryText.subject("Investor group buys Quillmark Co stake")).isEmpty();
    // So the flash agrees with the company's table and lowers the bar between them.
    assertThat(
            StoryNames.of("QUILLMARK STORES INC 4TH QTR SHR 65 CTS VS 47 CTS", null, "")
                .agrees(StoryNames.of("QUILLMARK STORES INC <QMK> 4TH QTR JAN 31 NET", null, "")))
        .isTrue();
  }

  @Test
  void shouldTellFlashesOfDifferentCompaniesApartByTheirHeadlineSubjects() {
    long[] none = new long[0];
    StoryNames sun =
        StoryNames.of("SUN RAISES CRUDE OIL POSTINGS ONE DLR. WTI NOW 17.00", null, "");
    StoryNames murphy = StoryNames.of("MURPHY RAISES CRUDE OIL POSTED PRICES ONE DLR", null, "");
    StoryNames sunAgain = StoryNames.of("SUN <SUN> RAISES CRUDE POSTINGS", null, "Sun Co said");
    StoryNames japan = StoryNames.of("JAPAN ALERTS GATT TO SOUTH KOREA PLAN", null, "");
    StoryNames korea = StoryNames.of("S.KOREA SAYS JAPAN COMPLAINS TO GATT", null, "");

    assertThat(sun.subjects()).containsExactly("sun");
    assertThat(StoryNames.of("<FRANKLIN GOLD FUND> CUTS DIVIDEND", null, "").subjects())
        .contains("franklin", "gold");
    assertThat(StoryNames.of("Sun raises crude postings", null, "").subjects()).isEmpty();
    assertThat(sun.subjectsConflict(murphy, none, none)).isTrue();
    assertThat(sun.subjectsConflict(sunAgain, none, none)).isFalse();
    assertThat(sun.agrees(sunAgain)).isTrue();
    long[] koreaWords =
        StorySignature.of("S.KOREA SAYS JAPAN COMPLAINS TO GATT", null, "").hashes();
    long[] japanWords =
        StorySignature.of("JAPAN ALERTS GATT TO SOUTH KOREA PLAN", null, "").hashes();
    assertThat(japan.subjectsConflict(korea, japanWords, koreaWords)).isFalse();
    assertThat(StoryNames.readFrom(ByteBuffer.wrap(encoded(sunAgain)))).isEqualTo(sunAgain);
  }

  @Test
  void shouldJoinARewordedReportOfTheSameCompanySoonButNotAnotherCompanysLookAlike() {
    StoryClusterer clusterer = new StoryClusterer(StoryRules.DEFAULTS);
    String first =
        clusterer.assign(
            "a",
            "LARKSPUR <LKS> HIT WITH TWO BILLION DLR LAWSUIT",
            null,
            "Toland Pumps Inc said it is seeking two billion dlrs in damages in a lawsuit filed"
                + " today against Larkspur Corp and its chairman over a failed pipeline venture.",
            T0);
    String reply =
        clusterer.assign(
            "b",
            "LARKSPUR <LKS> SEEKS TO HALT LAWSUIT",
            null,
            "Larkspur Corp said it asked a federal court to stop the suit brought by Toland Pumps,"
                + " which it called frivolous, and will defend itself vigorously.",
            T0 + 3 * 60 * MINUTE);
    String other =
        clusterer.assign(
            "c",
            "ORMSBY <ORM> HIT WITH TWO BILLION DLR LAWSUIT",
            null,
            "Toland Pumps Inc said it is seeking two billion dlrs in damages in a lawsuit filed"
                + " today against Ormsby Corp and its chairman over a failed pipeline venture.",
            T0 + 4 * 60 * MINUTE);

    assertThat(reply).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  /**
   * A results table and the company's commentary minutes later share the ticker but hardly a word;
   * the commentary says it follows the release, so it joins. The same commentary without that
   * back-reference, another company's, or one two days later does not.
   */
  @Test
  void shouldJoinACommentaryThatRefersBackToTheCompanysReleaseHoweverItIsWorded() {
    String table =
        "Shr 71 cts vs 43 cts Net 7,274,000 vs 4,447,000 Rev 161.6 mln vs 77.6 mln Year Shr"
            + " 1.51 dlrs vs 1.32 dlrs Net 15,401,000 vs 13,525,000";
    String commentary =
        "Quillmark Corp said it expects significant increases in revenues this year as its new"
            + " plants open. Earlier, the company reported fourth quarter net of 7.3 mln dlrs.";
    String noBackReference =
        "Quillmark Corp said it expects significant increases in revenues this year as its new"
            + " plants open, its chairman told analysts in New York.";
    long hour = 60 * MINUTE;

    assertThat(StoryText.followsUp(commentary)).isTrue();
    assertThat(StoryText.followsUp("Results announced earlier today showed a loss.")).isTrue();
    assertThat(
            StoryText.followsUp("Quillmark Corp, reporting lower earnings for the quarter, said"))
        .isTrue();
    assertThat(StoryText.followsUp("Quillmark today reported a loss for the third quarter."))
        .isTrue();
    assertThat(StoryText.followsUp("It said, in a statement accompanying its results, that"))
        .isTrue();
    assertThat(StoryText.followsUp("Reporters were told the plant would close.")).isFalse();
    assertThat(StoryText.followsUp(noBackReference)).isFalse();
    assertThat(StoryText.followsUp("Regulators were told of the leak, the ledger said.")).isFalse();
    assertThat(StoryText.followsUp(null)).isFalse();

    StoryClusterer soon = new StoryClusterer(StoryRules.DEFAULTS);
    String results = soon.assign("r", "QUILLMARK CORP <QMK> 4TH QTR NET", null, table, T0);
    assertThat(soon.assign("c", "QUILLMARK <QMK> SEES HIGHER SALES", null, commentary, T0 + hour))
        .isEqualTo(results);
    assertThat(soon.assign("o", "ORMSBY <ORM> SEES HIGHER SALES", null, commentary, T0 + 2 * hour))
        .isNotEqualTo(results);

    StoryClusterer plain = new StoryClusterer(StoryRules.DEFAULTS);
    String alone = plain.assign("r", "QUILLMARK CORP <QMK> 4TH QTR NET", null, table, T0);
    assertThat(
            plain.assign(
                "c", "QUILLMARK <QMK> SEES HIGHER SALES", null, noBackReference, T0 + hour))
        .isNotEqualTo(alone);

    StoryClusterer late = new StoryClusterer(StoryRules.DEFAULTS);
    String old = late.assign("r", "QUILLMARK CORP <QMK> 4TH QTR NET", null, table, T0);
    assertThat(
            late.assign("c", "QUILLMARK <QMK> SEES HIGHER SALES", null, commentary, T0 + 50 * hour))
        .isNotEqualTo(old);
  }

  /**
   * A wire flash (the headline alone, a few words) and its item minutes later share too small a
   * part of their words for a MinHash band or the cosine bar; the flash's rarest headline words
   * find the item, and the item holds every word of the flash. Another company's flash of the same
   * wording, and the same flash a day later, stay apart.
   */
  @Test
  void shouldJoinAFlashAndItsItemButNotAnotherCompanysFlashOrALateOne() {
    String item =
        "Quillmark Corp said its board of directors voted to suspend the payment of dividends to"
            + " shareholders. Quillmark said it had been paying a quarterly dividend of two cts a"
            + " share of common stock. The company said it expects to save 2.4 mln dlrs a year"
            + " through the suspension, which follows three years of losses in its drilling arm.";
    long hour = 60 * MINUTE;

    StoryClusterer wire = new StoryClusterer(StoryRules.DEFAULTS);
    String flash = wire.assign("f", "QUILLMARK SUSPENDS QUARTERLY DIVIDEND", null, "", T0);
    assertThat(wire.assign("i", "QUILLMARK <QMK> SUSPENDS PAYOUT", null, item, T0 + 7 * MINUTE))
        .isEqualTo(flash);
    assertThat(wire.assign("o", "ORMSBY <ORM> SUSPENDS QUARTERLY DIVIDEND", null, "", T0 + hour))
        .isNotEqualTo(flash);

    StoryClusterer reversed = new StoryClusterer(StoryRules.DEFAULTS);
    String story = reversed.assign("i", "QUILLMARK <QMK> SUSPENDS PAYOUT", null, item, T0);
    assertThat(reversed.assign("f", "QUILLMARK SUSPENDS QUARTERLY DIVIDEND", null, "", T0 + hour))
        .isEqualTo(story);

    StoryClusterer late = new StoryClusterer(StoryRules.DEFAULTS);
    String early = late.assign("f", "QUILLMARK SUSPENDS QUARTERLY DIVIDEND", null, "", T0);
    assertThat(late.assign("i", "QUILLMARK <QMK> SUSPENDS PAYOUT", null, item, T0 + 20 * hour))
        .isNotEqualTo(early);
  }

  /**
   * A saga: each turn comes within a day of the one before, the last more than a day after the
   * first. Agreeing names lower the bar from the story's latest report, so the last turn still
   * joins; the same turn after a day's silence does not.
   */
  @Test
  void shouldJoinAFollowUpWithinADayOfTheStorysLatestReportNotOfItsStart() {
    String bid =
        "Corvane Partners said it offered 41 dlrs a share in cash for Halsted Mills Inc, valuing"
            + " the textile maker at about 900 mln dlrs, and asked its board to meet this week.";
    String rejection =
        "Halsted Mills Inc's board rejected the 41 dlrs a share offer from Corvane Partners as"
            + " inadequate and said it would study a restructuring that keeps the company"
            + " independent.";
    String reply =
        "Halsted Mills <HLM> said its board would put a restructuring plan to shareholders within a"
            + " week, and called the partners' statements unproductive.";
    long hour = 60 * MINUTE;

    StoryClusterer saga = new StoryClusterer(StoryRules.DEFAULTS);
    String first =
        saga.assign("s1", "CORVANE OFFERS 41 DLRS A SHARE FOR HALSTED <HLM>", null, bid, T0);
    String second =
        saga.assign("s2", "HALSTED <HLM> REJECTS CORVANE BID", null, rejection, T0 + 18 * hour);
    String third =
        saga.assign("s3", "HALSTED <HLM> PLAN DUE WITHIN A WEEK", null, reply, T0 + 36 * hour);

    StoryClusterer quiet = new StoryClusterer(StoryRules.DEFAULTS);
    String alone =
        quiet.assign("q1", "CORVANE OFFERS 41 DLRS A SHARE FOR HALSTED <HLM>", null, bid, T0);
    String late =
        quiet.assign("q3", "HALSTED <HLM> PLAN DUE WITHIN A WEEK", null, reply, T0 + 36 * hour);

    assertThat(second).isEqualTo(first);
    assertThat(third).isEqualTo(first);
    assertThat(late).isNotEqualTo(alone);
  }

  /**
   * However closely turns follow each other, agreeing names lower the bar only within two days of a
   * story's start: a company in the news every day does not chain into one story.
   */
  @Test
  void shouldNotLowerTheBarForAgreeingNamesTwoDaysAfterAStorysStart() {
    long hour = 60 * MINUTE;
    StoryClusterer saga = new StoryClusterer(StoryRules.DEFAULTS);
    String first =
        saga.assign(
            "m1",
            "HALSTED MILLS <HLM> SEES STABLE MARGINS",
            null,
            "Halsted Mills Inc said its textile margins had found a stable range after the Geneva"
                + " cotton accord and the company saw no need for further price cuts.",
            T0);
    String[] days = {
      "Halsted Mills Inc told analysts the Geneva cotton accord was working and its textile"
          + " prices should stay near current levels.",
      "Halsted Mills Inc said talks with Asian mills on cotton supply would resume next month"
          + " after the Geneva accord.",
      "Halsted Mills Inc said it would oppose an import fee on cotton yarn in the trade bill"
          + " before Congress.",
    };
    List<String> stories = new ArrayList<>();
    for (int day = 0; day < days.length; day++) {
      stories.add(
          saga.assign(
              "m" + (day + 2),
              "HALSTED MILLS <HLM> SPEAKS",
              null,
              days[day],
              T0 + (day + 1) * 20 * hour));
    }

    assertThat(stories.subList(0, 2)).containsOnly(first); // 20 and 40 hours after the start
    assertThat(stories.get(2)).isNotEqualTo(first); // 60 hours: the bar is the plain one again
  }

  /**
   * A shared person does not lower the bar: the same official's statements on consecutive days,
   * worded alike enough for a company's follow-up, are different stories.
   */
  @Test
  void shouldNotLowerTheBarForAPersonAlone() {
    String first =
        assign(
            "p1",
            "TREASURY'S HALLORAN SEES STABLE DOLLAR",
            "Treasury Secretary Peter Halloran said the dollar had found a stable range after the"
                + " Geneva accord and the government saw no need for further intervention.",
            0);
    String next =
        assign(
            "p2",
            "TREASURY'S HALLORAN SPEAKS",
            "Treasury Secretary Peter Halloran told a Senate committee the Geneva accord was working"
                + " and exchange rates should stay near current levels.",
            20 * 60);

    assertThat(next).isNotEqualTo(first);
  }

  /**
   * The next issue of a daily report resembles the last as closely as a follow-up does; once a
   * story has been quiet for a day and a half only a re-run of it joins.
   */
  @Test
  void shouldTakeOnlyARerunIntoAStoryThatWentQuiet() {
    String monday =
        "Treasury balances at the Federal Reserve rose on March 30 to 3.254 billion dlrs from"
            + " 2.871 billion dlrs the previous business day, the Treasury said in its latest"
            + " budget statement.";
    String wednesday =
        "Treasury balances at the Federal Reserve rose on April 1 to 3.912 billion dlrs from"
            + " 3.254 billion dlrs the previous business day, the Treasury said in its latest"
            + " budget statement.";
    String first = assign("d1", "TREASURY BALANCES AT FED ROSE ON MARCH 30", monday, 0);
    String nextIssue = assign("d2", "TREASURY BALANCES AT FED ROSE ON APRIL 1", wednesday, 40 * 60);
    String rerun = assign("d3", "TREASURY BALANCES AT FED ROSE ON MARCH 30", monday, 41 * 60);

    assertThat(nextIssue).isNotEqualTo(first);
    assertThat(rerun).isEqualTo(first);
  }

  /**
   * Two statements of one senator on one morning: who speaks is the same, what is said is not, and
   * they are two stories. Names count once in the similarity (0.42 here; counted twice, as they
   * were, his name and committee lifted it to 0.52, over the bar).
   */
  @Test
  void shouldNotJoinTwoStatementsOfOnePersonOnDifferentSubjects() {
    String first =
        assign(
            "st-1",
            "Tallack questions securities transfer tax",
            "Orrin Tallack of the Senate Finance Committee said a levy on securities transfers would"
                + " raise little revenue and drive trading abroad.",
            0);
    String second =
        assign(
            "st-2",
            "Tallack says income tax rise needed",
            "Orrin Tallack of the Senate Finance Committee told a breakfast meeting that Congress"
                + " would have to raise income taxes to meet the deficit targets.",
            3);

    assertThat(second).isNotEqualTo(first);
  }

  /**
   * A company's dividend is an event of its own beside its results of the same hour, though the
   * dividend item cites them; the same back-reference in a commentary joins the results.
   */
  @Test
  void shouldKeepAPayoutApartFromTheResultsItCites() {
    String citesResults = " Earlier, the company reported year net of 20.1 mln dlrs.";

    boolean dividend =
        joinsKestrelResults(
            "KESTREL FOODS <KFD> SETS STOCK DIVIDEND",
            "Kestrel Foods Inc said its board declared a five pct stock dividend payable May 1 to"
                + " holders of record April 10."
                + citesResults);
    boolean outlook =
        joinsKestrelResults(
            "KESTREL FOODS <KFD> SEES HIGHER SALES",
            "Kestrel Foods Inc said it expects higher sales this year from its new frozen lines."
                + citesResults);

    assertThat(dividend).isFalse();
    assertThat(outlook).isTrue();
  }

  // Whether a report 20 minutes after Kestrel Foods' results table joins its story.
  private static boolean joinsKestrelResults(String headline, String body) {
    StoryClusterer clusterer = new StoryClusterer(StoryRules.DEFAULTS);
    String results =
        clusterer.assign(
            "table",
            "KESTREL FOODS <KFD> YEAR NET",
            null,
            "Shr 1.52 dlrs vs 55 cts Net 20.1 mln vs 7.2 mln Revs 1.14 billion vs 1.31 billion",
            T0);
    return clusterer.assign("report", headline, null, body, T0 + 20 * MINUTE).equals(results);
  }

  /**
   * One template about two places: each headline names a place (capitalised in its body) the other
   * report never mentions, so the two stay apart however alike their words; a reworded report of
   * the same place joins.
   */
  @Test
  void shouldKeepTheSameTemplateAboutTwoPlacesApart() {
    String cyprus =
        assign(
            "cy",
            "CCC ACCEPTS EXPORT BONUS BID ON BARLEY TO CYPRUS",
            "The Commodity Credit Corporation accepted a bid for an export bonus to cover the sale"
                + " of 20,000 tonnes of feed barley to Cyprus, the Agriculture Department said. The"
                + " bonus was 36.15 dlrs per tonne and the grain is for shipment in May.",
            0);
    String reworded =
        assign(
            "cy2",
            "U.S. BARLEY BONUS FOR CYPRUS ACCEPTED",
            "The Agriculture Department said it accepted an export bonus bid on 20,000 tonnes of"
                + " feed barley for Cyprus under its Export Enhancement Program, at 36.15 dlrs per"
                + " tonne, for May shipment.",
            30);
    String malta =
        assign(
            "mt",
            "CCC ACCEPTS EXPORT BONUS BID ON BARLEY TO MALTA",
            "The Commodity Credit Corporation accepted a bid for an export bonus to cover the sale"
                + " of 15,000 tonnes of feed barley to Malta, the Agriculture Department said. The"
                + " bonus was 35.90 dlrs per tonne and the grain is for shipment in June.",
            120);

    assertThat(reworded).isEqualTo(cyprus);
    assertThat(malta).isNotEqualTo(cyprus);
  }

  /**
   * A shared headline subject counts as agreeing names only through a word the caller calls
   * telling.
   */
  @Test
  void shouldCountASharedSubjectAsAgreementOnlyThroughATellingWord() {
    StoryNames steel =
        new StoryNames(Set.of(), Set.of(), Set.of(), Set.of("u", "steelmak"), Set.of());
    StoryNames chips = new StoryNames(Set.of(), Set.of(), Set.of(), Set.of("u"), Set.of());
    StoryNames navistar =
        new StoryNames(Set.of("NAV"), Set.of(), Set.of(), Set.of("navistar"), Set.of("NAV"));
    StoryNames navistarAgain =
        new StoryNames(Set.of("NAV"), Set.of(), Set.of(), Set.of("navistar"), Set.of("NAV"));

    assertThat(steel.agreesOnCompany(chips)).isTrue();
    assertThat(steel.agreesOnCompany(chips, word -> !word.equals("u"))).isFalse();
    assertThat(navistar.agreesOnCompany(navistarAgain, word -> false)).isTrue(); // the ticker
  }

  private static byte[] encoded(StoryNames names) {
    ByteBuffer buffer = ByteBuffer.allocate(names.encodedSize());
    names.writeTo(buffer);
    return buffer.array();
  }
}
