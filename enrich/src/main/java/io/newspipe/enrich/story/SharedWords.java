package io.newspipe.enrich.story;

/**
 * Walks the words two ascending, distinct word-hash arrays share, one merge step at a time: {@code
 * for (SharedWords s = new SharedWords(a, b); s.next(); ) use(a[s.i], b[s.j]);}. Cosine,
 * containment and Jaccard similarity all sum over exactly these pairs.
 */
final class SharedWords {

  private final long[] a;
  private final long[] b;

  /** Index in the first array of the current shared word. */
  int i = -1;

  /** Index in the second array of the current shared word. */
  int j = -1;

  SharedWords(long[] a, long[] b) {
    this.a = a;
    this.b = b;
  }

  /** Moves to the next shared word; false when there is none. */
  boolean next() {
    i++;
    j++;
    while (i < a.length && j < b.length) {
      int c = Long.compare(a[i], b[j]);
      if (c == 0) {
        return true;
      }
      if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    return false;
  }
}
