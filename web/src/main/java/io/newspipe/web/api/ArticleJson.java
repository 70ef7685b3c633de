package io.newspipe.web.api;

import io.newspipe.schemas.Article;
import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.store.SearchHit;
import io.newspipe.store.StoredArticle;
import io.newspipe.store.StoredEvidence;
import io.newspipe.store.StoredTag;
import java.time.Instant;
import java.util.List;

/**
 * The JSON shapes of the API: {@link Item} for lists and live events, {@link View} for one article.
 * Times are ISO-8601 instants (UTC). Text is as stored (ingest makes headline, body, byline and
 * rights plain text): it is untrusted feed text, and the UI renders it as text only. The one field
 * stored as the source gave it, {@code summary}, may be HTML and is served as {@link FeedText#plain
 * plain text}; the original HTML of an article is never served.
 */
public final class ArticleJson {
  static final int EXCERPT_CHARS = 240;
  static final int EVIDENCE_CONTEXT_CHARS = 60;

  private ArticleJson() {}

  /**
   * An article in a list or a live event.
   *
   * @param published publication time, or the time it was received when the source gave none
   * @param tags tag ids, highest score first
   * @param snippet a search extract (matched words in [brackets]) or the start of the body
   * @param storyId the story the article belongs to, or null
   * @param reports in a list, how many reports its story has (this one included) when more than
   *     one, else null
   * @param sources in a list, the sources of those reports when more than one, else null
   */
  public record Item(
      String id,
      int version,
      String headline,
      String source,
      String published,
      boolean withdrawn,
      List<String> tags,
      String snippet,
      String storyId,
      Long reports,
      List<String> sources) {

    /** This item as the one row of its story, which has {@code reports} from {@code sources}. */
    Item withStory(long storyReports, List<String> storySources) {
      return new Item(
          id,
          version,
          headline,
          source,
          published,
          withdrawn,
          tags,
          snippet,
          storyId,
          storyReports,
          List.copyOf(storySources));
    }
  }

  /** One article with everything the reader sees, its tags and the evidence for each. */
  public record View(
      String id,
      int version,
      long versions,
      String headline,
      String subheadline,
      String byline,
      String dateline,
      String located,
      String url,
      String language,
      SourceView source,
      String published,
      String updated,
      String received,
      String signal,
      boolean withdrawn,
      String summary,
      String body,
      String rights,
      Integer urgency,
      String storyId,
      String taxonomyVersion,
      String enriched,
      List<SubjectView> subjects,
      List<EntityView> entities,
      List<TagView> tags) {}

  public record SourceView(String id, String name, String format) {}

  public record SubjectView(String name, String code, String scheme) {}

  public record EntityView(String kind, String name, int mentions) {}

  public record TagView(
      String id,
      String label,
      double score,
      double confidence,
      List<String> mediaTopics,
      List<EvidenceView> evidence) {}

  /**
   * Why a tag was given: {@code text} is {@code field}'s text from {@code start} to {@code end}
   * (UTF-16 offsets, as JavaScript strings count), with up to 60 characters of context either side
   * ({@code before}, {@code after}; empty when the offsets do not fit the text).
   */
  public record EvidenceView(
      String field, int start, int end, String text, String rule, String before, String after) {}

  static Item item(SearchHit h) {
    return new Item(
        h.id(),
        h.version(),
        h.headline(),
        h.sourceId(),
        time(h.publishedAt() != null ? h.publishedAt() : h.receivedAt()),
        h.withdrawn(),
        h.tags(),
        h.snippet(),
        h.storyId(),
        null,
        null);
  }

  static Item item(StoredArticle a) {
    return new Item(
        a.id(),
        a.version(),
        a.headline(),
        a.sourceId(),
        time(a.publishedAt() != null ? a.publishedAt() : a.receivedAt()),
        a.withdrawn(),
        a.tags().stream().map(StoredTag::tagId).toList(),
        excerpt(a.body()),
        a.storyId(),
        null,
        null);
  }

  /** A live event from the tagged topic. */
  public static Item item(TaggedArticle t) {
    Article a = t.getArticle();
    return new Item(
        a.getId(),
        a.getVersion(),
        a.getHeadline(),
        a.getSource().getId(),
        time(a.getPublishedAt() != null ? a.getPublishedAt() : a.getReceivedAt()),
        a.getSignal() == io.newspipe.schemas.Signal.CANCELED,
        t.getTags().stream().map(Tag::getId).toList(),
        excerpt(a.getBody()),
        t.getStoryId(),
        null,
        null);
  }

  static View view(StoredArticle a, long versions) {
    return new View(
        a.id(),
        a.version(),
        versions,
        a.headline(),
        a.subheadline(),
        a.byline(),
        a.dateline(),
        a.located(),
        a.url(),
        a.language(),
        new SourceView(a.sourceId(), a.sourceName(), a.sourceFormat()),
        time(a.publishedAt()),
        time(a.updatedAt()),
        time(a.receivedAt()),
        a.signal().name(),
        a.withdrawn(),
        FeedText.plain(a.summary()),
        a.body(),
        a.rights(),
        a.urgency(),
        a.storyId(),
        a.taxonomyVersion(),
        time(a.enrichedAt()),
        a.subjects().stream().map(s -> new SubjectView(s.name(), s.code(), s.scheme())).toList(),
        a.entities().stream()
            .map(e -> new EntityView(e.kind().name(), e.name(), e.mentions()))
            .toList(),
        a.tags().stream().map(t -> tag(a, t)).toList());
  }

  private static TagView tag(StoredArticle a, StoredTag t) {
    return new TagView(
        t.tagId(),
        t.label(),
        t.score(),
        t.confidence(),
        t.mediaTopics(),
        t.evidence().stream().map(e -> evidence(a, e)).toList());
  }

  private static EvidenceView evidence(StoredArticle a, StoredEvidence e) {
    String text =
        switch (e.field()) {
          case "headline" -> a.headline();
          case "subheadline" -> a.subheadline();
          case "body" -> a.body();
          default -> null;
        };
    boolean fits =
        text != null && 0 <= e.start() && e.start() <= e.end() && e.end() <= text.length();
    String before = "";
    String after = "";
    if (fits) {
      before = text.substring(Math.max(0, e.start() - EVIDENCE_CONTEXT_CHARS), e.start());
      after = text.substring(e.end(), Math.min(text.length(), e.end() + EVIDENCE_CONTEXT_CHARS));
    }
    return new EvidenceView(e.field(), e.start(), e.end(), e.text(), e.rule(), before, after);
  }

  /** The start of a body, cut at a word boundary. */
  static String excerpt(String body) {
    if (body == null) {
      return "";
    }
    String flat = body.replaceAll("\\s+", " ").strip();
    if (flat.length() <= EXCERPT_CHARS) {
      return flat;
    }
    int cut = flat.lastIndexOf(' ', EXCERPT_CHARS);
    if (cut <= EXCERPT_CHARS / 2) {
      cut =
          Character.isHighSurrogate(flat.charAt(EXCERPT_CHARS - 1))
              ? EXCERPT_CHARS - 1
              : EXCERPT_CHARS;
    }
    return flat.substring(0, cut) + "…";
  }

  private static String time(Instant t) {
    return t == null ? null : t.toString();
  }
}
