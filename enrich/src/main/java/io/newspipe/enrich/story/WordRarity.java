package io.newspipe.enrich.story;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * How rare each word is in recent copy: a document frequency per word hash that halves every {@link
 * #HALF_LIFE_MILLIS} of event time, and the same decayed count of documents, kept in a store
 * ({@link StoryIndex#WORD_COUNTS}). A word's weight is its smoothed inverse document frequency
 * {@code ln((N + 1) / (df + 0.5))}: "quarterly" and "dividend", in every notice of a busy day,
 * weigh little; a company's name, in a handful of reports, weighs much.
 *
 * <p>Deterministic: time is the stream time (the latest publication time seen, kept in the store),
 * never the wall clock, so a replay of the same log weighs every word the same. A count not touched
 * for {@link #FORGET_AFTER_HALF_LIVES} half-lives reads as zero ({@code 2^-12} of what it was), and
 * {@link #purge} deletes exactly those entries, so purging changes no weight.
 */
final class WordRarity {

  /** Half-life of a count, in event time: a week. */
  static final long HALF_LIFE_MILLIS = 7L * 24 * 60 * 60 * 1000;

  /** A count this many half-lives old reads as zero and may be deleted. */
  static final int FORGET_AFTER_HALF_LIVES = 12;

  /**
   * Documents assumed seen, none with the word, before the first real one: without them a young
   * stream (a test, a fresh install, a small evaluation) would call every shared word common, since
   * with two documents a word in both is in all of them. Negligible once a day of copy is counted.
   */
  static final double PRIOR_DOCUMENTS = 100;

  /** Key of the document count and stream time (word keys are hex hashes: never this). */
  static final String DOCUMENTS = "#documents";

  /** Counts kept decoded in memory: every article reads and writes a count for each word. */
  static final int CACHED_COUNTS = 100_000;

  private final KeyValueStore<String, byte[]> counts;

  // The latest count of recently read or written words, written through; only counts that exist
  // are cached (computeIfAbsent keeps no null), and the purge clears it.
  private final Map<String, Count> cache = StoryIndex.lru(CACHED_COUNTS);

  WordRarity(KeyValueStore<String, byte[]> counts) {
    this.counts = Objects.requireNonNull(counts, "counts");
  }

  private Count read(String key) {
    return cache.computeIfAbsent(key, k -> Count.decode(counts.get(k)));
  }

  private void write(String key, Count count) {
    counts.put(key, count.encode());
    cache.put(key, count);
  }

  /**
   * Counts one new document of these words published at {@code published}, then returns each word's
   * weight (in the order given). Counting first means a word never seen before has a document
   * frequency of one: the document itself.
   */
  double[] countAndWeigh(long[] words, long published) {
    Count documents = read(DOCUMENTS);
    long now = documents == null ? published : Math.max(documents.time(), published);
    double n = (documents == null ? 0 : documents.at(now)) + 1;
    write(DOCUMENTS, new Count(now, n));
    double[] weights = new double[words.length];
    for (int i = 0; i < words.length; i++) {
      String key = Long.toHexString(words[i]);
      Count word = read(key);
      double df = (word == null ? 0 : word.at(now)) + 1;
      write(key, new Count(now, df));
      weights[i] = Math.log((n + PRIOR_DOCUMENTS + 1) / (df + 0.5));
    }
    return weights;
  }

  /**
   * Deletes the counts that already read as zero at the current stream time.
   *
   * @return entries deleted
   */
  int purge() {
    cache.clear();
    Count documents = Count.decode(counts.get(DOCUMENTS));
    if (documents == null) {
      return 0;
    }
    long cutoff = documents.time() - FORGET_AFTER_HALF_LIVES * HALF_LIFE_MILLIS;
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> all = counts.all()) {
      while (all.hasNext()) {
        KeyValue<String, byte[]> next = all.next();
        if (!DOCUMENTS.equals(next.key) && Count.decode(next.value).time() < cutoff) {
          expired.add(next.key);
        }
      }
    }
    expired.forEach(counts::delete);
    return expired.size();
  }

  /** A count as of {@code time} (event time, epoch millis). */
  private record Count(long time, double count) {

    double at(long now) {
      long age = now - time;
      if (age <= 0) {
        return count;
      }
      if (age >= FORGET_AFTER_HALF_LIVES * HALF_LIFE_MILLIS) {
        return 0;
      }
      return count * Math.pow(0.5, (double) age / HALF_LIFE_MILLIS);
    }

    byte[] encode() {
      return ByteBuffer.allocate(Long.BYTES + Double.BYTES).putLong(time).putDouble(count).array();
    }

    static Count decode(byte[] value) {
      if (value == null) {
        return null;
      }
      ByteBuffer buffer = ByteBuffer.wrap(value);
      return new Count(buffer.getLong(), buffer.getDouble());
    }
  }
}
