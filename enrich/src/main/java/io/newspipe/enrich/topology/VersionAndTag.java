package io.newspipe.enrich.topology;

import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.ArticleHistory;
import io.newspipe.schemas.logging.LogContext;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Versions, de-duplicates and tags live articles by {@link Enrichment#next}, remembering each id's
 * {@link ArticleHistory} in the {@link #STORE} state store (changelog-backed, so it survives
 * restarts and moves with its partition). Every output carries the tags whose topics it must reach
 * and its story signature; see {@link Enrichment} for the rule, which re-tagging shares.
 */
final class VersionAndTag implements FixedKeyProcessor<String, Article, Enriched> {

  /**
   * Name of the state store (and of its changelog topic, {@code <app
   * id>-article-versions-changelog}).
   */
  static final String STORE = "article-versions";

  private final Tagger tagger;
  private final Clock clock;
  private final EnrichMeters counters;
  private FixedKeyProcessorContext<String, Enriched> context;
  private KeyValueStore<String, ArticleHistory> store;

  VersionAndTag(Tagger tagger, Clock clock, EnrichMeters counters) {
    this.tagger = tagger;
    this.clock = clock;
    this.counters = counters;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Enriched> context) {
    this.context = context;
    this.store = context.getStateStore(STORE);
  }

  @Override
  public void process(FixedKeyRecord<String, Article> record) {
    String id = record.key();
    long started = System.nanoTime();
    counters.stage().recordsIn(1);
    try (LogContext ignored = LogContext.article(id, feedOf(record.value()), "enrich")) {
      Enrichment.Output out = Enrichment.next(record.value(), store.get(id), tagger, clock);
      if (out == null) {
        counters.countDuplicate();
        return;
      }
      store.put(id, out.history());
      counters.countTagged(out.tagged());
      context.forward(
          record.withValue(new Enriched(out.tagged(), out.routeTags(), out.signature())));
    } finally {
      counters.stage().processing().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
  }

  private static String feedOf(Article article) {
    return article == null || article.getSource() == null ? null : article.getSource().getId();
  }
}
