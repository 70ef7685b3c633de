package io.newspipe.enrich.taxonomy;

import java.util.Set;

/**
 * Geographic evidence: every mention of a gazetteer entry in one of {@code regions} counts {@code
 * weight}, or {@code ambiguousWeight} for aliases that are often something else ("Jordan",
 * "Turkey"). Rule id {@code place:<entry name>}.
 */
public record PlaceRule(Set<String> regions, double weight, double ambiguousWeight) {

  public PlaceRule {
    regions = Set.copyOf(regions);
  }
}
