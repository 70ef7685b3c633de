package io.newspipe.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StorySignatureTest {

  private static List<String> words(String prefix, int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> prefix + i).toList();
  }

  @Test
  void shouldMeasureJaccardSimilarityOfTheWordSets() {
    StorySignature a = StorySignature.ofWords(List.of("a", "b", "c", "d"));
    StorySignature b = StorySignature.ofWords(List.of("c", "d", "e", "f"));

    assertThat(a.jaccard(b)).isEqualTo(2.0 / 6);
    assertThat(b.jaccard(a)).isEqualTo(2.0 / 6);
    assertThat(a.jaccard(a)).isEqualTo(1.0);
    assertThat(a.jaccard(StorySignature.ofWords(List.of("x", "y")))).isZero();
    assertThat(a.jaccard(StorySignature.EMPTY)).isZero();
  }

  @Test
  void shouldIgnoreWordOrderAndRepeats() {
    List<String> words = new ArrayList<>(words("w", 0, 30));
    List<String> shuffled = new ArrayList<>(words);
    Collections.shuffle(shuffled, new java.util.Random(7));
    shuffled.addAll(words.subList(0, 5));

    StorySignature a = StorySignature.ofWords(words);
    StorySignature b = StorySignature.ofWords(shuffled);

    assertThat(b).isEqualTo(a);
    assertThat(b.size()).isEqualTo(30);
    assertThat(b.bandKeys()).isEqualTo(a.bandKeys());
    assertThat(StorySignature.ofHashes(a.hashes())).isEqualTo(a);
  }

  @Test
  void shouldGiveOneKeyPerBandAndNoneForNoWords() {
    List<String> keys = StorySignature.ofWords(words("w", 0, 10)).bandKeys();

    assertThat(keys).hasSize(StorySignature.BANDS).doesNotHaveDuplicates();
    assertThat(keys.get(0)).startsWith("00:");
    assertThat(keys.get(StorySignature.BANDS - 1)).startsWith(StorySignature.BANDS - 1 + ":");
    assertThat(StorySignature.EMPTY.bandKeys()).isEmpty();
  }

  @Test
  void shouldShareBandsBetweenSimilarSetsAndNoneBetweenDisjointOnes() {
    StorySignature base = StorySignature.ofWords(words("w", 0, 40));
    StorySignature close = StorySignature.ofWords(words("w", 8, 48)); // Jaccard 32/48 = 0.67
    StorySignature other = StorySignature.ofWords(words("x", 0, 40));

    assertThat(shared(base, close)).isGreaterThanOrEqualTo(5);
    assertThat(shared(base, other)).isZero();
  }

  @Test
  void shouldFindMostPairsJustAboveTheDefaultThresholdAsCandidates() {
    // 1 - (1 - J^2)^32 is 0.98 at J = 0.34: of 200 such pairs, nearly all share a band.
    int found = 0;
    for (int i = 0; i < 200; i++) {
      StorySignature a = StorySignature.ofWords(words("p" + i + "-", 0, 40));
      StorySignature b = StorySignature.ofWords(words("p" + i + "-", 20, 60)); // 20/60 = 0.33
      found += shared(a, b) > 0 ? 1 : 0;
    }
    assertThat(found).isGreaterThanOrEqualTo(185);
  }

  @Test
  void shouldHashTheSameWayOnEveryRunAndInstance() {
    // Stored indexes and other instances depend on these values: changing the hash or the seeds
    // is a breaking change that needs the enrich application reset.
    assertThat(StorySignature.hash("earthquake")).isEqualTo(490352530882618621L);
    assertThat(StorySignature.ofWords(List.of("earthquake", "japan")).bandKeys().get(0))
        .isEqualTo("00:7a4cdd83b9db0cca");
  }

  private static long shared(StorySignature a, StorySignature b) {
    return a.bandKeys().stream().filter(b.bandKeys()::contains).count();
  }
}
