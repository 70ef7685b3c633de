package io.newspipe.enrich.topology;

import io.newspipe.schemas.Article;

/**
 * A null value on the raw topic. newspipe never writes one (an article is withdrawn by a version
 * with signal {@code CANCELED}, and the raw topic is not compacted), so a tombstone comes from a
 * foreign or faulty producer, or from someone trying to delete an article the Kafka way. It is
 * dead-lettered like any other bad record, so it is logged, counted and can be looked at, rather
 * than dropped without a trace.
 */
final class Tombstone extends RuntimeException {
  private static final long serialVersionUID = 1L;

  static final String ADVICE =
      "a null value cannot be tagged: to withdraw an article publish a version with signal"
          + " CANCELED; find the producer that writes tombstones to the raw topic";

  private Tombstone(String key) {
    super("null value (tombstone) for key '" + key + "'; the raw topic carries only articles");
  }

  /** The article, or a {@link Tombstone} thrown for the dead-letter handler when it is null. */
  static Article refuse(String key, Article article) {
    if (article == null) {
      throw new Tombstone(key);
    }
    return article;
  }
}
