package io.newspipe.enrich.story;

import java.time.Duration;

/**
 * How articles are grouped into stories.
 *
 * @param window how long a story stays open: an article joins a story only if it was published
 *     within this time of the story's first article (either side), so a story older than this
 *     absorbs nothing new; the similarity index also forgets an article this long after indexing it
 * @param similarity the cosine similarity between an article's headline-and-lead words (see {@link
 *     StoryText}, weighted by their rarity in recent copy) and a story's centroid from which the
 *     article may join that story (see {@link StoryIndex})
 */
public record StoryRules(Duration window, double similarity) {

  /** Default {@link #window}: three days. */
  public static final Duration DEFAULT_WINDOW = Duration.ofDays(3);

  /**
   * Default {@link #similarity}, tuned on the hand-written set in {@code
   * enrich/src/test/resources/stories/labelled.jsonl}: pairwise precision and recall 1.0 from 0.4
   * to 0.45 (0.45 also keeps two central banks apart when a test sends only four articles); at 0.36
   * and below two central banks holding rates on one day join.
   */
  public static final double DEFAULT_SIMILARITY = 0.45;

  /** The defaults. */
  public static final StoryRules DEFAULTS = new StoryRules(DEFAULT_WINDOW, DEFAULT_SIMILARITY);

  public StoryRules {
    if (window == null || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException(
          "the story window must be positive (e.g. 3 days), not " + window);
    }
    if (!(similarity > 0 && similarity <= 1)) {
      throw new IllegalArgumentException(
          "the story similarity must be above 0 and at most 1 (e.g. "
              + DEFAULT_SIMILARITY
              + "), not "
              + similarity);
    }
  }

  /** Rules with a window of whole days. */
  public static StoryRules ofDays(int windowDays, double similarity) {
    if (windowDays < 1) {
      throw new IllegalArgumentException(
          "the story window must be at least 1 day, not " + windowDays);
    }
    return new StoryRules(Duration.ofDays(windowDays), similarity);
  }
}
