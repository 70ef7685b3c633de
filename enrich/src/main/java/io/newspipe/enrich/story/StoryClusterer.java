package io.newspipe.enrich.story;

import java.util.List;

/**
 * The story logic of the enrich topology over in-memory stores, for evaluations without Kafka
 * ({@code newspipe eval --stories}): the same {@link StoryIndex} decides, article by article, in
 * the order given. Event time stands in for the wall clock, so a run is a function of its input.
 */
public final class StoryClusterer {

  private final StoryIndex index;

  public StoryClusterer(StoryRules rules) {
    this.index =
        new StoryIndex(
            new MemoryStore<>(StoryIndex.STORIES),
            new MemoryStore<>(StoryIndex.SIGNATURES),
            new MemoryStore<>(StoryIndex.BANDS),
            new MemoryStore<>(StoryIndex.STORY_STATE),
            new MemoryStore<>(StoryIndex.WORD_COUNTS),
            rules);
  }

  /**
   * The story of an article published at {@code published} (epoch millis).
   *
   * @param subheadline may be null
   */
  public String assign(
      String id, String headline, String subheadline, String body, long published) {
    return assignment(id, headline, subheadline, body, published).storyId();
  }

  /**
   * As {@link #assign}, with the match that decided it (null when the article started a story): for
   * {@code newspipe eval --stories --explain}.
   */
  public StoryIndex.Assignment assignment(
      String id, String headline, String subheadline, String body, long published) {
    StorySignature signature = StorySignature.of(headline, subheadline, body);
    StoryNames names = StoryNames.of(headline, subheadline, body);
    List<String> headlineWords = StoryText.words(headline, null, null);
    return index.assign(
        id,
        signature,
        names,
        headlineWords,
        StoryText.headlineNames(headlineWords, body),
        () -> StoryText.followsUp(body),
        published,
        published);
  }
}
