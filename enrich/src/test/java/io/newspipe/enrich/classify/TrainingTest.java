package io.newspipe.enrich.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TrainingTest {

  /** Positives say "bribe", negatives "match"; every article has filler words; one rare word. */
  private static List<Training.Example> examples() {
    List<Training.Example> examples = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      boolean positive = i % 2 == 0;
      Set<String> f = new TreeSet<>();
      f.add(positive ? "w:bribe" : "w:match");
      f.add("w:the");
      f.add("w:filler" + (i % 5));
      if (i == 0) {
        f.add("w:once");
      }
      examples.add(new Training.Example(f, positive));
    }
    return examples;
  }

  @Test
  void shouldLearnWhichFeaturesMarkTheTag() {
    LinearModel model = Training.fit(examples(), 10, 1);

    assertThat(model.weights().get("w:bribe")).isPositive();
    assertThat(model.weights().get("w:match")).isNegative();
    assertThat(model.probability(Set.of("w:bribe", "w:the", "w:filler1"))).isGreaterThan(0.9);
    assertThat(model.probability(Set.of("w:match", "w:the", "w:filler1"))).isLessThan(0.1);
  }

  @Test
  void shouldLeaveOutFeaturesSeenInFewerArticlesThanTheMinimum() {
    assertThat(Training.fit(examples(), 10, 1).weights()).containsKey("w:once");
    assertThat(Training.fit(examples(), 10, 2).weights())
        .doesNotContainKey("w:once")
        .containsKey("w:bribe");
  }

  @Test
  void shouldFitTheSameModelEveryTime() {
    LinearModel first = Training.fit(examples(), 10, 1);
    LinearModel second = Training.fit(examples(), 10, 1);

    assertThat(second.bias()).isEqualTo(first.bias());
    assertThat(second.weights()).isEqualTo(first.weights());
  }
}
