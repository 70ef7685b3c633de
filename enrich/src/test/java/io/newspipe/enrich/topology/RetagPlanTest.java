package io.newspipe.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.enrich.taxonomy.Taxonomy;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.Signal;
import io.newspipe.schemas.Tag;
import io.newspipe.testkit.Articles;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetagPlanTest {

  private static final Tagger TAGGER = new Tagger(Taxonomy.loadDefault());
  private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

  @Test
  void shouldReTagAFileArticleEditedTwiceOnceAtTheVersionEnrichGaveIt() {
    RetagPlan plan = new RetagPlan();
    List<Article> edits =
        List.of(
            Articles.article("e", "Fleet sets sail", "The fleet left port."),
            Articles.article("e", "Fleet sets sail", "The fleet left port at dawn."),
            Articles.article("e", "Captagon haul seized", "Troops seized captagon pills."));
    for (int i = 0; i < edits.size(); i++) {
      plan.add("e", 0, 10 + i, edits.get(i));
    }
    plan.add("e", 0, 13, edits.get(2)); // the file read again: a repeat

    assertThat(plan.isLatest("e", 0, 10)).isFalse();
    assertThat(plan.isLatest("e", 0, 11)).isFalse();
    assertThat(plan.isLatest("e", 0, 12)).isTrue();
    assertThat(plan.isLatest("e", 0, 13)).isFalse();
    Enrichment.Output out = plan.retag("e", edits.get(2), List.of(), TAGGER, NOW);
    assertThat(out.tagged().getArticle().getVersion()).isEqualTo(3);
    assertThat(out.tagged().getTags()).extracting(Tag::getId).contains("narcotics");
  }

  @Test
  void shouldKeepAWithdrawnArticleAnUntaggedWithdrawal() {
    RetagPlan plan = new RetagPlan();
    Article content = Articles.article("w", "Captagon haul seized", "Troops seized captagon.");
    Article cancel =
        Articles.builder("w", "Captagon haul seized", "Withdrawn.")
            .setSignal(Signal.CANCELED)
            .build();
    plan.add("w", 1, 0, content);
    plan.add("w", 1, 1, cancel);

    assertThat(plan.isLatest("w", 1, 0)).isFalse();
    assertThat(plan.isLatest("w", 1, 1)).isTrue();
    Enrichment.Output out = plan.retag("w", cancel, List.of(), TAGGER, NOW);
    assertThat(out.tagged().getTags()).isEmpty();
    assertThat(out.routeTags()).isEmpty();
    assertThat(out.tagged().getArticle().getSignal()).isEqualTo(Signal.CANCELED);
    assertThat(out.tagged().getArticle().getVersion()).isEqualTo(2);
  }

  @Test
  void shouldKeepArticlesApartByIdAndPartition() {
    RetagPlan plan = new RetagPlan();
    plan.add("a", 0, 5, Articles.article("a", "A", "a"));
    plan.add("b", 1, 5, Articles.article("b", "B", "b"));

    assertThat(plan.isLatest("a", 0, 5)).isTrue();
    assertThat(plan.isLatest("a", 1, 5)).isFalse();
    assertThat(plan.isLatest("c", 0, 5)).isFalse();
    assertThat(plan.articles()).isEqualTo(2);
  }
}
