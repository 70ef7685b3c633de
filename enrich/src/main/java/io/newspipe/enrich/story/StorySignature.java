package io.newspipe.enrich.story;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What story clustering knows of an article version: the hashed set of its {@link StoryText} words,
 * compared by Jaccard similarity (shared words / all words), and the MinHash locality-sensitive
 * band keys under which similar articles are found without comparing against every article.
 *
 * <p>MinHash: for each of {@value #BANDS} x {@value #ROWS} seeded hash functions, the smallest hash
 * of any word; two sets agree on one of them with probability equal to their Jaccard similarity. A
 * band is {@value #ROWS} consecutive minima; two articles share at least one of the {@value #BANDS}
 * bands with probability {@code 1 - (1 - J^2)^20}: 0.52 at J = 0.2, 0.85 at J = 0.3, 0.97 at J =
 * 0.4. Sharing a band only makes an article a candidate; the exact Jaccard similarity of the word
 * sets decides.
 *
 * <p>Every hash is a fixed function of the word's UTF-8 bytes (FNV-1a 64 and the SplitMix64 mixer,
 * fixed seeds): the same article has the same signature on every instance, JVM and run.
 */
public final class StorySignature {

  /** Bands of the locality-sensitive index. */
  public static final int BANDS = 32;

  /** MinHash values per band. */
  public static final int ROWS = 2;

  /** The signature of no words: never similar to anything. */
  public static final StorySignature EMPTY = new StorySignature(new long[0]);

  private static final long[] SEEDS = seeds(BANDS * ROWS);

  private final long[] words;
  private List<String> bandKeys; // computed on first use: a signature is read many times

  private StorySignature(long[] sortedDistinctHashes) {
    this.words = sortedDistinctHashes;
  }

  /** The signature of an article's headline, sub-headline (may be null) and body. */
  public static StorySignature of(String headline, String subheadline, String body) {
    return ofWords(StoryText.words(headline, subheadline, body));
  }

  /** The signature of a set of (already normalised) words. */
  public static StorySignature ofWords(List<String> words) {
    long[] hashes = new long[words.size()];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = hash(words.get(i));
    }
    return ofHashes(hashes);
  }

  /** A signature from word hashes, e.g. as stored; order and repeats do not matter. */
  public static StorySignature ofHashes(long[] hashes) {
    for (int i = 1; i < hashes.length; i++) {
      if (hashes[i - 1] >= hashes[i]) {
        return new StorySignature(Arrays.stream(hashes).sorted().distinct().toArray());
      }
    }
    return new StorySignature(hashes.clone()); // as stored: already sorted and distinct
  }

  /** The word hashes, sorted ascending (a copy). */
  public long[] hashes() {
    return words.clone();
  }

  /** Number of distinct words. */
  public int size() {
    return words.length;
  }

  /**
   * The band keys, {@code "<band>:<hex>"}, one per band; empty when there are no words. Equal keys
   * mean the two articles agree on every MinHash value of that band.
   */
  public List<String> bandKeys() {
    if (bandKeys == null) {
      bandKeys = computeBandKeys();
    }
    return bandKeys;
  }

  private List<String> computeBandKeys() {
    if (words.length == 0) {
      return List.of();
    }
    long[] minima = new long[BANDS * ROWS];
    Arrays.fill(minima, Long.MAX_VALUE);
    for (long word : words) {
      for (int i = 0; i < minima.length; i++) {
        long h = mix(word ^ SEEDS[i]);
        if (h < minima[i]) {
          minima[i] = h;
        }
      }
    }
    List<String> keys = new ArrayList<>(BANDS);
    StringBuilder key = new StringBuilder(19);
    for (int band = 0; band < BANDS; band++) {
      long value = band;
      for (int row = 0; row < ROWS; row++) {
        value = mix(value * 31 + minima[band * ROWS + row]);
      }
      key.setLength(0);
      key.append((char) ('0' + band / 10)).append((char) ('0' + band % 10)).append(':');
      String hex = Long.toHexString(value);
      key.append("0".repeat(16 - hex.length())).append(hex);
      keys.add(key.toString());
    }
    return List.copyOf(keys);
  }

  /** Jaccard similarity of the two word sets: 1 for equal sets, 0 if either is empty. */
  public double jaccard(StorySignature other) {
    long[] a = words;
    long[] b = other.words;
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    int shared = 0;
    for (SharedWords word = new SharedWords(a, b); word.next(); ) {
      shared++;
    }
    return (double) shared / (a.length + b.length - shared);
  }

  static long hash(String word) {
    long h = 0xcbf29ce484222325L;
    for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  /** The SplitMix64 finaliser: spreads every input bit over the whole output. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static long[] seeds(int n) {
    long[] seeds = new long[n];
    long state = 0x6e65777370697065L; // "newspipe": fixed, so signatures never change between runs
    for (int i = 0; i < n; i++) {
      state += 0x9e3779b97f4a7c15L;
      seeds[i] = mix(state);
    }
    return seeds;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StorySignature s && Arrays.equals(words, s.words);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(words);
  }

  @Override
  public String toString() {
    return "StorySignature[" + words.length + " words]";
  }
}
