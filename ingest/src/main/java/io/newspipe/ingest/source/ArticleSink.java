package io.newspipe.ingest.source;

import io.newspipe.schemas.Article;
import java.util.concurrent.CompletableFuture;

/**
 * Where a source hands its results: parsed articles, and documents it could not read. A source
 * never stops because of one bad document; it rejects it here and moves on.
 *
 * <p>Implementations must be thread-safe: several sources may call one sink concurrently.
 */
public interface ArticleSink {

  /** One parsed article, ready to publish. */
  void accept(Article article);

  /**
   * One document that could not be read or parsed.
   *
   * @param document what the document is: absolute file path, URL, "stdin line 3"
   * @param payload its raw bytes, possibly truncated (see {@link SourceSettings}), possibly empty
   * @param reason why; the message says what to do about it
   */
  void reject(String document, byte[] payload, Exception reason);

  /**
   * As {@link #accept}, completing when the article is safely stored (acknowledged by Kafka), or
   * exceptionally if it could not be; sinks that store synchronously complete at once.
   */
  default CompletableFuture<?> send(Article article) {
    accept(article);
    return CompletableFuture.completedFuture(null);
  }

  /** As {@link #reject}, completing when the dead letter is safely stored. */
  default CompletableFuture<?> sendRejected(String document, byte[] payload, Exception reason) {
    reject(document, payload, reason);
    return CompletableFuture.completedFuture(null);
  }
}
