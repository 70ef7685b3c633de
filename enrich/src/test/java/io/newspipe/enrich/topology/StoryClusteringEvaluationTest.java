package io.newspipe.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.enrich.story.StoryRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Guards clustering quality: the default rules against the hand-labelled set in {@code
 * stories/labelled.jsonl}, through the real topology. Prints the clusters when a floor fails: fix
 * the cause (boilerplate, word forms), not the floor.
 */
class StoryClusteringEvaluationTest {

  private static final List<LabelledStories.Item> ITEMS = LabelledStories.load();

  static Map<String, String> cluster(StoryRules rules, List<LabelledStories.Item> items) {
    Map<String, String> stories = new HashMap<>();
    try (StoryDriver driver = new StoryDriver(rules)) {
      for (LabelledStories.Item item : items) {
        stories.put(item.id(), driver.storyOf(item.article(), item.published()));
      }
    }
    return stories;
  }

  private static String clusters(Map<String, String> stories) {
    Map<String, List<String>> byStory = new TreeMap<>();
    stories.forEach((id, story) -> byStory.computeIfAbsent(story, s -> new ArrayList<>()).add(id));
    StringBuilder out = new StringBuilder();
    byStory.values().stream()
        .peek(Collections::sort)
        .forEach(ids -> out.append("  ").append(ids).append('\n'));
    return out.toString();
  }

  @Test
  void shouldHoldEnoughLabelledStoriesAndDistractorsToMeanSomething() {
    long stories = ITEMS.stream().map(LabelledStories.Item::story).distinct().count();
    long reported = ITEMS.stream().map(LabelledStories.Item::source).distinct().count();
    assertThat(ITEMS).hasSizeGreaterThanOrEqualTo(50);
    assertThat(stories).isGreaterThanOrEqualTo(25);
    assertThat(reported).isGreaterThanOrEqualTo(5);
    assertThat(LabelledStories.score(ITEMS, Map.of()).truePairs()).isGreaterThanOrEqualTo(40);
  }

  @Test
  void shouldGroupTheLabelledStoriesWithHighPairwisePrecisionAndRecall() {
    Map<String, String> stories = cluster(StoryRules.DEFAULTS, ITEMS);
    LabelledStories.Score score = LabelledStories.score(ITEMS, stories);
    System.out.println("story clusters, publication order: " + score);

    assertThat(score.precision())
        .as("%s%n%s", score, clusters(stories))
        .isGreaterThanOrEqualTo(0.95);
    assertThat(score.recall()).as("%s%n%s", score, clusters(stories)).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void shouldGroupAlmostAsWellWhenArticlesArriveInReverseOrder() {
    // A bulk import need not be in publication order: story names change, groups should not.
    List<LabelledStories.Item> reversed = new ArrayList<>(ITEMS);
    Collections.reverse(reversed);
    Map<String, String> stories = cluster(StoryRules.DEFAULTS, reversed);
    LabelledStories.Score score = LabelledStories.score(ITEMS, stories);
    System.out.println("story clusters, reverse order: " + score);

    assertThat(score.precision())
        .as("%s%n%s", score, clusters(stories))
        .isGreaterThanOrEqualTo(0.95);
    assertThat(score.recall()).as("%s%n%s", score, clusters(stories)).isGreaterThanOrEqualTo(0.85);
  }
}
