package io.newspipe.notify.watch;

import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.Watch;
import io.newspipe.schemas.WriteOnlySerde;
import org.apache.kafka.common.serialization.Serde;

/**
 * A tagged article that matched a saved search, on its way to {@code news.watch.<id>}: the topic
 * travels with the value so one sink serves every watch; on the wire only the article is written.
 */
public record WatchMatch(Watch watch, String topic, TaggedArticle article) {

  /** A write-only serde: the article is written with {@code articles}. */
  public static Serde<WatchMatch> serde(Serde<TaggedArticle> articles) {
    return WriteOnlySerde.of(articles, WatchMatch::article, "watch topics as TaggedArticle");
  }
}
