package io.newspipe.enrich.story;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What story clustering remembers of a story as a whole ({@link StoryIndex#STORY_STATE}): its
 * start, how many articles it has, the names they agree on ({@link StoryNames}), and its centroid,
 * the sum of its members' word vectors (each of length one, words weighted by {@link WordRarity}),
 * cut to its {@value #CENTROID_WORDS} heaviest words. An article joins a story when it resembles
 * this centroid, not when it resembles one member: look-alikes cannot chain.
 *
 * @param indexed wall-clock time of the last change, epoch millis (first, so that the purge reads
 *     it like the other index entries)
 * @param words word hashes of the centroid, ascending
 * @param weights their weights
 */
record StoryState(
    long indexed,
    String id,
    long start,
    int size,
    StoryNames names,
    long[] words,
    double[] weights) {

  /** Words a centroid keeps. */
  static final int CENTROID_WORDS = 96;

  /** A story of one article. */
  static StoryState first(
      String id, long start, long indexed, StoryNames names, long[] words, double[] weights) {
    return new StoryState(indexed, id, start, 1, names, words, unit(weights));
  }

  /** This story with one more article. */
  StoryState plus(long now, StoryNames more, long[] moreWords, double[] moreWeights) {
    Map<Long, Double> sum = new HashMap<>();
    for (int i = 0; i < words.length; i++) {
      sum.merge(words[i], weights[i], Double::sum);
    }
    double[] unit = unit(moreWeights);
    for (int i = 0; i < moreWords.length; i++) {
      sum.merge(moreWords[i], unit[i], Double::sum);
    }
    List<Map.Entry<Long, Double>> heaviest = new ArrayList<>(sum.entrySet());
    // Heaviest first; equal weights by hash, so the cut never depends on map order.
    heaviest.sort(
        Comparator.comparingDouble((Map.Entry<Long, Double> e) -> -e.getValue())
            .thenComparingLong(Map.Entry::getKey));
    if (heaviest.size() > CENTROID_WORDS) {
      heaviest = heaviest.subList(0, CENTROID_WORDS);
    }
    heaviest.sort(Map.Entry.comparingByKey());
    long[] w = new long[heaviest.size()];
    double[] v = new double[heaviest.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = heaviest.get(i).getKey();
      v[i] = heaviest.get(i).getValue();
    }
    return new StoryState(now, id, start, size + 1, names.union(more), w, v);
  }

  /**
   * Cosine similarity of an article's weighted words ({@code articleWords} ascending) with the
   * centroid.
   */
  double similarity(long[] articleWords, double[] articleWeights) {
    double dot = 0;
    int i = 0;
    int j = 0;
    while (i < articleWords.length && j < words.length) {
      int c = Long.compare(articleWords[i], words[j]);
      if (c == 0) {
        dot += articleWeights[i] * weights[j];
        i++;
        j++;
      } else if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    double norm = norm(articleWeights) * norm(weights);
    return norm == 0 ? 0 : dot / norm;
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
                + words.length * (Long.BYTES + Double.BYTES));
    buffer.putLong(indexed).putLong(start).putInt(size);
    buffer.putInt(idBytes.length).put(idBytes);
    names.writeTo(buffer);
    buffer.putInt(words.length);
    for (int i = 0; i < words.length; i++) {
      buffer.putLong(words[i]).putDouble(weights[i]);
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
    return new StoryState(
        indexed, new String(idBytes, StandardCharsets.UTF_8), start, size, names, words, weights);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoryState s
        && indexed == s.indexed
        && id.equals(s.id)
        && start == s.start
        && size == s.size
        && names.equals(s.names)
        && Arrays.equals(words, s.words)
        && Arrays.equals(weights, s.weights);
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
