package io.newspipe.enrich.topology;

import io.newspipe.schemas.ArticleHistory;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Reads what re-tagging tells enrich (the retagged topic) into the {@link VersionAndTag#STORE}
 * store by {@link Enrichment#learn}, so the next live version of a re-tagged article is routed to
 * the topics of its re-tagged tags and their subscribers see it leave. Runs in the same task as
 * {@link VersionAndTag} for the same partition: re-tagging writes each article's record to the
 * partition number its raw records are on.
 */
final class LearnRetaggedTags implements Processor<String, ArticleHistory, Void, Void> {

  private KeyValueStore<String, ArticleHistory> store;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.store = context.getStateStore(VersionAndTag.STORE);
  }

  @Override
  public void process(Record<String, ArticleHistory> record) {
    ArticleHistory known = store.get(record.key());
    ArticleHistory keep = Enrichment.learn(known, record.value());
    if (keep != known) {
      store.put(record.key(), keep);
    }
  }
}
