package io.newspipe.enrich.topology;

import io.newspipe.enrich.story.StorySignature;
import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.Signal;
import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Versions, de-duplicates and tags articles, remembering each id in the {@link #STORE} state store
 * (changelog-backed, so it survives restarts and moves with its partition):
 *
 * <ul>
 *   <li>the same (id, content hash) again is dropped: re-polled feeds and re-read files cost
 *       nothing downstream;
 *   <li>changed content is the next version, {@code max(incoming, last + 1)}: stateless sources
 *       send version 1 for everything;
 *   <li>a withdrawal ({@link Signal#CANCELED}) is passed on untagged;
 *   <li>every output names the tags it must be routed to: its own, plus the tags the previous
 *       version had, so a tag topic's subscribers learn when an article leaves the tag or is
 *       withdrawn;
 *   <li>every output carries the {@link StorySignature} of its text for story clustering (none for
 *       a withdrawal).
 * </ul>
 */
final class VersionAndTag implements FixedKeyProcessor<String, Article, Enriched> {

  /**
   * Name of the state store (and of its changelog topic, {@code <app
   * id>-article-versions-changelog}).
   */
  static final String STORE = "article-versions";

  private final Tagger tagger;
  private final Clock clock;
  private final EnrichCounters counters;
  private FixedKeyProcessorContext<String, Enriched> context;
  private KeyValueStore<String, String> store;

  VersionAndTag(Tagger tagger, Clock clock, EnrichCounters counters) {
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
    Article article = record.value();
    String id = record.key();
    String stored = store.get(id);
    ArticleHistory last = stored == null ? null : ArticleHistory.decode(stored);
    boolean canceled = article.getSignal() == Signal.CANCELED;
    String hash = (canceled ? "canceled:" : "") + article.getContentHash();
    if (last != null && last.hash().equals(hash)) {
      counters.countDuplicate();
      return;
    }
    int version =
        last == null ? article.getVersion() : Math.max(article.getVersion(), last.version() + 1);
    Article versioned =
        version == article.getVersion()
            ? article
            : Article.newBuilder(article).setVersion(version).build();
    TaggedArticle tagged =
        canceled ? withdrawal(versioned) : tagger.enrich(versioned, clock.instant());
    List<String> tagIds = tagged.getTags().stream().map(Tag::getId).toList();
    Set<String> routes = new LinkedHashSet<>(tagIds);
    if (last != null) {
      routes.addAll(last.tags());
    }
    store.put(id, new ArticleHistory(version, hash, tagIds).encode());
    counters.countTagged();
    StorySignature signature =
        canceled
            ? StorySignature.EMPTY
            : StorySignature.of(
                versioned.getHeadline(), versioned.getSubheadline(), versioned.getBody());
    context.forward(record.withValue(new Enriched(tagged, List.copyOf(routes), signature)));
  }

  private TaggedArticle withdrawal(Article article) {
    return TaggedArticle.newBuilder()
        .setArticle(article)
        .setTags(List.of())
        .setEntities(List.of())
        .setStoryId(null)
        .setTaxonomyVersion(tagger.taxonomy().version())
        .setEnrichedAt(clock.instant())
        .build();
  }
}
