package io.newspipe.store;

import io.newspipe.schemas.Article;
import io.newspipe.schemas.Entity;
import io.newspipe.schemas.Evidence;
import io.newspipe.schemas.Source;
import io.newspipe.schemas.Subject;
import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;

/**
 * Turns a stored article back into the TaggedArticle event it was stored from, so a replay from the
 * store prints and publishes exactly like one from Kafka. The store keeps every event field except
 * the source's URL, which comes back null.
 */
public final class StoredArticles {

  private StoredArticles() {}

  public static TaggedArticle toTagged(StoredArticle s) {
    Article article =
        Article.newBuilder()
            .setId(s.id())
            .setVersion(s.version())
            .setSource(new Source(s.sourceId(), s.sourceName(), null, s.sourceFormat()))
            .setGuid(s.guid())
            .setUrl(s.url())
            .setHeadline(s.headline())
            .setSubheadline(s.subheadline())
            .setByline(s.byline())
            .setDateline(s.dateline())
            .setLocated(s.located())
            .setLanguage(s.language())
            .setBody(s.body())
            .setSummary(s.summary())
            .setHtml(s.html())
            .setPublishedAt(s.publishedAt())
            .setUpdatedAt(s.updatedAt())
            .setReceivedAt(s.receivedAt())
            .setUrgency(s.urgency())
            .setSignal(s.signal())
            .setEmbargoUntil(s.embargoUntil())
            .setSubjects(
                s.subjects().stream()
                    .map(x -> new Subject(x.name(), x.code(), x.scheme()))
                    .toList())
            .setRights(s.rights())
            .setContentHash(s.contentHash())
            .build();
    return TaggedArticle.newBuilder()
        .setArticle(article)
        .setTags(s.tags().stream().map(StoredArticles::tag).toList())
        .setEntities(
            s.entities().stream().map(e -> new Entity(e.kind(), e.name(), e.mentions())).toList())
        .setStoryId(s.storyId())
        .setTaxonomyVersion(s.taxonomyVersion())
        .setEnrichedAt(s.enrichedAt())
        .build();
  }

  private static Tag tag(StoredTag t) {
    return Tag.newBuilder()
        .setId(t.tagId())
        .setLabel(t.label())
        .setMediaTopics(t.mediaTopics())
        .setScore(t.score())
        .setConfidence(t.confidence())
        .setEvidence(
            t.evidence().stream()
                .map(e -> new Evidence(e.field(), e.start(), e.end(), e.text(), e.rule()))
                .toList())
        .build();
  }
}
