package io.newspipe.sink.consume;

import io.newspipe.schemas.TaggedArticle;
import io.newspipe.store.ArticleWrites;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** A real store that tests wrap to add a fault; every call goes to the delegate. */
class ForwardingStore implements ArticleWrites {
  private final ArticleWrites delegate;

  ForwardingStore(ArticleWrites delegate) {
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
}
