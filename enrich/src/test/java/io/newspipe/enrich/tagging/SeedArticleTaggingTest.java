package io.newspipe.enrich.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.enrich.taxonomy.Taxonomy;
import io.newspipe.schemas.Evidence;
import io.newspipe.schemas.Tag;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The product contract: what the seed article must be tagged with, and why. */
class SeedArticleTaggingTest {

  private static final Tagger TAGGER = new Tagger(Taxonomy.loadDefault());
  private static final SeedArticle SEED = SeedArticle.load();

  private final List<Tag> tags = TAGGER.tag(SEED.headline(), SEED.body());
  private final Map<String, Tag> byId = tags.stream().collect(Collectors.toMap(Tag::getId, t -> t));

  @Test
  void shouldGiveTheSeedArticleExactlyItsSixTopics() {
    assertThat(byId.keySet())
        .containsExactlyInAnyOrder(
            "election-interference",
            "narcotics",
            "middle-east",
            "us-china-relations",
            "russia-ukraine-war",
            "artificial-intelligence");
  }

  @Test
  void shouldNotCallSpyBalloonsEspionage() {
    assertThat(byId).doesNotContainKey("espionage");
  }

  @Test
  void shouldFindElectionInterferenceAcrossCurlyQuotes() {
    assertThat(texts("election-interference"))
        .anySatisfy(t -> assertThat(t).startsWith("interfere").endsWith("elections"))
        .anySatisfy(t -> assertThat(t).startsWith("influence").endsWith("elections"));
  }

  @Test
  void shouldFindNarcoticsFromTheBattleAgainstNarcotics() {
    assertThat(texts("narcotics")).contains("narcotics");
  }

  @Test
  void shouldFindMiddleEastFromIranAndItsProxiesAndTheMiddleEasternConflict() {
    assertThat(texts("middle-east")).contains("Iran and its proxies", "Middle Eastern");
  }

  @Test
  void shouldPointEveryEvidenceSpanAtTheOriginalText() {
    for (Tag tag : tags) {
      assertThat(tag.getEvidence()).as(tag.getId()).isNotEmpty();
      for (Evidence e : tag.getEvidence()) {
        String field = e.getField().equals("headline") ? SEED.headline() : SEED.body();
        assertThat(e.getField()).isIn("headline", "body");
        assertThat(field.substring(e.getStart(), e.getEnd())).isEqualTo(e.getText());
      }
    }
  }

  @Test
  void shouldSortTagsByScoreWithConfidenceFromScoreAndThreshold() {
    assertThat(tags).extracting(Tag::getScore).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    Taxonomy taxonomy = TAGGER.taxonomy();
    for (Tag tag : tags) {
      double threshold = taxonomy.tag(tag.getId()).orElseThrow().threshold();
      assertThat(tag.getScore()).isGreaterThanOrEqualTo(threshold);
      assertThat(tag.getConfidence())
          .isCloseTo(
              tag.getScore() / (tag.getScore() + threshold),
              org.assertj.core.data.Offset.offset(0.002));
    }
  }

  private List<String> texts(String tagId) {
    assertThat(byId).containsKey(tagId);
    return byId.get(tagId).getEvidence().stream().map(Evidence::getText).toList();
  }
}
