package io.newspipe.testkit;

import io.newspipe.schemas.Article;
import io.newspipe.schemas.Signal;
import io.newspipe.schemas.Source;
import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * Builders for test articles with sensible defaults, so a test states only what it is about:
 *
 * <pre>{@code
 * Article a = Articles.article("a1", "Captagon seized", "Police seized 4 million pills ...");
 * Article v2 = Articles.builder("a1", "Captagon seized", "Updated body").setVersion(2).build();
 * TaggedArticle t = Articles.tagged(a, Articles.tag("narcotics"));
 * }</pre>
 *
 * Times are whole milliseconds, as Avro's {@code timestamp-millis} stores them, so a value equals
 * itself after a round trip through Kafka.
 */
public final class Articles {

  /** Taxonomy version written into {@link #tagged} values. */
  public static final String TAXONOMY_VERSION = "test";

  private Articles() {}

  /** An article from source {@code test} (format {@code text}), version 1, received now. */
  public static Article article(String id, String headline, String body) {
    return builder(id, headline, body).build();
  }

  /** The builder behind {@link #article}, for tests that change a default. */
  public static Article.Builder builder(String id, String headline, String body) {
    return Article.newBuilder()
        .setId(id)
        .setVersion(1)
        .setSource(Source.newBuilder().setId("test").setName("test").setFormat("text").build())
        .setHeadline(headline)
        .setBody(body)
        .setReceivedAt(now())
        .setSignal(Signal.USABLE)
        .setSubjects(List.of())
        .setContentHash(contentHash(headline, body));
  }

  /** The article with these tags, no entities or story, enriched now. */
  public static TaggedArticle tagged(Article article, Tag... tags) {
    return TaggedArticle.newBuilder()
        .setArticle(article)
        .setTags(List.of(tags))
        .setEntities(List.of())
        .setStoryId(null)
        .setTaxonomyVersion(TAXONOMY_VERSION)
        .setEnrichedAt(now())
        .build();
  }

  /** A tag with label equal to its id, score 1, confidence 0.5 and no evidence. */
  public static Tag tag(String id) {
    return Tag.newBuilder()
        .setId(id)
        .setLabel(id)
        .setMediaTopics(List.of())
        .setScore(1.0)
        .setConfidence(0.5)
        .setEvidence(List.of())
        .build();
  }

  // A stand-in for ingest's normalised hash: stable for equal text, which is all tests need.
  private static String contentHash(String headline, String body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest((headline + "\n\n" + body).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
