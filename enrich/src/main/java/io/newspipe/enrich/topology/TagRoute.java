package io.newspipe.enrich.topology;

import io.newspipe.schemas.TaggedArticle;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A tagged article on its way to one tag's fan-out topic. The topic travels with the value so one
 * sink with a {@code TopicNameExtractor} serves every tag; on the wire only the article is written.
 */
record TagRoute(String topic, TaggedArticle article) {

  /** A write-only serde: the topic is dropped and the article written with {@code articles}. */
  static Serde<TagRoute> serde(Serde<TaggedArticle> articles) {
    Serializer<TaggedArticle> inner = articles.serializer();
    Serializer<TagRoute> serializer =
        new Serializer<>() {
          @Override
          public void configure(Map<String, ?> configs, boolean isKey) {
            inner.configure(configs, isKey);
          }

          @Override
          public byte[] serialize(String topic, TagRoute route) {
            return route == null ? null : inner.serialize(topic, route.article());
          }
        };
    Deserializer<TagRoute> deserializer =
        (topic, bytes) -> {
          throw new UnsupportedOperationException(
              "TagRoute is only written; read tag topics as TaggedArticle");
        };
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
