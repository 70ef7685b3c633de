package io.newspipe.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.enrich.story.StorySignature;
import io.newspipe.schemas.AvroSerde;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.testkit.Articles;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class EnrichedTest {

  private static final AvroSerde<TaggedArticle> ARTICLES = AvroSerde.of(TaggedArticle.class);
  private final Serde<Enriched> serde = Enriched.serde(ARTICLES);

  @Test
  void shouldCrossTheRepartitionTopicAsAnAvroRecord() {
    Enriched e = sample();

    byte[] bytes = serde.serializer().serialize("t", e);

    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    assertSame(serde.deserializer().deserialize("t", bytes), e);
  }

  @Test
  void shouldReadTheHandRolledFormatAnEarlierEnrichLeftInTheTopic() throws Exception {
    Enriched e = sample();
    // Format 1 as enrich wrote it before EnrichedArticle: format byte, route tags, word hashes,
    // then the article in its single-object encoding.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      out.writeInt(e.routeTags().size());
      for (String tag : e.routeTags()) {
        byte[] utf8 = tag.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
      }
      out.writeInt(e.signature().hashes().length);
      for (long h : e.signature().hashes()) {
        out.writeLong(h);
      }
      out.write(ARTICLES.encode(e.article()));
    }

    assertSame(serde.deserializer().deserialize("t", bytes.toByteArray()), e);
  }

  private static Enriched sample() {
    TaggedArticle article =
        Articles.tagged(
            Articles.article("a", "Captagon haul seized", "Troops seized captagon."),
            Articles.tag("narcotics"));
    return new Enriched(
        article,
        List.of("narcotics", "middle-east"),
        StorySignature.of("Captagon haul seized", null, "Troops seized captagon."));
  }

  private static void assertSame(Enriched read, Enriched written) {
    assertThat(read.article()).isEqualTo(written.article());
    assertThat(read.routeTags()).isEqualTo(written.routeTags());
    assertThat(read.signature().hashes()).containsExactly(written.signature().hashes());
  }
}
