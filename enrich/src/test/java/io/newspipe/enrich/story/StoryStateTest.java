package io.newspipe.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class StoryStateTest {

  @Test
  void shouldAddAnArticleToTheCentroidExactlyAsTheSumOfBothCutToTheHeaviestWords() {
    Random random = new Random(20261205);
    for (int round = 0; round < 500; round++) {
      long[] words = distinctAscending(random, random.nextInt(StoryState.CENTROID_WORDS + 1));
      double[] weights = random.doubles(words.length, 0, 3).toArray();
      if (round % 5 == 0 && weights.length > 3) {
        weights[1] = weights[2]; // ties are cut by word hash
      }
      StoryState story =
          new StoryState(1L, "s", 0L, 5L, 2, StoryNames.NONE, words, weights, false, new long[0]);
      long[] more = distinctAscending(random, random.nextInt(150));
      if (round % 3 == 0 && words.length > 0 && more.length > 0) {
        more[0] = words[0]; // shared words are summed
        java.util.Arrays.sort(more);
        more = LongStream.of(more).distinct().toArray();
      }
      double[] moreWeights = random.doubles(more.length, 0, 1).toArray();

      long published = round % 2 == 0 ? 3L : 4L + round; // before or after the latest so far
      StoryState joined = story.plus(2L, published, StoryNames.NONE, more, moreWeights);
      StoryState expected = reference(story, more, moreWeights);

      assertThat(joined.words()).as("round %d", round).containsExactly(expected.words());
      assertThat(joined.weights()).as("round %d", round).containsExactly(expected.weights());
      assertThat(joined.size()).isEqualTo(3);
      assertThat(joined.indexed()).isEqualTo(2L);
      assertThat(joined.start()).isZero();
      assertThat(joined.latest()).isEqualTo(Math.max(5L, published));
    }
  }

  @Test
  void shouldMeasureContainmentOnTheSideWithFewerWords() {
    long[] story = {1, 2, 3, 4, 5, 6, 7, 8};
    double[] storyWeights = {1, 1, 1, 5, 5, 5, 5, 5};
    StoryState state =
        new StoryState(
            1L, "s", 0L, 0L, 1, StoryNames.NONE, story, storyWeights, false, new long[0]);

    // A flash of three words, all in the story: contained whole, though its cosine is low.
    assertThat(state.containment(new long[] {1, 2, 3}, new double[] {1, 1, 1})).isEqualTo(1.0);
    assertThat(state.similarity(new long[] {1, 2, 3}, new double[] {1, 1, 1})).isLessThan(0.2);
    // Two of its three words: the weight of the missing one counts...
    assertThat(state.containment(new long[] {1, 2, 9}, new double[] {2, 1, 1})).isEqualTo(0.75);
    // ... and when the missing one is its heaviest, the flash is about something else.
    assertThat(state.containment(new long[] {1, 2, 9}, new double[] {1, 1, 2})).isZero();
    // An article with more words than the story: the story's weight it holds (3 + 15 of 28: 18).
    long[] item = {1, 2, 3, 4, 5, 6, 10, 11, 12};
    double[] itemWeights = {1, 1, 1, 1, 1, 1, 1, 1, 1};
    assertThat(state.containment(item, itemWeights)).isEqualTo(18.0 / 28);
    assertThat(state.containment(new long[0], new double[0])).isZero();
  }

  /**
   * The story index caches the states it writes instead of decoding them again, so what it stores
   * must read back as exactly the state it holds: every name kind (headline subjects and tickers
   * are stored marked among companies and tickers), every word and weight bit for bit.
   */
  @Test
  void shouldReadBackExactlyTheStateItEncoded() {
    Random random = new Random(20261206);
    for (int round = 0; round < 300; round++) {
      long[] words = distinctAscending(random, random.nextInt(StoryState.CENTROID_WORDS + 1));
      double[] weights = random.doubles(words.length, 0, 3).toArray();
      StoryNames names =
          round % 4 == 0
              ? StoryNames.NONE
              : StoryNames.of(
                  round % 2 == 0 ? "ACME <ACM> SETS DIVIDEND" : "Acme Widgets Corp sets dividend",
                  round % 3 == 0 ? null : "Mr Smith and Finance Minister Jones (XYZ.N)",
                  "Beta Holdings (NYSE: BET) said " + round);
      StoryState state =
          new StoryState(
              random.nextLong(),
              "story-" + round,
              random.nextLong(),
              random.nextLong(),
              1 + round,
              names,
              words,
              weights,
              round % 2 == 1,
              round % 3 == 0 ? new long[0] : new long[] {-7, round});

      StoryState read = StoryState.decode(state.encode());

      assertThat(read).as("round %d", round).isEqualTo(state);
      assertThat(read.names().subjects()).isEqualTo(state.names().subjects());
      assertThat(read.names().headlineTickers()).isEqualTo(state.names().headlineTickers());
    }
  }

  /**
   * A state stored before the latest report's time was kept (the layout without it) reads back with
   * its start as its latest report, so an upgraded enrich keeps its stories.
   */
  @Test
  void shouldReadAStateStoredWithoutItsLatestReportAsLatestAtItsStart() {
    StoryState state =
        new StoryState(
            7L,
            "old",
            1_000L,
            9_000L,
            3,
            StoryNames.of("ACME <ACM> SETS DIVIDEND", null, ""),
            new long[] {-5, 2, 9},
            new double[] {0.5, 1.5, 2.5},
            true,
            new long[] {-3, 4});
    byte[] current = state.encode();
    int names = Integer.BYTES + 2 * Long.BYTES;
    byte[] before = java.util.Arrays.copyOf(current, current.length - names - Long.BYTES - 1);
    byte[] withoutPayout = java.util.Arrays.copyOf(current, current.length - names - 1);

    StoryState read = StoryState.decode(before);

    assertThat(read.latest()).isEqualTo(1_000L);
    assertThat(read.words()).containsExactly(state.words());
    assertThat(read.names()).isEqualTo(state.names());
    assertThat(read.payout()).isFalse();
    assertThat(StoryState.decode(withoutPayout).latest()).isEqualTo(9_000L);
    assertThat(StoryState.decode(withoutPayout).payout()).isFalse();
    assertThat(StoryState.decode(current)).isEqualTo(state);
  }

  /** The plain definition: a map of sums, sorted heaviest first, cut, then sorted by word. */
  private static StoryState reference(StoryState story, long[] more, double[] moreWeights) {
    Map<Long, Double> sum = new HashMap<>();
    for (int i = 0; i < story.words().length; i++) {
      sum.merge(story.words()[i], story.weights()[i], Double::sum);
    }
    double norm = 0;
    for (double w : moreWeights) {
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    for (int i = 0; i < more.length; i++) {
      sum.merge(more[i], norm == 0 ? 0 : moreWeights[i] / norm, Double::sum);
    }
    List<Map.Entry<Long, Double>> heaviest = new ArrayList<>(sum.entrySet());
    heaviest.sort(
        Comparator.comparingDouble((Map.Entry<Long, Double> e) -> -e.getValue())
            .thenComparingLong(Map.Entry::getKey));
    if (heaviest.size() > StoryState.CENTROID_WORDS) {
      heaviest = heaviest.subList(0, StoryState.CENTROID_WORDS);
    }
    heaviest.sort(Map.Entry.comparingByKey());
    return new StoryState(
        2L,
        story.id(),
        story.start(),
        story.latest(),
        story.size() + 1,
        StoryNames.NONE,
        heaviest.stream().mapToLong(Map.Entry::getKey).toArray(),
        heaviest.stream().mapToDouble(Map.Entry::getValue).toArray(),
        story.payout(),
        story.headlineNames());
  }

  private static long[] distinctAscending(Random random, int n) {
    return random.longs(n * 2L, -1000, 1000).distinct().limit(n).sorted().toArray();
  }
}
