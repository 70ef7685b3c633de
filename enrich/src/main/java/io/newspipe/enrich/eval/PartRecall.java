package io.newspipe.enrich.eval;

import java.util.List;

/**
 * Recall of one tag on the items labelled with one part of its definition (an item labelled with
 * the tag but no part counts under {@link #UNSPECIFIED}).
 */
public record PartRecall(String tag, String part, int found, int missed, List<String> missedIds) {

  /** The part of an item that is labelled with a tag but names no part for it. */
  public static final String UNSPECIFIED = "(no part)";

  public PartRecall {
    missedIds = List.copyOf(missedIds);
  }

  /** Items labelled with this part. */
  public int support() {
    return found + missed;
  }

  /** 1.0 when there is nothing to find. */
  public double recall() {
    return support() == 0 ? 1.0 : (double) found / support();
  }
}
