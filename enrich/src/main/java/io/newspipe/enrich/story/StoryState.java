package io.newspipe.enrich.story;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * What story clustering remembers of a story as a whole ({@link StoryIndex#STORY_STATE}): its
 * start, how many articles it has, the names they agree on ({@link StoryNames}), and its centroid,
 * the sum of its members' word vectors (each of length one, words weighted by {@link WordRarity}),
 * cut to its {@value #CENTROID_WORDS} heaviest words. An article joins a story when it resembles
 * this centroid, not when it resembles one member: look-alikes cannot chain.
 *
 * @param indexed wall-clock time of the last change, epoch millis (first, so that the purge reads
 *     it like the other index entries)
 * @param start publication time of the story's first article, epoch millis
 * @param latest publication time of its latest article (the greatest so far), epoch millis
 * @param words word hashes of the centroid, ascending
 * @param weights their weights
 * @param payout whether its first article's headline announces a payout ({@link
 *     StoryText#announcesPayout})
 * @param headlineNames word hashes of the names in its first article's headline ({@link
 *     StoryText#headlineNames}), ascending
 */
record StoryState(
    long indexed,
    String id,
    long start,
    long latest,
    int size,
    StoryNames names,
    long[] words,
    double[] weights,
    boolean payout,
    long[] headlineNames) {

  /** Words a centroid keeps. */
  static final int CENTROID_WORDS = 96;

  /** A story of one article. */
  static StoryState first(
      String id,
      long start,
      long indexed,
      StoryNames names,
      long[] words,
      double[] weights,
      boolean payout,
      long[] headlineNames) {
    return new StoryState(
        indexed, id, start, start, 1, names, words, unit(weights), payout, headlineNames);
  }

  /** This story with one more article, published at {@code published}. */
  StoryState plus(
      long now, long published, StoryNames more, long[] moreWords, double[] moreWeights) {
    // Both word lists are ascending and distinct: one merge sums them (each shared word as
    // centroid weight + article weight, the same addition as before), already in word order.
    double[] unit = unit(moreWeights);
    long[] w = new long[words.length + moreWords.length];
    double[] v = new double[w.length];
    int n = 0;
    int i = 0;
    int j = 0;
    while (i < words.length || j < moreWords.length) {
      if (j == moreWords.length || (i < words.length && words[i] < moreWords[j])) {
        w[n] = words[i];
        v[n++] = weights[i++];
      } else if (i == words.length || moreWords[j] < words[i]) {
        w[n] = moreWords[j];
        v[n++] = unit[j++];
      } else {
        w[n] = words[i];
        v[n++] = weights[i++] + unit[j++];
      }
    }
    if (n > CENTROID_WORDS) {
      // Keep the heaviest; equal weights by hash, so the cut never depends on order.
      Integer[] order = new Integer[n];
      for (int k = 0; k < n; k++) {
        order[k] = k;
      }
      double[] weight = v;
      long[] word = w;
      Arrays.sort(
          order,
          Comparator.comparingDouble((Integer k) -> -weight[k]).thenComparingLong(k -> word[k]));
      boolean[] kept = new boolean[n];
      for (int k = 0; k < CENTROID_WORDS; k++) {
        kept[order[k]] = true;
      }
      int m = 0;
      for (int k = 0; k < n; k++) {
        if (kept[k]) {
          w[m] = w[k];
          v[m++] = v[k];
        }
      }
      n = m;
    }
    return new StoryState(
        now,
        id,
        start,
        Math.max(latest, published),
        size + 1,
        names.union(more),
        Arrays.copyOf(w, n),
        Arrays.copyOf(v, n),
        payout,
        headlineNames);
  }

  /**
   * Cosine similarity of an article's weighted words ({@code articleWords} ascending) with the
   * centroid.
   */
  double similarity(long[] articleWords, double[] articleWeights) {
    double dot = 0;
    for (SharedWords shared = new SharedWords(articleWords, words); shared.next(); ) {
      dot += articleWeights[shared.i] * weights[shared.j];
    }
    double norm = norm(articleWeights) * norm(weights);
    return norm == 0 ? 0 : dot / norm;
  }

  /**
   * Share of the rarity weight of the side with fewer words, the article or the centroid, that the
   * other side holds too: 1 when every word of a headline-only flash is in the story, or every word
   * of a story that is one flash is in the article. Cosine cannot tell a flash from a look-alike:
   * five words against fifty score low however well they match. 0 when the short side's heaviest
   * word is missing: a flash's rarest word says whom it is about ("ORMSBY SUSPENDS QUARTERLY
   * DIVIDEND" is not contained in Quillmark's suspension, however much else it shares).
   */
  double containment(long[] articleWords, double[] articleWeights) {
    boolean articleShorter = articleWords.length <= words.length;
    double[] shortWeights = articleShorter ? articleWeights : weights;
    double total = 0;
    double heaviest = 0;
    for (double w : shortWeights) {
      total += w;
      heaviest = Math.max(heaviest, w);
    }
    double shared = 0;
    boolean heaviestShared = false;
    for (SharedWords word = new SharedWords(articleWords, words); word.next(); ) {
      double w = articleShorter ? articleWeights[word.i] : weights[word.j];
      shared += w;
      heaviestShared |= w == heaviest;
    }
    return total == 0 || !heaviestShared ? 0 : shared / total;
  }

  private static double norm(double[] v) {
    double sum = 0;
    for (double x : v) {
      sum += x * x;
    }
    return Math.sqrt(sum);
  }

  private static double[] unit(double[] v) {
    double norm = norm(v);
    double[] unit = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      unit[i] = norm == 0 ? 0 : v[i] / norm;
    }
    return unit;
  }

  byte[] encode() {
    byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer =
        ByteBuffer.allocate(
            2 * Long.BYTES
                + 3 * Integer.BYTES
                + idBytes.length
                + names.encodedSize()
                + words.length * (Long.BYTES + Double.BYTES)
                + Long.BYTES
                + 1
                + Integer.BYTES
                + headlineNames.length * Long.BYTES);
    buffer.putLong(indexed).putLong(start).putInt(size);
    buffer.putInt(idBytes.length).put(idBytes);
    names.writeTo(buffer);
    buffer.putInt(words.length);
    for (int i = 0; i < words.length; i++) {
      buffer.putLong(words[i]).putDouble(weights[i]);
    }
    buffer.putLong(latest); // after the words: a state stored before it decodes with latest = start
    buffer.put((byte) (payout ? 1 : 0)); // a state stored before it decodes as no payout
    buffer.putInt(headlineNames.length); // last: a state stored before it decodes with none
    for (long name : headlineNames) {
      buffer.putLong(name);
    }
    return buffer.array();
  }

  static StoryState decode(byte[] value) {
    if (value == null) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.wrap(value);
    long indexed = buffer.getLong();
    long start = buffer.getLong();
    int size = buffer.getInt();
    byte[] idBytes = new byte[buffer.getInt()];
    buffer.get(idBytes);
    StoryNames names = StoryNames.readFrom(buffer);
    int n = buffer.getInt();
    long[] words = new long[n];
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      words[i] = buffer.getLong();
      weights[i] = buffer.getDouble();
    }
    long latest = buffer.remaining() >= Long.BYTES ? buffer.getLong() : start;
    boolean payout = buffer.hasRemaining() && buffer.get() == 1;
    long[] headlineNames = new long[buffer.remaining() >= Integer.BYTES ? buffer.getInt() : 0];
    for (int i = 0; i < headlineNames.length; i++) {
      headlineNames[i] = buffer.getLong();
    }
    return new StoryState(
        indexed,
        new String(idBytes, StandardCharsets.UTF_8),
        start,
        latest,
        size,
        names,
        words,
        weights,
        payout,
        headlineNames);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoryState s
        && indexed == s.indexed
        && id.equals(s.id)
        && start == s.start
        && latest == s.latest
        && size == s.size
        && names.equals(s.names)
        && Arrays.equals(words, s.words)
        && Arrays.equals(weights, s.weights)
        && payout == s.payout
        && Arrays.equals(headlineNames, s.headlineNames);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(words) * 31 + id.hashCode();
  }

  @Override
  public String toString() {
    return "StoryState[" + id + ", " + size + " articles, " + names + "]";
  }
}
