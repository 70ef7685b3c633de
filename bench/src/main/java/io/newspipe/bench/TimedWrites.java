package io.newspipe.bench;

import io.newspipe.schemas.TaggedArticle;
import io.newspipe.store.ArticleWrites;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The store as the sink sees it, noting for each article when its transaction committed: the
 * latency of an article is that moment minus its publication time, which is its record timestamp on
 * the raw topic.
 */
final class TimedWrites implements ArticleWrites {

  private final ArticleWrites store;
  private final String idPrefix;
  private final List<Long> latenciesMillis = new ArrayList<>();
  private final List<Long> publishedMillis = new ArrayList<>(); // same order as latenciesMillis

  /**
   * @param idPrefix only articles whose id starts with it are timed (not the warm-up)
   */
  TimedWrites(ArticleWrites store, String idPrefix) {
    this.store = store;
    this.idPrefix = idPrefix;
  }

  @Override
  public void write(
      List<TaggedArticle> batch, String group, Map<TopicPartition, Long> nextOffsets) {
    store.write(batch, group, nextOffsets);
    long committed = System.currentTimeMillis();
    synchronized (latenciesMillis) {
      for (TaggedArticle a : batch) {
        if (a.getArticle().getId().startsWith(idPrefix)) {
          long published = a.getArticle().getPublishedAt().toEpochMilli();
          latenciesMillis.add(committed - published);
          publishedMillis.add(published);
        }
      }
    }
  }

  @Override
  public Map<TopicPartition, Long> offsets(String group) {
    return store.offsets(group);
  }

  int count() {
    synchronized (latenciesMillis) {
      return latenciesMillis.size();
    }
  }

  /** The latency below which {@code fraction} of the timed articles were stored, in ms. */
  long percentile(double fraction) {
    return percentile(fraction, Long.MIN_VALUE);
  }

  /**
   * The latency below which {@code fraction} of the timed articles published at or after {@code
   * fromMillis} (epoch millis) were stored, in ms; -1 when there are none.
   */
  long percentile(double fraction, long fromMillis) {
    synchronized (latenciesMillis) {
      List<Long> sorted = new ArrayList<>();
      for (int i = 0; i < latenciesMillis.size(); i++) {
        if (publishedMillis.get(i) >= fromMillis) {
          sorted.add(latenciesMillis.get(i));
        }
      }
      sorted.sort(null);
      if (sorted.isEmpty()) {
        return -1;
      }
      int index = (int) Math.ceil(fraction * sorted.size()) - 1;
      return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
  }

  /**
   * The highest latency of the articles published in each second from {@code startMillis} (epoch
   * millis), in order: where in the run the slow ones were (0 for a second without articles).
   */
  List<Long> worstBySecond(long startMillis, int seconds) {
    long[] worst = new long[seconds];
    synchronized (latenciesMillis) {
      for (int i = 0; i < latenciesMillis.size(); i++) {
        long second = (publishedMillis.get(i) - startMillis) / 1000;
        if (second >= 0 && second < seconds) {
          worst[(int) second] = Math.max(worst[(int) second], latenciesMillis.get(i));
        }
      }
    }
    return Arrays.stream(worst).boxed().toList();
  }
}
