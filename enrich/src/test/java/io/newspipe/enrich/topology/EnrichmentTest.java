package io.newspipe.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.enrich.taxonomy.Taxonomy;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.ArticleHistory;
import io.newspipe.schemas.Signal;
import io.newspipe.testkit.Articles;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnrichmentTest {

  private static final Tagger TAGGER = new Tagger(Taxonomy.loadDefault());
  private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String CAPTAGON = "Captagon haul seized in Jordan";
  private static final String CAPTAGON_BODY =
      "Jordanian troops seized captagon pills smuggled from Syria into Jordan.";

  @Test
  void shouldDropTheSameContentAgain() {
    Article a = Articles.article("a", CAPTAGON, CAPTAGON_BODY);
    Enrichment.Output first = Enrichment.next(a, null, TAGGER, CLOCK);

    assertThat(Enrichment.next(a, first.history(), TAGGER, CLOCK)).isNull();
  }

  @Test
  void shouldNumberChangedContentFromAFileAsTheNextVersion() {
    ArticleHistory h = Enrichment.next(article("one"), null, TAGGER, CLOCK).history();
    h = Enrichment.next(article("two"), h, TAGGER, CLOCK).history();
    Enrichment.Output third = Enrichment.next(article("three"), h, TAGGER, CLOCK);

    assertThat(third.history().getVersion()).isEqualTo(3);
    assertThat(third.tagged().getArticle().getVersion()).isEqualTo(3);
    assertThat(third.tagged().getEnrichedAt()).isEqualTo(NOW);
  }

  @Test
  void shouldKeepAHigherIncomingVersion() {
    ArticleHistory h = Enrichment.next(article("one"), null, TAGGER, CLOCK).history();
    Article v7 = Article.newBuilder(article("seven")).setVersion(7).build();

    assertThat(Enrichment.next(v7, h, TAGGER, CLOCK).history().getVersion()).isEqualTo(7);
  }

  @Test
  void shouldEmitAWithdrawalUntaggedToTheTopicsOfThePreviousTags() {
    Enrichment.Output tagged =
        Enrichment.next(Articles.article("a", CAPTAGON, CAPTAGON_BODY), null, TAGGER, CLOCK);
    assertThat(tagged.tagIds()).contains("narcotics", "middle-east");
    Article cancel =
        Articles.builder("a", CAPTAGON, CAPTAGON_BODY).setSignal(Signal.CANCELED).build();

    Enrichment.Output withdrawal = Enrichment.next(cancel, tagged.history(), TAGGER, CLOCK);

    assertThat(withdrawal.tagged().getTags()).isEmpty();
    assertThat(withdrawal.tagIds()).isEmpty();
    assertThat(withdrawal.tagged().getArticle().getVersion()).isEqualTo(2);
    assertThat(withdrawal.routeTags()).containsExactlyInAnyOrderElementsOf(tagged.tagIds());
    assertThat(withdrawal.signature().size()).isZero();
    assertThat(withdrawal.history().getContentHash()).startsWith("canceled:");
  }

  @Test
  void shouldRouteAnOutputToItsOwnTagsAndThoseItLost() {
    Enrichment.Output out =
        Enrichment.output(
            Articles.article("a", CAPTAGON, CAPTAGON_BODY), 4, List.of("espionage"), TAGGER, NOW);

    assertThat(out.routeTags()).containsAll(out.tagIds()).contains("espionage");
    assertThat(out.history().getVersion()).isEqualTo(4);
    assertThat(out.history().getTaxonomyVersion()).isEqualTo(TAGGER.taxonomy().version());
  }

  @Test
  void shouldLearnReTaggedTagsOnlyForTheSameVersionOfTheSameContent() {
    ArticleHistory known = history(2, "h2", List.of("middle-east"));
    ArticleHistory retagged = history(2, "h2", List.of("whaling"));

    assertThat(Enrichment.learn(known, retagged)).isEqualTo(retagged);
    assertThat(Enrichment.learn(history(3, "h3", List.of()), retagged))
        .as("a newer live version wins")
        .isEqualTo(history(3, "h3", List.of()));
    assertThat(Enrichment.learn(history(1, "h1", List.of()), retagged))
        .as("enrich has not reached that version yet and will tag it itself")
        .isEqualTo(history(1, "h1", List.of()));
    assertThat(Enrichment.learn(null, retagged)).isNull();
  }

  private static Article article(String text) {
    return Articles.article("file:a", "Headline " + text, "Body " + text);
  }

  private static ArticleHistory history(int version, String hash, List<String> tags) {
    return ArticleHistory.newBuilder()
        .setVersion(version)
        .setContentHash(hash)
        .setTags(tags)
        .setTaxonomyVersion("t")
        .build();
  }
}
