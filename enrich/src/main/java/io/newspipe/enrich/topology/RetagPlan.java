package io.newspipe.enrich.topology;

import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.ArticleHistory;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Re-tagging's view of the raw history, so that it re-tags exactly what enrich emitted last for
 * each article. First every raw record is {@link #add added} in partition order: the versions are
 * replayed by {@link Enrichment#advance}, as enrich numbered them, without tagging. Then re-tagging
 * reads the raw topic again and re-tags only the record that holds each article's latest content
 * ({@link #isLatest}), at the version enrich gave it ({@link #retag}): an article edited twice in a
 * file is re-tagged once, as version 3, and a withdrawn one stays an untagged withdrawal.
 *
 * <p>Holds one small entry per article id (version, content hash, where its latest record is).
 */
public final class RetagPlan {

  private record Latest(ArticleHistory history, int partition, long offset) {}

  private final Map<String, Latest> latest = new HashMap<>();

  /** Folds in the raw record at {@code partition}/{@code offset}; call in offset order. */
  public void add(String id, int partition, long offset, Article article) {
    Latest last = latest.get(id);
    ArticleHistory next = Enrichment.advance(article, last == null ? null : last.history());
    if (next != null) {
      latest.put(id, new Latest(next, partition, offset));
    }
  }

  /** Whether the raw record at {@code partition}/{@code offset} is the article's latest content. */
  public boolean isLatest(String id, int partition, long offset) {
    Latest l = latest.get(id);
    return l != null && l.partition() == partition && l.offset() == offset;
  }

  /**
   * The re-tagged output of the article's latest content, at the version enrich gave it, routed to
   * its new tags and to {@code tagsBefore} (the tags its latest tagged version had), so their
   * subscribers see it leave the tags it lost.
   */
  public Enrichment.Output retag(
      String id, Article content, Collection<String> tagsBefore, Tagger tagger, Instant now) {
    Latest l = latest.get(id);
    if (l == null) {
      throw new IllegalArgumentException("article " + id + " was never added to the plan");
    }
    return Enrichment.output(content, l.history().getVersion(), tagsBefore, tagger, now);
  }

  /** Article ids seen. */
  public int articles() {
    return latest.size();
  }
}
