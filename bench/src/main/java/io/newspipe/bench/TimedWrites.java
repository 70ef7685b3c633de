package io.newspipe.bench;

import io.newspipe.schemas.TaggedArticle;
import io.newspipe.store.ArticleWrites;
import java.util.ArrayList;
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
          latenciesMillis.add(committed - a.getArticle().getPublishedAt().toEpochMilli());
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
    synchronized (latenciesMillis) {
      List<Long> sorted = latenciesMillis.stream().sorted().toList();
      if (sorted.isEmpty()) {
        return -1;
      }
      int index = (int) Math.ceil(fraction * sorted.size()) - 1;
      return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
  }
}
