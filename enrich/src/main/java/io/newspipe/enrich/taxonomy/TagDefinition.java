package io.newspipe.enrich.taxonomy;

import java.util.List;
import java.util.Map;

/**
 * One tag of the taxonomy and the rules that give it. The tag is given when the weighted score of
 * its evidence, minus exclusions, reaches {@code threshold}. {@code fieldWeights} multiply the
 * weight of evidence found in each field (headline counts more than body).
 */
public record TagDefinition(
    String id,
    String label,
    String description,
    List<String> mediaTopics,
    double threshold,
    Map<String, Double> fieldWeights,
    List<PhraseRule> phrases,
    List<NearRule> near,
    PlaceRule places,
    List<Exclusion> exclusions,
    TagModel model) {

  public TagDefinition {
    mediaTopics = List.copyOf(mediaTopics);
    fieldWeights = Map.copyOf(fieldWeights);
    phrases = List.copyOf(phrases);
    near = List.copyOf(near);
    exclusions = List.copyOf(exclusions);
  }

  /** The weight of evidence in {@code field}; fields not listed count 1.0. */
  public double fieldWeight(String field) {
    return fieldWeights.getOrDefault(field, 1.0);
  }
}
