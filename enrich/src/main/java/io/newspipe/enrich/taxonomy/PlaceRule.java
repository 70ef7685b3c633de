package io.newspipe.enrich.taxonomy;

import java.util.Set;

/**
 * Geographic evidence: every mention of a gazetteer entry in one of {@code regions} counts {@code
 * weight}, or {@code ambiguousWeight} for aliases that are often something else ("Jordan",
 * "Turkey"). Rule id {@code place:<entry name>}.
 *
 * <p>"Substantially about" is judged by position and repetition, not by a keyword: a mention in the
 * body's first {@code leadWords} words (the lead, where wire stories say what they are about)
 * counts {@code leadWeight}; each further mention of the same place counts {@code repeat} times the
 * one before; a mention right next to another place ("Saudi Arabia, Kuwait and Venezuela") is a
 * list item and counts {@code listWeight}, so a passing list of countries does not make a story
 * about them.
 */
public record PlaceRule(
    Set<String> regions,
    double weight,
    double ambiguousWeight,
    double leadWeight,
    int leadWords,
    double repeat,
    double listWeight) {

  public PlaceRule {
    regions = Set.copyOf(regions);
  }

  /** Plain counting: no lead bonus, halving repeats, lists count like any mention. */
  public PlaceRule(Set<String> regions, double weight, double ambiguousWeight) {
    this(regions, weight, ambiguousWeight, weight, 0, 0.5, weight);
  }
}
