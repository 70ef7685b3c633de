package io.newspipe.enrich.taxonomy;

/** A phrase that is evidence for a tag each time it occurs; rule id {@code phrase:<term>}. */
public record PhraseRule(String term, double weight) {

  public String ruleId() {
    return "phrase:" + term;
  }
}
