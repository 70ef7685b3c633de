package io.newspipe.testkit;

import io.newspipe.schemas.Article;
import io.newspipe.schemas.Entity;
import io.newspipe.schemas.EntityKind;
import io.newspipe.schemas.Evidence;
import io.newspipe.schemas.Signal;
import io.newspipe.schemas.Source;
import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;
import java.time.Instant;
import java.util.List;

/** Small, valid events for the store's and the sink's unit tests. */
public final class Fixtures {

  public static final Instant PUBLISHED = Instant.parse("2025-06-19T08:30:00Z");
  public static final Instant ENRICHED = Instant.parse("2025-06-19T08:31:00.123Z");

  private Fixtures() {}

  public static Article article(String id, int version, String headline, Signal signal) {
    return Article.newBuilder()
        .setId(id)
        .setVersion(version)
        .setSource(Source.newBuilder().setId("seeds").setName("Seeds").setFormat("text").build())
        .setGuid("guid-" + id)
        .setHeadline(headline)
        .setBody("Body of " + headline)
        .setByline("Staff")
        .setLanguage("en")
        .setPublishedAt(PUBLISHED)
        .setReceivedAt(PUBLISHED.plusSeconds(version))
        .setSignal(signal)
        .setContentHash("hash-" + id + "-" + version)
        // Set rather than defaulted: Avro builds a default Subject list only for classes that
        // AvroSerde has declared trusted, and these tests need no serde.
        .setSubjects(List.of())
        .build();
  }

  public static TaggedArticle tagged(String id, int version, String headline, Tag... tags) {
    return tagged(article(id, version, headline, Signal.USABLE), ENRICHED, tags);
  }

  public static TaggedArticle tagged(Article article, Instant enrichedAt, Tag... tags) {
    return TaggedArticle.newBuilder()
        .setArticle(article)
        .setTags(List.of(tags))
        .setEntities(List.of(new Entity(EntityKind.PLACE, "Syria", 2)))
        .setStoryId("story-" + article.getId())
        .setTaxonomyVersion("2025.1")
        .setEnrichedAt(enrichedAt)
        .build();
  }

  public static Tag tag(String id, double score) {
    return Tag.newBuilder()
        .setId(id)
        .setLabel(id.toUpperCase(java.util.Locale.ROOT))
        .setScore(score)
        .setConfidence(score / (score + 2.0))
        .setMediaTopics(List.of("medtop:20000096"))
        .setEvidence(List.of(new Evidence("headline", 0, 8, "Captagon", "phrase:captagon")))
        .build();
  }
}
