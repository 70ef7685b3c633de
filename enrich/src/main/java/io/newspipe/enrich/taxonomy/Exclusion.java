package io.newspipe.enrich.taxonomy;

import java.util.List;

/**
 * A hard negative: text that shows the article is about something else that shares vocabulary with
 * the tag (doping for narcotics, pass interference for election interference). Either {@code terms}
 * or {@code near} says what to look for. A veto removes the tag whatever its score; otherwise
 * {@code weight} is subtracted once from the score.
 */
public record Exclusion(String id, List<String> terms, NearRule near, boolean veto, double weight) {

  public Exclusion {
    terms = List.copyOf(terms);
  }
}
