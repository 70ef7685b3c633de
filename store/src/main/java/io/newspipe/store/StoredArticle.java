package io.newspipe.store;

import io.newspipe.schemas.Signal;
import java.time.Instant;
import java.util.List;

/**
 * The latest stored version of an article as the read side sees it. Nullable fields are those the
 * source may not give: guid, url, subheadline, byline, dateline, language, summary, rights,
 * publishedAt, updatedAt, storyId, located, urgency (1 highest to 9), html, embargoUntil.
 */
public record StoredArticle(
    String id,
    int version,
    String sourceId,
    String sourceName,
    String sourceFormat,
    String guid,
    String url,
    String headline,
    String subheadline,
    String byline,
    String dateline,
    String language,
    String body,
    String summary,
    String rights,
    Instant publishedAt,
    Instant updatedAt,
    Instant receivedAt,
    Signal signal,
    boolean withdrawn,
    String contentHash,
    String taxonomyVersion,
    Instant enrichedAt,
    String storyId,
    String located,
    Integer urgency,
    String html,
    Instant embargoUntil,
    List<StoredSubject> subjects,
    List<StoredTag> tags,
    List<StoredEntity> entities) {

  public StoredArticle {
    subjects = List.copyOf(subjects);
    tags = List.copyOf(tags);
    entities = List.copyOf(entities);
  }
}
