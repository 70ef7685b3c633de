package io.newspipe.ingest.conformance;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The article-extraction benchmark's measure: texts split into lower-cased words, 4-word shingles
 * counted as a multiset, precision = shared / predicted and recall = shared / expected for one
 * page. A page with no predicted shingles scores precision 0 (an empty answer is not a correct
 * one).
 */
record ShingleScore(double precision, double recall) {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");
  private static final int N = 4;

  static ShingleScore of(String expected, String predicted) {
    Map<String, Integer> truth = shingles(expected);
    Map<String, Integer> guess = shingles(predicted);
    int truthTotal = truth.values().stream().mapToInt(Integer::intValue).sum();
    int guessTotal = guess.values().stream().mapToInt(Integer::intValue).sum();
    int shared = 0;
    for (Map.Entry<String, Integer> e : guess.entrySet()) {
      shared += Math.min(e.getValue(), truth.getOrDefault(e.getKey(), 0));
    }
    double precision = guessTotal == 0 ? 0 : (double) shared / guessTotal;
    double recall = truthTotal == 0 ? 1 : (double) shared / truthTotal;
    return new ShingleScore(precision, recall);
  }

  static Map<String, Integer> shingles(String text) {
    List<String> words =
        text == null
            ? List.of()
            : WORD.matcher(text.toLowerCase(Locale.ROOT))
                .results()
                .map(MatchResult::group)
                .toList();
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i + N <= words.size(); i++) {
      out.merge(String.join(" ", words.subList(i, i + N)), 1, Integer::sum);
    }
    if (out.isEmpty() && !words.isEmpty()) {
      out.put(String.join(" ", words), 1); // a text shorter than one shingle is its own shingle
    }
    return out;
  }

  static double f1(double precision, double recall) {
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }
}
