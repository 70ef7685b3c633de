package io.newspipe.store;

import static io.newspipe.store.ArticleStoreContract.story;
import static io.newspipe.testkit.Fixtures.ENRICHED;
import static io.newspipe.testkit.Fixtures.article;
import static io.newspipe.testkit.Fixtures.tagged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspipe.schemas.Article;
import io.newspipe.schemas.Signal;
import io.newspipe.schemas.TaggedArticle;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every dialect must do for the outputs of the store: the filters the CLI and API share (tags
 * any/all, source, language), the streamed export, the timeline per tag and the size of stories.
 */
abstract class ArticleOutputsContract {
  static final String GROUP = "newspipe-sink";
  static final Instant DAY = Instant.parse("2025-06-01T00:00:00Z");

  protected ArticleStore store;

  protected abstract ArticleStore emptyStore();

  @BeforeEach
  void openStore() {
    store = emptyStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private void writeSample() {
    TaggedArticle killed =
        tagged(
            Article.newBuilder(article("k1", 2, "Killed, \"quoted\"", Signal.CANCELED))
                .setPublishedAt(DAY.plusSeconds(7200))
                .build(),
            ENRICHED);
    store.write(
        List.of(
            story("a1", "Captagon ring, broken", "x")
                .tags("narcotics", "middle-east")
                .source("wire")
                .at(DAY)
                .story("s1")
                .build(),
            story("a2", "Captagon trade", "x")
                .tags("narcotics")
                .source("blog")
                .at(DAY.plusSeconds(3600))
                .story("s1")
                .build(),
            story("a3", "Captagon en Jordanie", "x")
                .tags("middle-east")
                .language("fr")
                .source("wire")
                .at(DAY.plusSeconds(86_400 * 2 + 60))
                .story("s3")
                .build(),
            killed),
        GROUP,
        Map.of());
  }

  private List<String> newest(ArticleFilter filter) {
    return store.newest(filter, null, 50).stream().map(StoredArticle::id).toList();
  }

  private List<String> search(ArticleFilter filter) {
    return store.search(SearchQuery.of("captagon").withFilter(filter)).stream()
        .map(SearchHit::id)
        .toList();
  }

  @Test
  void shouldFilterListingAndSearchAlikeByTagsAnyOrAllSourceAndLanguage() {
    writeSample();
    Set<String> both = Set.of("narcotics", "middle-east");
    ArticleFilter any = ArticleFilter.ALL.withTags(both);
    ArticleFilter all = ArticleFilter.ALL.withTags(both, ArticleFilter.TagMatch.ALL);

    assertThat(newest(any)).containsExactly("a3", "a2", "a1");
    assertThat(newest(all)).containsExactly("a1");
    assertThat(newest(ArticleFilter.ALL.withLanguage("fr"))).containsExactly("a3");
    assertThat(newest(any.withSource("wire"))).containsExactly("a3", "a1");
    assertThat(newest(ArticleFilter.ALL.withWithdrawn(true))).contains("k1");

    assertThat(search(any)).containsExactlyInAnyOrder("a1", "a2", "a3");
    assertThat(search(all)).containsExactly("a1");
    assertThat(search(all.withSource("blog"))).isEmpty();
    assertThat(search(ArticleFilter.ALL.withLanguage("fr"))).containsExactly("a3");
  }

  @Test
  void shouldExportEveryColumnInPublicationOrderOneRowPerArticle() {
    writeSample();
    List<ArticleRow> rows = new ArrayList<>();

    long count = store.export(ArticleFilter.ALL, rows::add);

    assertThat(count).isEqualTo(3);
    assertThat(rows).extracting(ArticleRow::id).containsExactly("a1", "a2", "a3");
    ArticleRow a1 = rows.get(0);
    assertThat(a1.tags()).containsExactly("middle-east", "narcotics");
    assertThat(a1.storyId()).isEqualTo("s1");
    assertThat(a1.publishedAt()).isEqualTo(DAY);
    assertThat(a1.receivedAt()).isNotNull();
    assertThat(a1.sourceId()).isEqualTo("wire");
    assertThat(a1.headline()).isEqualTo("Captagon ring, broken");
    assertThat(a1.version()).isEqualTo(1);
    assertThat(a1.withdrawn()).isFalse();
    assertThat(rows.get(2).language()).isEqualTo("fr");

    List<ArticleRow> withKilled = new ArrayList<>();
    store.export(ArticleFilter.ALL.withWithdrawn(true), withKilled::add);
    assertThat(withKilled).extracting(ArticleRow::id).containsExactly("a1", "a2", "k1", "a3");
    assertThat(withKilled.get(2).withdrawn()).isTrue();
    assertThat(withKilled.get(2).tags()).isEmpty();
    assertThat(withKilled.get(2).version()).isEqualTo(2);

    List<String> filtered = new ArrayList<>();
    store.export(
        ArticleFilter.ALL.withTags(Set.of("narcotics")).withSource("blog"),
        r -> filtered.add(r.id()));
    assertThat(filtered).containsExactly("a2");
  }

  @Test
  void shouldExportManyArticlesAcrossFetchesWithoutLosingTags() {
    List<TaggedArticle> batch = new ArrayList<>();
    int n = ArticleRows.FETCH_SIZE * 2 + 7;
    for (int i = 0; i < n; i++) {
      batch.add(
          story(String.format("m%05d", i), "Report " + i, "x")
              .tags("narcotics", "espionage")
              .at(DAY.plusSeconds(i))
              .build());
    }
    store.write(batch, GROUP, Map.of());
    List<ArticleRow> rows = new ArrayList<>();

    assertThat(store.export(ArticleFilter.ALL, rows::add)).isEqualTo(n);

    assertThat(rows).hasSize(n);
    assertThat(rows).allSatisfy(r -> assertThat(r.tags()).hasSize(2));
    assertThat(rows.get(n - 1).id()).isEqualTo(String.format("m%05d", n - 1));
  }

  @Test
  void shouldPassOnWhatTheExportConsumerThrowsAsItIs() {
    writeSample();
    UncheckedIOException gone = new UncheckedIOException(new java.io.IOException("client gone"));
    assertThatThrownBy(
            () ->
                store.export(
                    ArticleFilter.ALL,
                    r -> {
                      throw gone;
                    }))
        .isSameAs(gone);
    assertThat(store.articleCount()).isEqualTo(4); // the store still answers
  }

  @Test
  void shouldCountArticlesPerDayAndHourWithEmptyBucketsFilled() {
    writeSample();
    ArticleFilter narcotics =
        ArticleFilter.ALL
            .withTags(Set.of("narcotics"))
            .withTimeRange(DAY, DAY.plusSeconds(86_400 * 3));

    List<Timeline.Bucket> days = store.timeline(narcotics, Timeline.Interval.DAY);
    assertThat(days)
        .containsExactly(
            new Timeline.Bucket(DAY, 2),
            new Timeline.Bucket(DAY.plusSeconds(86_400), 0),
            new Timeline.Bucket(DAY.plusSeconds(86_400 * 2), 0));

    ArticleFilter middleEast = narcotics.withTags(Set.of("middle-east"));
    assertThat(store.timeline(middleEast, Timeline.Interval.DAY))
        .extracting(Timeline.Bucket::count)
        .containsExactly(1L, 0L, 1L);

    List<Timeline.Bucket> hours =
        store.timeline(
            narcotics.withTimeRange(DAY.plusSeconds(1800), DAY.plusSeconds(3 * 3600 - 1)),
            Timeline.Interval.HOUR);
    assertThat(hours)
        .containsExactly(
            new Timeline.Bucket(DAY, 1),
            new Timeline.Bucket(DAY.plusSeconds(3600), 1),
            new Timeline.Bucket(DAY.plusSeconds(7200), 0));

    assertThat(
            store.timeline(
                ArticleFilter.ALL
                    .withTags(Set.of("espionage"))
                    .withTimeRange(DAY, DAY.plusSeconds(86_400)),
                Timeline.Interval.DAY))
        .containsExactly(new Timeline.Bucket(DAY, 0));
  }

  @Test
  void shouldRefuseOpenOrOverlongTimelines() {
    assertThatThrownBy(() -> store.timeline(ArticleFilter.ALL, Timeline.Interval.DAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("since and until");
    assertThatThrownBy(
            () ->
                store.timeline(
                    ArticleFilter.between(DAY, DAY.plusSeconds(3600L * (Timeline.MAX_BUCKETS + 1))),
                    Timeline.Interval.HOUR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most " + Timeline.MAX_BUCKETS);
  }

  @Test
  void shouldSizeStoriesByReportsAndSources() {
    writeSample();
    store.write(
        List.of(story("a4", "Captagon again", "x").source("wire").at(DAY).story("s1").build()),
        GROUP,
        Map.of());

    Map<String, StorySummary> stories = store.stories(List.of("s1", "s3", "none"));

    assertThat(stories).containsOnlyKeys("s1", "s3");
    assertThat(stories.get("s1").reports()).isEqualTo(3);
    assertThat(stories.get("s1").sources()).containsExactly("blog", "wire");
    assertThat(stories.get("s3").reports()).isEqualTo(1);
    assertThat(store.stories(List.of())).isEmpty();
  }
}
