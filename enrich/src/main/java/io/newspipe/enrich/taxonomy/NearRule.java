package io.newspipe.enrich.taxonomy;

import java.util.List;

/**
 * Co-occurrence: any of {@code any} within {@code within} words of any of {@code of}, in the same
 * field. It catches wording a phrase list cannot enumerate ("interfere" ... "in US elections")
 * while keeping either word alone from counting. Rule id {@code near:<id>}.
 */
public record NearRule(String id, List<String> any, List<String> of, int within, double weight) {

  public NearRule {
    any = List.copyOf(any);
    of = List.copyOf(of);
  }

  public String ruleId() {
    return "near:" + id;
  }
}
