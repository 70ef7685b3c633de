package io.newspipe.store;

import io.newspipe.schemas.TaggedArticle;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Where tagged articles land: the latest version of each article with its tags and entities, the
 * history of versions, and the sink's consumer offsets. Dialect-neutral: {@link SqliteStore} is the
 * embedded default; a PostgreSQL store implements the same contract.
 *
 * <p>Implementations are safe to call from several threads. Every dialect stores times as epoch
 * milliseconds UTC (Avro's {@code timestamp-millis} precision) and keeps its versioned migrations
 * under {@code db/migration/<dialect>/}, applied when the store opens.
 */
public interface ArticleStore extends AutoCloseable {

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

  /** The latest stored version of an article, with its tags (and evidence) and entities. */
  Optional<StoredArticle> article(String id);

  /** Number of distinct articles stored (withdrawn ones included). */
  long articleCount();

  /** Tags of the stored version of an article, highest score first; empty if none or unknown. */
  List<StoredTag> tags(String articleId);

  /** Number of versions of an article recorded in the history (0 if unknown). */
  long versionCount(String id);

  /**
   * Full-text search over headline and body of the latest versions, best match first, one page.
   * Withdrawn articles are left out unless the query includes them.
   *
   * @throws StoreException when the database cannot be read; a query itself never causes one
   */
  List<SearchHit> search(SearchQuery query);

  /**
   * Visits the latest version of every article published in [{@code since}, {@code until}), in
   * publication order (ties by id), each once; withdrawn articles are left out. An article without
   * a publication time counts as published when it was received. Reads {@code pageSize} articles
   * per query and calls {@code each} between queries, never holding a transaction or connection
   * while it runs, so a slow consumer (paced replay) does not block the sink.
   *
   * @param since inclusive start; null for the beginning
   * @param until exclusive end; null for no end
   * @param tags only articles with ANY of these tags; empty for all
   * @param source only articles from this source id; null for all
   * @param pageSize articles per query, at least 1
   * @throws StoreException when the database cannot be read
   */
  void published(
      Instant since,
      Instant until,
      Set<String> tags,
      String source,
      int pageSize,
      Consumer<StoredArticle> each);

  /**
   * One page of the latest versions published in [{@code since}, {@code until}), NEWEST first (ties
   * by id, descending), withdrawn articles left out: what a reader browsing the store sees first.
   * Publication time and filters are those of {@link #published}. Keyset paging: articles written
   * meanwhile never shift a page or repeat an article.
   *
   * @param before where the previous page ended ({@link PublishedPosition#of} its last article), or
   *     null for the first page
   * @param limit articles wanted, at least 1
   * @throws StoreException when the database cannot be read
   */
  List<StoredArticle> newest(
      Instant since,
      Instant until,
      Set<String> tags,
      String source,
      PublishedPosition before,
      int limit);

  /**
   * The latest versions of the articles of one story (those sharing {@code storyId}, as enrich
   * grouped them), withdrawn ones left out, NEWEST first by publication time as {@link #newest}
   * orders them (ties by id, descending). Uses the {@code articles_story_id} index.
   *
   * @param storyId the story id of any of its articles
   * @param limit articles wanted at most, at least 1
   * @return empty when no (non-withdrawn) article has that story
   * @throws StoreException when the database cannot be read
   */
  List<StoredArticle> storyMembers(String storyId, int limit);

  /** Releases the database connection. Idempotent. */
  @Override
  void close();
}
