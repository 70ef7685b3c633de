package io.newspipe.enrich.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.enrich.taxonomy.Taxonomy;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.Entity;
import io.newspipe.schemas.EntityKind;
import io.newspipe.schemas.Evidence;
import io.newspipe.schemas.Signal;
import io.newspipe.schemas.Source;
import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TaggerTest {

  private static final Tagger TAGGER = new Tagger(Taxonomy.loadDefault());

  private static Set<String> ids(String headline, String body) {
    return TAGGER.tag(headline, body).stream().map(Tag::getId).collect(Collectors.toSet());
  }

  @Test
  void shouldTagCaptagonSeizureAsNarcoticsAndMiddleEast() {
    assertThat(
            ids(
                "Jordan seizes captagon haul on Syrian border",
                "Jordanian troops seized two million captagon pills smuggled from Syria, the army"
                    + " said. Amman blames militias allied to Damascus."))
        .containsExactlyInAnyOrder("narcotics", "middle-east");
  }

  @Test
  void shouldNotTagDopingAsNarcotics() {
    assertThat(
            ids(
                "Sprinter banned after doping test",
                "The sprinter tested positive for a banned steroid and the anti-doping agency"
                    + " suspended him. He said he never took drugs knowingly."))
        .doesNotContain("narcotics");
  }

  @Test
  void shouldNotTagOpecCartelAsNarcotics() {
    assertThat(ids("OPEC cartel cuts output", "The oil cartel agreed to cut output again."))
        .doesNotContain("narcotics");
  }

  @Test
  void shouldNotTagPassInterferenceOrRadioInterferenceAsElectionInterference() {
    assertThat(ids("Pass interference call decides game", "A late pass interference flag..."))
        .isEmpty();
    assertThat(ids("Radio interference grounds flights", "Interference on the radio frequency."))
        .isEmpty();
  }

  @Test
  void shouldNotReadASurnameAfterATitleAsTheLowerCaseWordARuleLists() {
    // "jobs" near "delegates" is how jobs are offered for a primary's votes; Mr Jobs is a person
    String keynote =
        "The computer was shown by Apple chief executive Steve Jobs. Mr Jobs told the delegates"
            + " at the Macworld conference that it would sell for $499.";
    assertThat(ids("Apple unveils a low-cost computer", keynote))
        .doesNotContain("election-interference");
    assertThat(
            ids(
                "Delegates offered jobs for votes",
                "Party officials offered jobs to delegates to vote for the mayor in the primary."))
        .contains("election-interference");
  }

  @Test
  void shouldNotTagAnOrdinaryPollAsElectionInterference() {
    assertThat(
            ids(
                "Poll shows tight election race",
                "The poll shows voters split evenly a month before the election."))
        .isEmpty();
  }

  @Test
  void shouldNotTagAPassingMentionOfOneMiddleEasternCountry() {
    assertThat(
            ids(
                "G7 leaders discuss trade",
                "Leaders talked about tariffs and climate, and briefly about Ukraine, Israel and"
                    + " North Korea."))
        .doesNotContain("middle-east");
  }

  @Test
  void shouldMatchDemonymPluralsFromTheGazetteer() {
    assertThat(
            ids(
                "Talks stall",
                "Israelis and Palestinians blamed each other as Egyptians and Qataris mediated."))
        .contains("middle-east");
  }

  @Test
  void shouldCountAHeadlineMentionMoreThanTheSameMentionInTheBody() {
    double inHeadline = score("narcotics", "Drug trafficking", "Officials met.");
    double inBody = score("narcotics", "Officials met", "Drug trafficking.");

    assertThat(inBody).isPositive();
    assertThat(inHeadline).isEqualTo(2 * inBody);
  }

  @Test
  void shouldMatchCapitalisedAcronymsOnlyWhenWrittenInCapitals() {
    assertThat(ids("AI race heats up", "The AI boom continues, AI firms say."))
        .contains("artificial-intelligence");
    assertThat(ids("Ai Weiwei exhibition opens", "Ai Weiwei shows new work; ai ai ai."))
        .doesNotContain("artificial-intelligence");
  }

  @Test
  void shouldApplyAVetoExclusionWhateverTheScore() {
    Taxonomy taxonomy =
        Taxonomy.parse(
            new StringReader(
                """
                version: v
                tags:
                  - id: narcotics
                    label: Narcotics
                    threshold: 1
                    phrases: [{weight: 5, terms: [cocaine]}]
                    exclusions: [{id: doping, terms: [doping], effect: veto}]
                """),
            "veto.yaml");
    Tagger tagger = new Tagger(taxonomy);

    assertThat(tagger.tag("Cocaine seized", "Cocaine was found.")).hasSize(1);
    assertThat(tagger.tag("Cocaine seized", "Cocaine was found in a doping raid.")).isEmpty();
  }

  @Test
  void shouldQuoteEvidenceExactlyFromTheOriginalText() {
    String body = "Officials said “influence” and “interfere” in US elections were unacceptable.";
    Tag tag = TAGGER.tag("Talks", body).get(0);

    assertThat(tag.getId()).isEqualTo("election-interference");
    for (Evidence e : tag.getEvidence()) {
      assertThat(body.substring(e.getStart(), e.getEnd())).isEqualTo(e.getText());
      assertThat(e.getRule()).matches("(phrase|near|place):.+");
    }
  }

  @Test
  void shouldNotTagAListOfOilProducersThatNamesGulfStatesInPassing() {
    assertThat(
            ids(
                "Oil prices rise before producers meet",
                "Oil prices rose on Monday. Ministers from Saudi Arabia, Iraq, Kuwait, Nigeria and"
                    + " Venezuela meet next week to discuss output, traders said."))
        .doesNotContain("middle-east");
  }

  @Test
  void shouldNotMistakeACommaBeforeTheNextClauseForAListOfPlaces() {
    assertThat(
            ids(
                "Bonus bid accepted on wheat flour to Iraq",
                "Bids were accepted for sales of wheat flour to Iraq, the U.S. Agriculture"
                    + " Department said."))
        .contains("middle-east");
  }

  @Test
  void shouldTagAStoryWhoseHeadlineAndLeadAreAboutAMiddleEasternCountry() {
    assertThat(
            ids(
                "Turkish inflation rises in March",
                "Turkish retail prices rose 2.7 pct in March, the state statistics institute"
                    + " said."))
        .contains("middle-east");
  }

  @Test
  void shouldReadJordanAsTheCountryOnlyWhenItStandsAloneAsAProperNoun() {
    assertThat(
            ids(
                "Jordan buys wheat",
                "Traders said Jordan bought 100,000 tonnes of wheat for April shipment."))
        .contains("middle-east");
    assertThat(
            ids(
                "Jordan sneakers sell for record sum",
                "Sneakers worn by Michael Jordan sold for 2.2 million dollars. Jordan wore them"
                    + " in the 1998 finals."))
        .doesNotContain("middle-east");
  }

  @Test
  void shouldListPeopleAndOrganisationsFromTheTaxonomyWithMentionCounts() {
    Instant now = Instant.parse("2024-04-26T10:00:00Z");
    Article article =
        Article.newBuilder()
            .setId("a2")
            .setSource(Source.newBuilder().setId("s").setName("s").setFormat("text").build())
            .setHeadline("Putin meets OPEC chief")
            .setBody("Vladimir Putin told OPEC that Russia would keep output steady. Putin said.")
            .setReceivedAt(now)
            .setSignal(Signal.USABLE)
            .setContentHash("h")
            .build();

    List<Entity> entities = TAGGER.enrich(article, now).getEntities();

    assertThat(entities)
        .contains(
            Entity.newBuilder()
                .setKind(EntityKind.PERSON)
                .setName("Vladimir Putin")
                .setMentions(3)
                .build(),
            Entity.newBuilder()
                .setKind(EntityKind.ORGANISATION)
                .setName("OPEC")
                .setMentions(2)
                .build());
  }

  @Test
  void shouldEnrichAnArticleWithTagsEntitiesVersionAndTime() {
    Instant now = Instant.parse("2024-04-26T10:00:00Z");
    Article article =
        Article.newBuilder()
            .setId("a1")
            .setSource(Source.newBuilder().setId("s").setName("s").setFormat("text").build())
            .setHeadline("Houthis fire on Red Sea tanker")
            .setSubheadline("Iran-backed group widens attacks")
            .setBody("The Houthis in Yemen said they hit the tanker. Houthi leaders warned the US.")
            .setReceivedAt(now)
            .setSignal(Signal.USABLE)
            .setContentHash("h")
            .build();

    TaggedArticle tagged = TAGGER.enrich(article, now);

    assertThat(tagged.getArticle()).isEqualTo(article);
    assertThat(tagged.getTaxonomyVersion()).isEqualTo(TAGGER.taxonomy().version());
    assertThat(tagged.getEnrichedAt()).isEqualTo(now);
    assertThat(tagged.getTags()).extracting(Tag::getId).contains("middle-east");
    assertThat(tagged.getTags().get(0).getEvidence())
        .extracting(Evidence::getField)
        .contains("headline", "subheadline", "body");
    assertThat(tagged.getEntities())
        .contains(
            Entity.newBuilder()
                .setKind(EntityKind.ORGANISATION)
                .setName("Houthis")
                .setMentions(3)
                .build());
    assertThat(tagged.getEntities()).extracting(Entity::getName).contains("Yemen", "Red Sea");
  }

  @Test
  void shouldGiveTheSameAnswerFromManyThreads() {
    SeedArticle seed = SeedArticle.load();
    List<Tag> expected = TAGGER.tag(seed.headline(), seed.body());

    List<List<Tag>> results =
        IntStream.range(0, 64)
            .parallel()
            .mapToObj(i -> TAGGER.tag(seed.headline(), seed.body()))
            .toList();

    assertThat(results).allSatisfy(r -> assertThat(r).isEqualTo(expected));
  }

  @Test
  void shouldTagNothingInEmptyText() {
    assertThat(TAGGER.tag("", "")).isEmpty();
  }

  private static double score(String tagId, String headline, String body) {
    return TAGGER.tag(headline, body).stream()
        .filter(t -> t.getId().equals(tagId))
        .findFirst()
        .map(Tag::getScore)
        .orElse(0.0);
  }
}
