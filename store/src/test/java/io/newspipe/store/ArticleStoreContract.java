package io.newspipe.store;

import static io.newspipe.testkit.Fixtures.ENRICHED;
import static io.newspipe.testkit.Fixtures.PUBLISHED;
import static io.newspipe.testkit.Fixtures.article;
import static io.newspipe.testkit.Fixtures.tag;
import static io.newspipe.testkit.Fixtures.tagged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspipe.schemas.Article;
import io.newspipe.schemas.EntityKind;
import io.newspipe.schemas.Signal;
import io.newspipe.schemas.Source;
import io.newspipe.schemas.Subject;
import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link ArticleStore} dialect must have. A subclass per dialect only supplies
 * an empty, migrated store.
 */
abstract class ArticleStoreContract {

  static final String GROUP = "newspipe-sink";
  static final TopicPartition P0 = new TopicPartition("news.articles.tagged", 0);
  static final TopicPartition P1 = new TopicPartition("news.articles.tagged", 1);

  protected ArticleStore store;

  /** A freshly migrated store holding nothing. */
  protected abstract ArticleStore emptyStore();

  @BeforeEach
  void openStore() {
    store = emptyStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  // ---- write path ----

  @Test
  void shouldStoreTheSameBatchTwiceAsOneSetOfRows() {
    List<TaggedArticle> batch =
        List.of(
            tagged("a1", 1, "Captagon seized", tag("narcotics", 3), tag("middle-east", 2)),
            tagged("a2", 1, "Election meddling", tag("election", 4)));

    store.write(batch, GROUP, Map.of(P0, 2L));
    List<Object> first = snapshot("a1", "a2");
    store.write(batch, GROUP, Map.of(P0, 2L));

    assertThat(snapshot("a1", "a2")).isEqualTo(first);
    assertThat(store.articleCount()).isEqualTo(2);
    assertThat(store.versionCount("a1")).isEqualTo(1);
    assertThat(store.tags("a1"))
        .extracting(StoredTag::tagId)
        .containsExactly("narcotics", "middle-east");
  }

  @Test
  void shouldKeepVersionTwoWhenVersionOneArrivesAfterIt() {
    store.write(List.of(tagged("a1", 2, "Second take", tag("election", 5))), GROUP, Map.of());
    store.write(List.of(tagged("a1", 1, "First take", tag("narcotics", 3))), GROUP, Map.of());

    StoredArticle stored = store.article("a1").orElseThrow();
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.headline()).isEqualTo("Second take");
    assertThat(stored.tags()).extracting(StoredTag::tagId).containsExactly("election");
    assertThat(store.versionCount("a1"))
        .as("the late v1 is still kept in the history")
        .isEqualTo(2);
  }

  @Test
  void shouldReplaceTagsWhenANewerVersionArrives() {
    store.write(
        List.of(
            tagged("a1", 1, "First take", tag("narcotics", 3)),
            tagged("a1", 2, "Second take", tag("election", 5))),
        GROUP,
        Map.of());

    StoredArticle stored = store.article("a1").orElseThrow();
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.headline()).isEqualTo("Second take");
    assertThat(stored.tags()).extracting(StoredTag::tagId).containsExactly("election");
    assertThat(store.versionCount("a1")).isEqualTo(2);
  }

  @Test
  void shouldApplyARetagOfTheSameVersionButIgnoreAStaleOne() {
    var article = article("a1", 1, "Captagon seized", Signal.USABLE);
    store.write(List.of(tagged(article, ENRICHED, tag("narcotics", 3))), GROUP, Map.of());

    store.write(
        List.of(tagged(article, ENRICHED.plusSeconds(60), tag("middle-east", 2))), GROUP, Map.of());
    assertThat(store.tags("a1")).extracting(StoredTag::tagId).containsExactly("middle-east");

    store.write(
        List.of(tagged(article, ENRICHED.minusSeconds(60), tag("election", 9))), GROUP, Map.of());
    assertThat(store.tags("a1")).extracting(StoredTag::tagId).containsExactly("middle-east");
    assertThat(store.versionCount("a1")).isEqualTo(1);
  }

  @Test
  void shouldMarkACanceledArticleWithdrawnAndKeepIt() {
    store.write(List.of(tagged("a1", 1, "Captagon seized", tag("narcotics", 3))), GROUP, Map.of());
    var kill = article("a1", 2, "KILL: Captagon seized", Signal.CANCELED);
    store.write(List.of(tagged(kill, ENRICHED)), GROUP, Map.of());

    StoredArticle stored = store.article("a1").orElseThrow();
    assertThat(stored.withdrawn()).isTrue();
    assertThat(stored.signal()).isEqualTo(Signal.CANCELED);
    assertThat(store.articleCount()).isEqualTo(1);
    assertThat(store.versionCount("a1")).isEqualTo(2);
  }

  @Test
  void shouldKeepAWithdrawalWhenTheSameVersionIsRedeliveredAsUsable() {
    var usable = article("a1", 1, "Captagon seized", Signal.USABLE);
    var kill = article("a1", 1, "Captagon seized", Signal.CANCELED);
    store.write(List.of(tagged(usable, ENRICHED), tagged(kill, ENRICHED)), GROUP, Map.of());

    store.write(List.of(tagged(usable, ENRICHED)), GROUP, Map.of());

    assertThat(store.article("a1").orElseThrow().withdrawn()).isTrue();
  }

  @Test
  void shouldStoreOffsetsPerGroupAndPartitionAndMoveThem() {
    store.write(List.of(tagged("a1", 1, "One")), GROUP, Map.of(P0, 1L, P1, 7L));
    store.write(List.of(tagged("a2", 1, "Two")), GROUP, Map.of(P0, 2L));
    store.write(List.of(), "other-group", Map.of(P0, 99L));

    assertThat(store.offsets(GROUP)).isEqualTo(Map.of(P0, 2L, P1, 7L));
    assertThat(store.offsets("other-group")).isEqualTo(Map.of(P0, 99L));
    assertThat(store.offsets("unknown")).isEmpty();
  }

  @Test
  void shouldStoreNeitherRowsNorOffsetsWhenABatchFailsMidway() {
    store.write(List.of(tagged("a0", 1, "Before")), GROUP, Map.of(P0, 5L));
    TaggedArticle broken = tagged("a2", 1, "Broken");
    broken.getArticle().setHeadline(null); // violates NOT NULL after a1 was written

    assertThatThrownBy(
            () ->
                store.write(
                    List.of(tagged("a1", 1, "Good", tag("narcotics", 3)), broken),
                    GROUP,
                    Map.of(P0, 10L)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("safe to retry");

    assertThat(store.article("a1")).isEmpty();
    assertThat(store.tags("a1")).isEmpty();
    assertThat(store.versionCount("a1")).isZero();
    assertThat(store.articleCount()).isEqualTo(1);
    assertThat(store.offsets(GROUP)).isEqualTo(Map.of(P0, 5L));
    store.write(List.of(tagged("a1", 1, "Good")), GROUP, Map.of(P0, 10L));
    assertThat(store.offsets(GROUP)).as("the store works after a failed batch").containsValue(10L);
  }

  @Test
  void shouldRoundTripEveryArticleFieldWithTagsEvidenceAndEntities() {
    Article full =
        Article.newBuilder(article("a1", 1, "Captagon seized", Signal.USABLE))
            .setUrl("https://example.org/a1")
            .setSubheadline("Deck")
            .setDateline("AMMAN, June 19")
            .setLocated("Amman")
            .setSummary("<p>Summary</p>")
            .setHtml("<p>Body of Captagon seized</p>")
            .setRights("Copyright 2025 Example")
            .setUpdatedAt(PUBLISHED.plusSeconds(30))
            .setUrgency(3)
            .setEmbargoUntil(PUBLISHED.plusSeconds(3600))
            .setSubjects(List.of(new Subject("Drugs", "medtop:20000096", "medtop")))
            .build();
    store.write(List.of(tagged(full, ENRICHED, tag("narcotics", 3))), GROUP, Map.of());

    StoredArticle stored = store.article("a1").orElseThrow();
    assertThat(stored.tags())
        .containsExactly(
            new StoredTag(
                "narcotics",
                "NARCOTICS",
                3.0,
                0.6,
                List.of("medtop:20000096"),
                List.of(new StoredEvidence("headline", 0, 8, "Captagon", "phrase:captagon"))));
    assertThat(stored.entities()).containsExactly(new StoredEntity(EntityKind.PLACE, "Syria", 2));
    assertThat(stored.publishedAt()).isEqualTo(PUBLISHED);
    assertThat(stored.updatedAt()).isEqualTo(PUBLISHED.plusSeconds(30));
    assertThat(stored.receivedAt()).isEqualTo(PUBLISHED.plusSeconds(1));
    assertThat(stored.enrichedAt()).isEqualTo(ENRICHED);
    assertThat(stored.sourceFormat()).isEqualTo("text");
    assertThat(stored.storyId()).isEqualTo("story-a1");
    assertThat(stored.taxonomyVersion()).isEqualTo("2025.1");
    assertThat(stored.url()).isEqualTo("https://example.org/a1");
    assertThat(stored.dateline()).isEqualTo("AMMAN, June 19");
    assertThat(stored.located()).isEqualTo("Amman");
    assertThat(stored.urgency()).isEqualTo(3);
    assertThat(stored.html()).isEqualTo("<p>Body of Captagon seized</p>");
    assertThat(stored.embargoUntil()).isEqualTo(PUBLISHED.plusSeconds(3600));
    assertThat(stored.subjects())
        .containsExactly(new StoredSubject("Drugs", "medtop:20000096", "medtop"));
  }

  @Test
  void shouldLeaveOptionalFieldsNullWhenTheSourceGaveNone() {
    store.write(List.of(tagged("a1", 1, "Captagon seized")), GROUP, Map.of());

    StoredArticle stored = store.article("a1").orElseThrow();
    assertThat(stored.updatedAt()).isNull();
    assertThat(stored.urgency()).isNull();
    assertThat(stored.embargoUntil()).isNull();
    assertThat(stored.located()).isNull();
    assertThat(stored.subjects()).isEmpty();
    assertThat(stored.tags()).isEmpty();
  }

  // ---- search ----

  @Test
  void shouldFindAnArticleByAWordOfItsHeadlineWithASnippetAndItsTags() {
    store.write(
        List.of(
            story("a1", "Blinken meets Jordan's king", "The talks covered captagon smuggling.")
                .tags("narcotics", "middle-east")
                .build(),
            story("a2", "Markets rally", "Stocks rose in Tokyo.").build()),
        GROUP,
        Map.of());

    List<SearchHit> hits = store.search(SearchQuery.of("Blinken"));

    assertThat(hits).extracting(SearchHit::id).containsExactly("a1");
    SearchHit hit = hits.get(0);
    assertThat(hit.headline()).isEqualTo("Blinken meets Jordan's king");
    assertThat(hit.tags()).containsExactlyInAnyOrder("narcotics", "middle-east");
    assertThat(hit.score()).isPositive();
    assertThat(store.search(SearchQuery.of("captagon")).get(0).snippet()).contains("[captagon]");
  }

  @Test
  void shouldMatchOtherFormsOfAWordAndIgnoreCaseAndAccents() {
    store.write(
        List.of(story("a1", "Police seized pills", "Officers were seizing a shipment.").build()),
        GROUP,
        Map.of());

    assertThat(store.search(SearchQuery.of("SEIZE"))).extracting(SearchHit::id).contains("a1");
    assertThat(store.search(SearchQuery.of("shipments"))).extracting(SearchHit::id).contains("a1");
  }

  @Test
  void shouldRankAHeadlineMatchAboveABodyMention() {
    store.write(
        List.of(
            story("body", "Markets today", "Analysts briefly mentioned captagon once.").build(),
            story("head", "Captagon haul seized", "Troops seized a large haul of pills.").build()),
        GROUP,
        Map.of());

    assertThat(store.search(SearchQuery.of("captagon")))
        .extracting(SearchHit::id)
        .containsExactly("head", "body");
  }

  @Test
  void shouldRequireEveryWordMatchPhrasesAndHonourOrAndExclusion() {
    store.write(
        List.of(
            story("a1", "Drone strike in Syria", "A drone hit a depot.").build(),
            story("a2", "Drone show in Tokyo", "Lights over the bay.").build(),
            story("a3", "Strike at the port", "Dockers stopped work in Syria.").build()),
        GROUP,
        Map.of());

    assertThat(ids(SearchQuery.of("drone syria"))).containsExactly("a1");
    assertThat(ids(SearchQuery.of("\"drone show\""))).containsExactly("a2");
    assertThat(ids(SearchQuery.of("tokyo OR depot"))).containsExactlyInAnyOrder("a1", "a2");
    assertThat(ids(SearchQuery.of("syria -drone"))).containsExactly("a3");
  }

  @Test
  void shouldFilterByTagSourceLanguageAndTimeRange() {
    Instant june = Instant.parse("2025-06-01T00:00:00Z");
    store.write(
        List.of(
            story("a1", "Captagon ring broken", "x")
                .tags("narcotics")
                .source("wire")
                .at(june)
                .build(),
            story("a2", "Captagon trade report", "x")
                .source("blog")
                .at(june.plusSeconds(86_400))
                .build(),
            story("a3", "Captagon en Jordanie", "x")
                .language("fr")
                .at(june.minusSeconds(86_400))
                .build()),
        GROUP,
        Map.of());

    assertThat(ids(SearchQuery.of("captagon"))).containsExactlyInAnyOrder("a1", "a2", "a3");
    assertThat(ids(SearchQuery.of("captagon").withTag("narcotics"))).containsExactly("a1");
    assertThat(ids(SearchQuery.of("captagon").withSource("blog"))).containsExactly("a2");
    assertThat(ids(SearchQuery.of("captagon").withLanguage("fr"))).containsExactly("a3");
    assertThat(ids(SearchQuery.of("captagon").withTimeRange(june, june.plusSeconds(3600))))
        .containsExactly("a1");
    assertThat(ids(SearchQuery.of("captagon").withTimeRange(june, null)))
        .containsExactlyInAnyOrder("a1", "a2");
    assertThat(ids(SearchQuery.of("captagon").withTimeRange(null, june))).containsExactly("a3");
  }

  @Test
  void shouldPageThroughHitsWithoutRepeatsOrGaps() {
    List<TaggedArticle> batch = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      batch.add(story("a" + i, "Ceasefire talks " + i, "Talks continue.").build());
    }
    store.write(batch, GROUP, Map.of());

    List<String> all = ids(SearchQuery.of("ceasefire").withPage(100, 0));
    List<String> paged = new ArrayList<>();
    for (int offset = 0; offset < 7; offset += 3) {
      paged.addAll(ids(SearchQuery.of("ceasefire").withPage(3, offset)));
    }

    assertThat(all).hasSize(7);
    assertThat(paged).isEqualTo(all);
    assertThat(ids(SearchQuery.of("ceasefire").withPage(3, 6))).hasSize(1);
  }

  @Test
  void shouldHideWithdrawnArticlesUnlessAskedFor() {
    store.write(List.of(story("a1", "Captagon seized", "x").build()), GROUP, Map.of());
    var kill = article("a1", 2, "Captagon seized", Signal.CANCELED);
    store.write(List.of(tagged(kill, ENRICHED)), GROUP, Map.of());

    assertThat(store.search(SearchQuery.of("captagon"))).isEmpty();
    assertThat(store.search(SearchQuery.of("captagon").withWithdrawn(true)))
        .singleElement()
        .satisfies(h -> assertThat(h.withdrawn()).isTrue());
  }

  @Test
  void shouldSearchTheLatestVersionOnly() {
    store.write(List.of(story("a1", "Ceasefire holds", "x").build()), GROUP, Map.of());
    store.write(
        List.of(tagged(article("a1", 2, "Ceasefire collapses", Signal.USABLE), ENRICHED)),
        GROUP,
        Map.of());

    assertThat(ids(SearchQuery.of("collapses"))).containsExactly("a1");
    assertThat(ids(SearchQuery.of("holds"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"unclosed phrase",
        "AND OR NOT",
        "headline:captagon",
        "captagon*",
        "NEAR(captagon seized",
        "(captagon",
        "captagon'); DROP TABLE articles; --",
        "captagon -",
        "^captagon + {seized}",
        "OR captagon OR"
      })
  void shouldAnswerQueriesWithSearchSyntaxCharactersInsteadOfFailing(String query) {
    store.write(List.of(story("a1", "Captagon seized", "x").build()), GROUP, Map.of());

    assertThat(store.search(SearchQuery.of(query))).isNotNull();
    assertThat(store.articleCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\"\"", "*", "-captagon", "- -"})
  void shouldRefuseAQueryWithNothingToLookForWithAClearMessage(String query) {
    assertThatThrownBy(() -> store.search(SearchQuery.of(query)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("search query")
        .hasMessageContaining("word");
  }

  @Test
  void shouldRefuseAnEmptyTimeRangeOrABadPage() {
    Instant t = Instant.parse("2025-01-01T00:00:00Z");
    assertThatThrownBy(() -> SearchQuery.of("x").withTimeRange(t, t.minus(Duration.ofDays(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("time range is empty");
    assertThatThrownBy(() -> SearchQuery.of("x").withPage(0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
  }

  // ---- helpers ----

  private List<String> ids(SearchQuery query) {
    return store.search(query).stream().map(SearchHit::id).toList();
  }

  private List<Object> snapshot(String... ids) {
    List<Object> rows = new ArrayList<>();
    for (String id : ids) {
      rows.add(store.article(id));
      rows.add(store.versionCount(id));
    }
    rows.add(store.offsets(GROUP));
    return rows;
  }

  static Story story(String id, String headline, String body) {
    return new Story(id, headline, body);
  }

  /** A tagged article with a chosen body, tags, source, language and publication time. */
  // ---- published (replay from the store) ----

  @Test
  void shouldListPublishedArticlesInTheWindowInPublicationOrder() {
    Instant day = Instant.parse("2025-06-10T00:00:00Z");
    store.write(
        List.of(
            story("late", "x", "x").at(day.plusSeconds(7200)).build(),
            story("before", "x", "x").at(day.minusMillis(1)).build(),
            story("first", "x", "x").at(day).build(),
            story("atUntil", "x", "x").at(day.plusSeconds(86_400)).build(),
            story("middle", "x", "x").at(day.plusSeconds(3600)).build()),
        GROUP,
        Map.of());

    assertThat(published(day, day.plusSeconds(86_400), Set.of(), null, 100))
        .containsExactly("first", "middle", "late");
    assertThat(published(null, day, Set.of(), null, 100)).containsExactly("before");
    assertThat(published(day.plusSeconds(3600), null, Set.of(), null, 100))
        .containsExactly("middle", "late", "atUntil");
  }

  @Test
  void shouldListPublishedArticlesWithAnyOfTheTagsAndFromTheSource() {
    Instant day = Instant.parse("2025-06-10T00:00:00Z");
    store.write(
        List.of(
            story("a1", "x", "x").tags("middle-east").source("wire").at(day).build(),
            story("a2", "x", "x").tags("narcotics", "crime").at(day.plusSeconds(1)).build(),
            story("a3", "x", "x").tags("sport").source("wire").at(day.plusSeconds(2)).build(),
            story("a4", "x", "x").at(day.plusSeconds(3)).build()),
        GROUP,
        Map.of());

    assertThat(published(null, null, Set.of("middle-east", "narcotics"), null, 100))
        .containsExactly("a1", "a2");
    assertThat(published(null, null, Set.of(), "wire", 100)).containsExactly("a1", "a3");
    assertThat(published(null, null, Set.of("sport", "narcotics"), "wire", 100))
        .containsExactly("a3");
    assertThat(published(null, null, Set.of("unknown"), null, 100)).isEmpty();
  }

  @Test
  void shouldPagePublishedArticlesWithoutRepeatsOrGapsAcrossEqualTimes() {
    Instant day = Instant.parse("2025-06-10T00:00:00Z");
    List<TaggedArticle> batch = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      // Pairs share a publication time, so a page boundary falls inside a tie.
      String id = "a" + i;
      batch.add(story(id, "x", "x").at(day.plusSeconds(i / 2)).build());
      expected.add(id);
    }
    store.write(batch, GROUP, Map.of());

    assertThat(published(null, null, Set.of(), null, 3)).isEqualTo(expected);
    assertThat(published(null, null, Set.of(), null, 5)).isEqualTo(expected);
    assertThat(published(null, null, Set.of(), null, 1)).isEqualTo(expected);
  }

  @Test
  void shouldListTheLatestVersionWithItsTagsAndHideWithdrawnArticles() {
    Instant day = Instant.parse("2025-06-10T00:00:00Z");
    store.write(
        List.of(
            story("kept", "Old headline", "x").at(day).build(),
            story("gone", "Captagon seized", "x").at(day.plusSeconds(1)).build()),
        GROUP,
        Map.of());
    Article update =
        Article.newBuilder(article("kept", 2, "New headline", Signal.USABLE))
            .setPublishedAt(day)
            .build();
    Article kill =
        Article.newBuilder(article("gone", 2, "Captagon seized", Signal.CANCELED))
            .setPublishedAt(day.plusSeconds(1))
            .build();
    store.write(
        List.of(tagged(update, ENRICHED, tag("middle-east", 4)), tagged(kill, ENRICHED)),
        GROUP,
        Map.of());

    List<StoredArticle> seen = new ArrayList<>();
    store.published(ArticleFilter.ALL, 10, seen::add);

    assertThat(seen)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.id()).isEqualTo("kept");
              assertThat(a.version()).isEqualTo(2);
              assertThat(a.headline()).isEqualTo("New headline");
              assertThat(a.tags()).extracting(StoredTag::tagId).containsExactly("middle-east");
              assertThat(a.tags().get(0).evidence()).isNotEmpty();
              assertThat(a.entities()).isNotEmpty();
            });
  }

  @Test
  void shouldPlaceAnArticleWithoutPublicationTimeAtItsReceivedTime() {
    Instant day = Instant.parse("2025-06-10T00:00:00Z");
    Article undated =
        Article.newBuilder(article("undated", 1, "x", Signal.USABLE))
            .setPublishedAt(null)
            .setReceivedAt(day.plusSeconds(5))
            .build();
    store.write(
        List.of(
            tagged(undated, ENRICHED),
            story("early", "x", "x").at(day).build(),
            story("later", "x", "x").at(day.plusSeconds(10)).build()),
        GROUP,
        Map.of());

    assertThat(published(day, day.plusSeconds(60), Set.of(), null, 2))
        .containsExactly("early", "undated", "later");
    assertThat(published(day.plusSeconds(6), null, Set.of(), null, 2)).containsExactly("later");
  }

  // ---- newest (browsing the store) ----

  @Test
  void shouldListTheNewestFirstWithinTheWindowAndWithTheTags() {
    Instant day = Instant.parse("2025-06-10T00:00:00Z");
    Article undated =
        Article.newBuilder(article("undated", 1, "x", Signal.USABLE))
            .setPublishedAt(null)
            .setReceivedAt(day.plusSeconds(5))
            .build();
    store.write(
        List.of(
            story("first", "x", "x").tags("narcotics").at(day).build(),
            story("before", "x", "x").tags("narcotics").at(day.minusSeconds(1)).build(),
            story("last", "x", "x").at(day.plusSeconds(10)).build(),
            story("wire", "x", "x").source("wire").at(day.plusSeconds(3)).build(),
            tagged(undated, ENRICHED, tag("narcotics", 3))),
        GROUP,
        Map.of());

    assertThat(newest(null, null, Set.of(), null, 10))
        .containsExactly("last", "undated", "wire", "first", "before");
    assertThat(newest(day, day.plusSeconds(10), Set.of("narcotics"), null, 10))
        .containsExactly("undated", "first");
    assertThat(newest(null, null, Set.of(), "wire", 10)).containsExactly("wire");
  }

  @Test
  void shouldPageNewestFirstWithoutRepeatsOrGapsAcrossEqualTimesAndHideWithdrawn() {
    Instant day = Instant.parse("2025-06-10T00:00:00Z");
    List<TaggedArticle> batch = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      // Pairs share a publication time, so a page boundary falls inside a tie.
      batch.add(story("a" + i, "x", "x").at(day.plusSeconds(i / 2)).build());
      expected.add(0, "a" + i);
    }
    Article kill =
        Article.newBuilder(article("killed", 1, "x", Signal.CANCELED)).setPublishedAt(day).build();
    batch.add(tagged(kill, ENRICHED));
    store.write(batch, GROUP, Map.of());

    List<String> paged = new ArrayList<>();
    PublishedPosition before = null;
    while (true) {
      List<StoredArticle> page = store.newest(ArticleFilter.ALL, before, 2);
      page.forEach(a -> paged.add(a.id()));
      if (page.size() < 2) {
        break;
      }
      before = PublishedPosition.of(page.get(page.size() - 1));
    }
    assertThat(paged).isEqualTo(expected);
  }

  // ---- story members ----

  @Test
  void shouldListTheArticlesOfAStoryNewestFirstWithoutWithdrawnOnesOrOtherStories() {
    Instant day = Instant.parse("2025-06-10T00:00:00Z");
    Article undated =
        Article.newBuilder(article("undated", 1, "x", Signal.USABLE))
            .setPublishedAt(null)
            .setReceivedAt(day.plusSeconds(5))
            .build();
    TaggedArticle undatedMember = tagged(undated, ENRICHED);
    undatedMember.setStoryId("s1");
    Article kill =
        Article.newBuilder(article("killed", 1, "x", Signal.CANCELED))
            .setPublishedAt(day.plusSeconds(30))
            .build();
    TaggedArticle killedMember = tagged(kill, ENRICHED);
    killedMember.setStoryId("s1");
    store.write(
        List.of(
            story("first", "x", "x").story("s1").tags("narcotics").at(day).build(),
            story("later", "x", "x").story("s1").at(day.plusSeconds(10)).build(),
            story("tieA", "x", "x").story("s1").at(day.plusSeconds(20)).build(),
            story("tieB", "x", "x").story("s1").at(day.plusSeconds(20)).build(),
            story("other", "x", "x").story("s2").at(day.plusSeconds(15)).build(),
            undatedMember,
            killedMember),
        GROUP,
        Map.of());

    assertThat(storyMembers("s1", 50)).containsExactly("tieB", "tieA", "later", "undated", "first");
    assertThat(storyMembers("s1", 2)).containsExactly("tieB", "tieA");
    assertThat(storyMembers("s2", 50)).containsExactly("other");
    assertThat(storyMembers("no-such-story", 50)).isEmpty();
    assertThat(store.storyMembers("s1", 50).get(4).tags())
        .extracting(StoredTag::tagId)
        .containsExactly("narcotics");
    assertThatThrownBy(() -> store.storyMembers("s1", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }

  @Test
  void shouldListOnlyTheLatestVersionOfAStoryMemberOnce() {
    Instant day = Instant.parse("2025-06-10T00:00:00Z");
    store.write(
        List.of(
            story("a1", "Old headline", "x").story("s1").at(day).build(),
            story("a2", "x", "x").story("s1").at(day.plusSeconds(1)).build()),
        GROUP,
        Map.of());
    TaggedArticle update =
        tagged(
            Article.newBuilder(article("a1", 2, "New headline", Signal.USABLE))
                .setPublishedAt(day)
                .build(),
            ENRICHED);
    update.setStoryId("s1");
    store.write(List.of(update), GROUP, Map.of());

    List<StoredArticle> members = store.storyMembers("s1", 50);
    assertThat(members).extracting(StoredArticle::id).containsExactly("a2", "a1");
    assertThat(members.get(1).version()).isEqualTo(2);
    assertThat(members.get(1).headline()).isEqualTo("New headline");
    assertThat(members).extracting(StoredArticle::storyId).containsOnly("s1");
  }

  private List<String> storyMembers(String storyId, int limit) {
    return store.storyMembers(storyId, limit).stream().map(StoredArticle::id).toList();
  }

  private List<String> newest(
      Instant since, Instant until, Set<String> tags, String source, int limit) {
    return store.newest(new ArticleFilter(since, until, tags, source), null, limit).stream()
        .map(StoredArticle::id)
        .toList();
  }

  private List<String> published(
      Instant since, Instant until, Set<String> tags, String source, int pageSize) {
    List<String> ids = new ArrayList<>();
    store.published(new ArticleFilter(since, until, tags, source), pageSize, a -> ids.add(a.id()));
    return ids;
  }

  static final class Story {
    private final Article.Builder article;
    private final List<Tag> tags = new ArrayList<>();
    private String storyId;

    Story(String id, String headline, String body) {
      article = Article.newBuilder(article(id, 1, headline, Signal.USABLE)).setBody(body);
    }

    Story tags(String... ids) {
      for (String t : ids) {
        tags.add(tag(t, 3));
      }
      return this;
    }

    Story source(String sourceId) {
      article.setSource(new Source(sourceId, sourceId, null, "rss"));
      return this;
    }

    Story language(String lang) {
      article.setLanguage(lang);
      return this;
    }

    Story at(Instant published) {
      article.setPublishedAt(published);
      return this;
    }

    Story story(String id) {
      storyId = id;
      return this;
    }

    TaggedArticle build() {
      TaggedArticle t = tagged(article.build(), ENRICHED, tags.toArray(Tag[]::new));
      if (storyId != null) {
        t.setStoryId(storyId);
      }
      return t;
    }
  }
}
