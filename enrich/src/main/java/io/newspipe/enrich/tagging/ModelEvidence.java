package io.newspipe.enrich.tagging;

import io.newspipe.enrich.classify.Features;
import io.newspipe.enrich.classify.LinearModel;
import io.newspipe.enrich.taxonomy.TagModel;
import io.newspipe.enrich.text.Token;
import io.newspipe.schemas.Evidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The evidence a model gives for a tag: the words and word pairs of the article that weigh most for
 * it, each quoted where it first occurs, with the rule {@code model:<tag id>}.
 */
final class ModelEvidence {

  /** How many words or pairs a model's evidence quotes. */
  static final int WORDS = 3;

  private record Candidate(double weight, Field field, int start, int end) {}

  private ModelEvidence() {}

  static List<Evidence> strongest(
      TagModel model, Map<Field, String> texts, Map<Field, List<Token>> tokens) {
    LinearModel linear = model.linear();
    List<Candidate> candidates = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (Map.Entry<Field, List<Token>> field : tokens.entrySet()) {
      Field at = field.getKey();
      Features.walk(
          field.getValue(),
          at == Field.HEADLINE,
          new Features.Walk() {
            @Override
            public void word(long key, long stemKey, long headlineKey, Token token) {
              double weight = linear.weight(key) + linear.weight(stemKey);
              if (headlineKey != 0) {
                weight += linear.weight(headlineKey);
              }
              if (weight > 0 && seen.add(key)) {
                candidates.add(new Candidate(weight, at, token.start(), token.end()));
              }
            }

            @Override
            public void pair(long key, Token first, Token second) {
              double weight = linear.weight(key);
              if (weight > 0 && seen.add(key)) {
                candidates.add(new Candidate(weight, at, first.start(), second.end()));
              }
            }
          });
    }
    candidates.sort(Comparator.comparingDouble(Candidate::weight).reversed());
    List<Candidate> top =
        new ArrayList<>(candidates.subList(0, Math.min(WORDS, candidates.size())));
    top.sort(Comparator.comparing(Candidate::field).thenComparingInt(Candidate::start));
    String rule = "model:" + model.file();
    List<Evidence> evidence = new ArrayList<>(top.size());
    for (Candidate c : top) {
      evidence.add(
          Evidence.newBuilder()
              .setField(c.field().key())
              .setStart(c.start())
              .setEnd(c.end())
              .setText(texts.get(c.field()).substring(c.start(), c.end()))
              .setRule(rule)
              .build());
    }
    return evidence;
  }
}
