package io.newspipe.notify.watch;

import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.Watch;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A tagged article that matched a saved search, on its way to {@code news.watch.<id>}: the topic
 * travels with the value so one sink serves every watch; on the wire only the article is written.
 */
public record WatchMatch(Watch watch, String topic, TaggedArticle article) {

  /** A write-only serde: the article is written with {@code articles}. */
  public static Serde<WatchMatch> serde(Serde<TaggedArticle> articles) {
    Serializer<TaggedArticle> inner = articles.serializer();
    Serializer<WatchMatch> serializer =
        new Serializer<>() {
          @Override
          public void configure(Map<String, ?> configs, boolean isKey) {
            inner.configure(configs, isKey);
          }

          @Override
          public byte[] serialize(String topic, WatchMatch match) {
            return match == null ? null : inner.serialize(topic, match.article());
          }
        };
    Deserializer<WatchMatch> deserializer =
        (topic, bytes) -> {
          throw new UnsupportedOperationException("read watch topics as TaggedArticle");
        };
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
