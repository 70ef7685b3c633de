package io.newspipe.enrich.tagging;

import java.util.List;

/**
 * What a tag's rules found in one article, whether or not it reached the threshold: {@code score}
 * (evidence minus subtracting exclusions; 0 when an exclusion vetoed the tag), the ids of the rules
 * whose evidence counted, and the ids of the exclusions that matched.
 */
public record RuleScore(
    String tag,
    double score,
    double threshold,
    boolean vetoed,
    List<String> rules,
    List<String> exclusions) {

  public RuleScore {
    rules = List.copyOf(rules);
    exclusions = List.copyOf(exclusions);
  }

  public boolean reaches() {
    return !vetoed && !rules.isEmpty() && score >= threshold;
  }
}
