package io.newspipe.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.enrich.story.StoryIndex;
import io.newspipe.enrich.story.StoryRules;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.Signal;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.testkit.Articles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoryClusterTopologyTest {

  private static final Map<String, LabelledStories.Item> FIXTURE =
      LabelledStories.load().stream()
          .collect(Collectors.toMap(LabelledStories.Item::id, Function.identity()));

  private static final Instant T0 = Instant.parse("2024-05-14T01:10:00Z");

  private final StoryDriver driver = new StoryDriver(StoryRules.DEFAULTS);

  @AfterEach
  void close() {
    driver.close();
  }

  private String storyOf(String fixtureId) {
    LabelledStories.Item item = FIXTURE.get(fixtureId);
    return driver.storyOf(item.article(), item.published());
  }

  private static Article article(String id, String headline, String body) {
    return Articles.builder(id, headline, body).build();
  }

  private static final String QUAKE = "Magnitude 6.8 quake strikes off northern Japan";
  private static final String QUAKE_BODY =
      "TOKYO (Reuters) - A magnitude 6.8 earthquake struck off the coast of Aomori prefecture in"
          + " northern Japan, the Japan Meteorological Agency said. No tsunami warning was issued.";

  @Test
  void shouldNameANewStoryAfterItsFirstArticle() {
    assertThat(driver.storyOf(article("q-1", QUAKE, QUAKE_BODY), T0)).isEqualTo("q-1");
    assertThat(driver.counters().joinedStories()).isZero();
  }

  @Test
  void shouldGiveTwoAgenciesReportsOfOneEventTheSameStory() {
    String reuters = storyOf("quake-jp-1");
    String ap = storyOf("quake-jp-2");
    String afp = storyOf("quake-jp-3");

    assertThat(reuters).isEqualTo("quake-jp-1");
    assertThat(ap).isEqualTo(reuters);
    assertThat(afp).isEqualTo(reuters);
    assertThat(driver.counters().joinedStories()).isEqualTo(2);
  }

  @Test
  void shouldKeepTheSameKindOfEventElsewhereInAStoryOfItsOwn() {
    String japan = storyOf("quake-jp-1");
    String chile = storyOf("quake-cl-1");
    String newZealand = storyOf("rbnz-1");
    String thailand = storyOf("bot-1");

    assertThat(chile).isEqualTo("quake-cl-1").isNotEqualTo(japan);
    assertThat(thailand).isEqualTo("bot-1").isNotEqualTo(newZealand);
  }

  @Test
  void shouldNotGroupArticlesThatShareOnlyAgencyBoilerplate() {
    List<String> stories =
        List.of("bp-1", "bp-2", "bp-5", "bp-6", "bp-3", "bp-4").stream()
            .map(this::storyOf)
            .toList();

    assertThat(stories).containsExactly("bp-1", "bp-2", "bp-5", "bp-6", "bp-3", "bp-4");
  }

  @Test
  void shouldKeepTheStoryOfAnArticleAcrossVersionsEvenWhenItsTextMovesAway() {
    String story = storyOf("capt-1");
    LabelledStories.Item ap = FIXTURE.get("capt-2");
    assertThat(driver.storyOf(ap.article(), ap.published())).isEqualTo(story);

    Article rewritten =
        Articles.builder(
                "capt-2",
                "Jordan weather: sunny spells and light winds expected over the weekend",
                "Forecasters expect sunny spells, light winds and warm afternoons across Amman and"
                    + " the Jordan valley through Sunday.")
            .setVersion(2)
            .build();
    List<TaggedArticle> out = driver.send(rewritten, ap.published().plusSeconds(600));

    assertThat(out).hasSize(1);
    assertThat(out.get(0).getArticle().getVersion()).isEqualTo(2);
    assertThat(out.get(0).getStoryId()).isEqualTo(story);
  }

  @Test
  void shouldKeepTheStoryOnAWithdrawalAndStopMatchingTheWithdrawnArticle() {
    Article quake = article("q-1", QUAKE, QUAKE_BODY);
    driver.storyOf(quake, T0);

    List<TaggedArticle> out =
        driver.send(
            Articles.builder("q-1", QUAKE, QUAKE_BODY).setSignal(Signal.CANCELED).build(), T0);
    assertThat(out).singleElement().satisfies(w -> assertThat(w.getStoryId()).isEqualTo("q-1"));
    assertThat(out.get(0).getArticle().getSignal()).isEqualTo(Signal.CANCELED);

    // The same text again under another id: nothing to join, the withdrawn article left the index.
    assertThat(driver.storyOf(article("q-2", QUAKE, QUAKE_BODY), T0.plusSeconds(60)))
        .isEqualTo("q-2");
  }

  /**
   * The hourly purge forgets index entries indexed more than a window ago (wall clock), and with
   * them what the index keeps in memory: a look-alike published at the same time then finds nothing
   * to join.
   */
  @Test
  void shouldLetNothingJoinAnArticleThePurgeForgot() {
    driver.storyOf(article("q-1", QUAKE, QUAKE_BODY), T0);
    assertThat(driver.storyOf(article("q-2", QUAKE, QUAKE_BODY), T0.plusSeconds(60)))
        .isEqualTo("q-1");

    driver.advanceWallClock(Duration.ofDays(4));

    assertThat(driver.storyOf(article("q-3", QUAKE, QUAKE_BODY), T0.plusSeconds(120)))
        .isEqualTo("q-3");
  }

  @Test
  void shouldNotLetAStoryOlderThanTheWindowAbsorbANewArticle() {
    driver.storyOf(article("q-1", QUAKE, QUAKE_BODY), T0);

    assertThat(driver.storyOf(article("q-2", QUAKE, QUAKE_BODY), T0.plus(Duration.ofDays(2))))
        .isEqualTo("q-1");
    // Measured from the story's first article, not its latest: chains of look-alikes end.
    assertThat(driver.storyOf(article("q-3", QUAKE, QUAKE_BODY), T0.plus(Duration.ofDays(4))))
        .isEqualTo("q-3");
    // Either side: a bulk import may bring the older reports after the newer ones.
    assertThat(driver.storyOf(article("q-0", QUAKE, QUAKE_BODY), T0.minus(Duration.ofDays(1))))
        .isEqualTo("q-1");
  }

  @Test
  void shouldForgetIndexEntriesAWindowAfterIndexingButKeepStoryIdsOfArticles() {
    driver.storyOf(article("q-1", QUAKE, QUAKE_BODY), T0);
    assertThat(count(driver.store(StoryIndex.SIGNATURES))).isEqualTo(1);
    assertThat(count(driver.store(StoryIndex.BANDS))).isPositive();

    driver.advanceWallClock(StoryRules.DEFAULT_WINDOW.plusHours(2));

    assertThat(count(driver.store(StoryIndex.SIGNATURES))).isZero();
    assertThat(count(driver.store(StoryIndex.BANDS))).isZero();
    assertThat(count(driver.store(StoryIndex.STORIES))).isEqualTo(1);
    Article correction = Articles.builder("q-1", QUAKE, QUAKE_BODY + " Trains ran late.").build();
    assertThat(driver.send(correction, T0).get(0).getStoryId()).isEqualTo("q-1");
  }

  @Test
  void shouldGiveAnArticleTooShortToCompareAStoryOfItsOwnAndNotIndexIt() {
    assertThat(driver.storyOf(article("w-1", "Sunny", "Warm."), T0)).isEqualTo("w-1");
    assertThat(driver.storyOf(article("w-2", "Sunny", "Warm."), T0)).isEqualTo("w-2");
    assertThat(count(driver.store(StoryIndex.SIGNATURES))).isZero();
  }

  @Test
  void shouldCarryTheStoryIdToTheTagTopicsToo() {
    storyOf("capt-1");
    storyOf("capt-2");

    List<TaggedArticle> narcotics =
        driver.output(StoryDriver.TOPICS.tag("narcotics").name()).readValuesToList();
    assertThat(narcotics).extracting(TaggedArticle::getStoryId).containsExactly("capt-1", "capt-1");
  }

  @Test
  void shouldDecideStoriesOnOneNamedSinglePartitionTopicWithChangelogBackedStores() {
    storyOf("capt-1");

    String description =
        EnrichTopology.build(StoryDriver.TAGGER, StoryDriver.TOPICS, Clock.systemUTC())
            .describe()
            .toString();
    assertThat(description)
        .contains("story-clusters-repartition", "assign-story")
        .contains(StoryIndex.STORIES, StoryIndex.SIGNATURES, StoryIndex.BANDS)
        .doesNotContain("KSTREAM-");
    assertThat(driver.producedTopicNames())
        .contains(
            "story-test-story-clusters-repartition",
            "story-test-article-stories-changelog",
            "story-test-story-signatures-changelog",
            "story-test-story-bands-changelog");
  }

  private static long count(KeyValueStore<String, ?> store) {
    long n = 0;
    try (KeyValueIterator<String, ?> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, ?> next = all.next();
        n += next.value == null ? 0 : 1;
      }
    }
    return n;
  }
}
