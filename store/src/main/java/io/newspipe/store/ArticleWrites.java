package io.newspipe.store;

import io.newspipe.schemas.TaggedArticle;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The sink's contract with the store: batches of tagged articles written together with the consumer
 * offsets they advance to, and those offsets read back on start. Implementations are safe to call
 * from several threads.
 */
public interface ArticleWrites {

  /**
   * Stores a batch and the consumer offsets it advances to, in ONE database transaction: either all
   * of it is stored or none of it.
   *
   * <p>Per article: a version higher than the stored one replaces it (and its tags and entities);
   * the same version is rewritten only if it was enriched at the same time or later (re-delivery is
   * an identical rewrite, re-tagging wins); a lower version never touches the latest row but is
   * added to the version history if absent. A {@code CANCELED} signal marks the article withdrawn;
   * the row is kept for the record.
   *
   * @param batch articles in consumption order; may be empty (offsets only, e.g. dead letters)
   * @param group consumer group the offsets belong to
   * @param nextOffsets per partition, the offset of the next record to read
   * @throws StoreException when the transaction failed; nothing was stored, so retrying is safe
   */
  void write(List<TaggedArticle> batch, String group, Map<TopicPartition, Long> nextOffsets);

  /** The next offsets stored for a consumer group; empty if the group never wrote. */
  Map<TopicPartition, Long> offsets(String group);
}
