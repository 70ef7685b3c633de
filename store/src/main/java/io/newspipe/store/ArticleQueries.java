package io.newspipe.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What readers of the store (the web API, {@code search}, {@code replay --from-store}) ask it:
 * single articles, full-text search, and listings by publication time. Implementations are safe to
 * call from several threads, and a point read ({@link #article}) does not wait for slow searches or
 * listings running at the same time.
 */
public interface ArticleQueries {

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
   * Visits the latest version of every article the filter covers, in publication order (ties by
   * id), each once; withdrawn articles are left out. Reads {@code pageSize} articles per query and
   * calls {@code each} between queries, never holding a transaction or connection while it runs, so
   * a slow consumer (paced replay) does not block the sink.
   *
   * @param pageSize articles per query, at least 1
   * @throws StoreException when the database cannot be read
   */
  void published(ArticleFilter filter, int pageSize, Consumer<StoredArticle> each);

  /**
   * One page of the latest versions the filter covers, NEWEST first (ties by id, descending),
   * withdrawn articles left out: what a reader browsing the store sees first. Keyset paging:
   * articles written meanwhile never shift a page or repeat an article.
   *
   * @param before where the previous page ended ({@link PublishedPosition#of} its last article), or
   *     null for the first page
   * @param limit articles wanted, at least 1
   * @throws StoreException when the database cannot be read
   */
  List<StoredArticle> newest(ArticleFilter filter, PublishedPosition before, int limit);

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

  /**
   * Hands every article the filter covers to {@code each}, in publication order (ties by id), as
   * one {@link ArticleRow} each, streamed through a database cursor: memory does not grow with the
   * number of articles. Holds one read connection (and transaction) until done, so {@code each}
   * should not stall for long.
   *
   * @return the number of articles handed on
   * @throws StoreException when the database cannot be read; what {@code each} throws comes out as
   *     it was thrown, and ends the export
   */
  long export(ArticleFilter filter, Consumer<ArticleRow> each);

  /**
   * Articles per bucket the filter covers, one bucket per {@code interval} (UTC) from {@code
   * filter.since()} (rounded down to a bucket) to {@code filter.until()} (rounded up), empty
   * buckets included with a count of 0.
   *
   * @throws IllegalArgumentException when the range is open or longer than {@value
   *     Timeline#MAX_BUCKETS} buckets
   * @throws StoreException when the database cannot be read
   */
  List<Timeline.Bucket> timeline(ArticleFilter filter, Timeline.Interval interval);

  /**
   * The size of each of these stories: reports (withdrawn ones left out) and their sources, by
   * story id; a story without such reports is missing from the map.
   *
   * @throws StoreException when the database cannot be read
   */
  Map<String, StorySummary> stories(Collection<String> storyIds);
}
