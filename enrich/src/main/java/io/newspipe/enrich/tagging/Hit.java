package io.newspipe.enrich.tagging;

/**
 * One occurrence of a taxonomy term in one field: token range {@code [from, to]} (inclusive),
 * character range {@code [start, end)} in the field's original text, and the paragraph it starts
 * in.
 */
record Hit(Field field, int from, int to, int start, int end, int paragraph) {

  /**
   * Words between two disjoint hits in the same paragraph, counting adjacent words as 1; -1 if they
   * overlap or are in different fields or paragraphs.
   */
  int distanceTo(Hit other) {
    if (other.field != field || other.paragraph != paragraph) {
      return -1;
    }
    if (other.from > to) {
      return other.from - to;
    }
    if (from > other.to) {
      return from - other.to;
    }
    return -1;
  }

  boolean sameSpan(Hit other) {
    return field == other.field && from == other.from && to == other.to;
  }
}
