package io.newspipe.schemas;

import java.time.Instant;
import java.util.List;

/** Small fixed values for schema tests. */
final class Samples {
  private Samples() {}

  static Article article() {
    return Article.newBuilder()
        .setId("a1")
        .setSource(Source.newBuilder().setId("s").setName("S").setFormat("text").build())
        .setHeadline("Captagon seizure in Jordan")
        .setBody("Jordanian forces seized captagon pills.")
        .setReceivedAt(Instant.ofEpochMilli(1_700_000_000_000L))
        .setContentHash("h")
        .build();
  }

  static TaggedArticle taggedArticle() {
    Evidence evidence =
        Evidence.newBuilder()
            .setField("headline")
            .setStart(0)
            .setEnd(8)
            .setText("Captagon")
            .setRule("phrase:captagon")
            .build();
    Tag tag =
        Tag.newBuilder()
            .setId("narcotics")
            .setLabel("Narcotics")
            .setMediaTopics(List.of("medtop:20000096"))
            .setScore(3.0)
            .setConfidence(0.6)
            .setEvidence(List.of(evidence))
            .build();
    return TaggedArticle.newBuilder()
        .setArticle(article())
        .setTags(List.of(tag))
        .setEntities(
            List.of(Entity.newBuilder().setKind(EntityKind.PLACE).setName("Jordan").build()))
        .setTaxonomyVersion("1")
        .setEnrichedAt(Instant.ofEpochMilli(1_700_000_001_000L))
        .build();
  }
}
