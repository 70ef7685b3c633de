package io.newspipe.notify.watch;

import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.TopicSet;
import io.newspipe.schemas.Watch;
import io.newspipe.store.QueryMatcher;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches each tagged article against every saved search in the global store {@value #STORE} (the
 * whole {@code news.watches} topic, on every instance) and forwards one {@link WatchMatch} per
 * matching watch. A watch saved after an article was tagged does not see that article.
 */
public final class MatchWatches implements FixedKeyProcessor<String, TaggedArticle, WatchMatch> {

  /** The global store of saved searches (watch id to {@link Watch}). */
  public static final String STORE = "watch-definitions";

  private static final Logger LOG = LoggerFactory.getLogger(MatchWatches.class);

  private final TopicSet topics;
  private FixedKeyProcessorContext<String, WatchMatch> context;
  private ReadOnlyKeyValueStore<String, ValueAndTimestamp<Watch>> watches;
  private QueryMatcher matcher;
  private WatchFilter filter;

  public MatchWatches(TopicSet topics) {
    this.topics = topics;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, WatchMatch> context) {
    this.context = context;
    this.watches = context.getStateStore(STORE);
    this.matcher = QueryMatcher.open();
    this.filter = new WatchFilter(matcher);
  }

  @Override
  public void process(FixedKeyRecord<String, TaggedArticle> record) {
    TaggedArticle article = record.value();
    if (article == null) {
      return;
    }
    try (KeyValueIterator<String, ValueAndTimestamp<Watch>> all = watches.all()) {
      while (all.hasNext()) {
        KeyValue<String, ValueAndTimestamp<Watch>> entry = all.next();
        Watch watch = entry.value == null ? null : entry.value.value();
        if (watch != null && matches(watch, article)) {
          context.forward(
              record.withValue(new WatchMatch(watch, topics.watch(watch.getId()).name(), article)));
        }
      }
    }
  }

  /** A broken definition (one written around the API) is skipped, never the article. */
  private boolean matches(Watch watch, TaggedArticle article) {
    try {
      return filter.matches(watch, article);
    } catch (IllegalArgumentException e) {
      LOG.warn(
          "saved search {} cannot be matched and is skipped: {}", watch.getId(), e.getMessage());
      return false;
    }
  }

  @Override
  public void close() {
    if (matcher != null) {
      matcher.close();
    }
  }
}
