package io.newspipe.enrich.topology;

import io.newspipe.enrich.story.StorySignature;
import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.ArticleHistory;
import io.newspipe.schemas.Signal;
import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one rule for what enrich emits for an article, given what it emitted before. Live enrich
 * ({@link VersionAndTag}) and re-tagging ({@link RetagPlan}) both call it, so they cannot disagree:
 *
 * <ul>
 *   <li>the same content hash as the last output is a duplicate and emits nothing;
 *   <li>changed content is the next version, {@code max(incoming, last + 1)}: stateless sources
 *       (files) send version 1 for everything;
 *   <li>a withdrawal ({@link Signal#CANCELED}) is emitted untagged, with no story signature;
 *   <li>every output is routed to the topics of its own tags and of the tags the previous output
 *       had, so a tag's subscribers learn when an article leaves the tag or is withdrawn.
 * </ul>
 *
 * Pure: no state store, no clock, no Kafka; the caller passes the history and the time.
 */
public final class Enrichment {

  private static final String CANCELED_PREFIX = "canceled:";

  private Enrichment() {}

  /**
   * One output: the tagged version, what to remember of it, the tags whose topics it goes to, and
   * its story signature.
   */
  public record Output(
      TaggedArticle tagged,
      ArticleHistory history,
      List<String> routeTags,
      StorySignature signature) {

    public Output {
      routeTags = List.copyOf(routeTags);
    }

    /** The ids of the tags the output carries. */
    public List<String> tagIds() {
      return history.getTags();
    }
  }

  /**
   * What enrich emits for {@code incoming} after {@code last} (null: never seen), tagged at the
   * clock's time; null: nothing, it repeats the last content.
   */
  public static Output next(Article incoming, ArticleHistory last, Tagger tagger, Clock clock) {
    ArticleHistory next = advance(incoming, last);
    if (next == null) {
      return null;
    }
    List<String> previousTags = last == null ? List.of() : last.getTags();
    return output(incoming, next.getVersion(), previousTags, tagger, clock.instant());
  }

  /**
   * What enrich keeps when re-tagging tells it the tags it gave ({@code retagged}) while it knows
   * {@code known}: the re-tagged tags if both are the same version of the same content, else what
   * it knows (a newer live version, or an article it has not reached yet and will tag itself).
   */
  public static ArticleHistory learn(ArticleHistory known, ArticleHistory retagged) {
    boolean same =
        known != null
            && known.getVersion() == retagged.getVersion()
            && known.getContentHash().equals(retagged.getContentHash());
    return same ? retagged : known;
  }

  /**
   * The version and hash {@code incoming} gets after {@code last}, without tags, or null if it
   * repeats the last content. Tagging plays no part, so re-tagging can replay the versions enrich
   * gave without tagging every edit.
   */
  public static ArticleHistory advance(Article incoming, ArticleHistory last) {
    String hash = hash(incoming);
    if (last != null && last.getContentHash().equals(hash)) {
      return null;
    }
    int version =
        last == null
            ? incoming.getVersion()
            : Math.max(incoming.getVersion(), last.getVersion() + 1);
    return ArticleHistory.newBuilder()
        .setVersion(version)
        .setContentHash(hash)
        .setTags(List.of())
        .setTaxonomyVersion(null)
        .build();
  }

  /**
   * The output for {@code content} emitted as {@code version}, after an output that carried {@code
   * previousTags}: tagged by {@code tagger} at {@code now}, or untagged if it is a withdrawal.
   */
  public static Output output(
      Article content, int version, Collection<String> previousTags, Tagger tagger, Instant now) {
    Article versioned =
        version == content.getVersion()
            ? content
            : Article.newBuilder(content).setVersion(version).build();
    boolean canceled = content.getSignal() == Signal.CANCELED;
    TaggedArticle tagged =
        canceled ? withdrawal(versioned, tagger, now) : tagger.enrich(versioned, now);
    List<String> tagIds = tagged.getTags().stream().map(Tag::getId).toList();
    Set<String> routes = new LinkedHashSet<>(tagIds);
    routes.addAll(previousTags);
    ArticleHistory history =
        ArticleHistory.newBuilder()
            .setVersion(version)
            .setContentHash(hash(content))
            .setTags(tagIds)
            .setTaxonomyVersion(tagger.taxonomy().version())
            .build();
    StorySignature signature =
        canceled
            ? StorySignature.EMPTY
            : StorySignature.of(
                versioned.getHeadline(), versioned.getSubheadline(), versioned.getBody());
    return new Output(tagged, history, List.copyOf(routes), signature);
  }

  /** The hash enrich compares: a withdrawal differs from the content it withdraws. */
  static String hash(Article article) {
    return (article.getSignal() == Signal.CANCELED ? CANCELED_PREFIX : "")
        + article.getContentHash();
  }

  private static TaggedArticle withdrawal(Article article, Tagger tagger, Instant now) {
    return TaggedArticle.newBuilder()
        .setArticle(article)
        .setTags(List.of())
        .setEntities(List.of())
        .setStoryId(null)
        .setTaxonomyVersion(tagger.taxonomy().version())
        .setEnrichedAt(now)
        .build();
  }
}
