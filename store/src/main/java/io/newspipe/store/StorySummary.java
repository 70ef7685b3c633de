package io.newspipe.store;

import java.util.List;

/**
 * How big a story is: its (non-withdrawn) reports and the sources that gave them.
 *
 * @param sources distinct source ids, alphabetical
 */
public record StorySummary(String storyId, long reports, List<String> sources) {

  public StorySummary {
    sources = List.copyOf(sources);
  }
}
