package io.newspipe.sink.consume;

import io.newspipe.schemas.TaggedArticle;
import io.newspipe.store.ArticleStore;
import io.newspipe.store.PublishedPosition;
import io.newspipe.store.SearchHit;
import io.newspipe.store.SearchQuery;
import io.newspipe.store.StoredArticle;
import io.newspipe.store.StoredTag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;

/** A real store that tests wrap to add a fault; every call goes to the delegate. */
class ForwardingStore implements ArticleStore {
  private final ArticleStore delegate;

  ForwardingStore(ArticleStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public void write(List<TaggedArticle> batch, String group, Map<TopicPartition, Long> next) {
    delegate.write(batch, group, next);
  }

  @Override
  public Map<TopicPartition, Long> offsets(String group) {
    return delegate.offsets(group);
  }

  @Override
  public Optional<StoredArticle> article(String id) {
    return delegate.article(id);
  }

  @Override
  public long articleCount() {
    return delegate.articleCount();
  }

  @Override
  public List<StoredTag> tags(String articleId) {
    return delegate.tags(articleId);
  }

  @Override
  public long versionCount(String id) {
    return delegate.versionCount(id);
  }

  @Override
  public void published(
      Instant since,
      Instant until,
      Set<String> tags,
      String source,
      int pageSize,
      Consumer<StoredArticle> each) {
    delegate.published(since, until, tags, source, pageSize, each);
  }

  @Override
  public List<StoredArticle> newest(
      Instant since,
      Instant until,
      Set<String> tags,
      String source,
      PublishedPosition before,
      int limit) {
    return delegate.newest(since, until, tags, source, before, limit);
  }

  @Override
  public List<StoredArticle> storyMembers(String storyId, int limit) {
    return delegate.storyMembers(storyId, limit);
  }

  @Override
  public List<SearchHit> search(SearchQuery query) {
    return delegate.search(query);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
