package io.newspipe.enrich.topology;

import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.WriteOnlySerde;
import org.apache.kafka.common.serialization.Serde;

/**
 * A tagged article on its way to one tag's fan-out topic. The topic travels with the value so one
 * sink with a {@code TopicNameExtractor} serves every tag; on the wire only the article is written.
 */
record TagRoute(String topic, TaggedArticle article) {

  /** A write-only serde: the topic is dropped and the article written with {@code articles}. */
  static Serde<TagRoute> serde(Serde<TaggedArticle> articles) {
    return WriteOnlySerde.of(articles, TagRoute::article, "tag topics as TaggedArticle");
  }
}
