package io.newspipe.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaHistoryTest {

  static List<String> frozenTypes() {
    return SchemaHistory.get().types();
  }

  @ParameterizedTest
  @MethodSource("frozenTypes")
  void currentSchemaCanReadEveryFrozenVersion(String type) throws Exception {
    Schema current = currentSchema(type);
    for (Schema frozen : SchemaHistory.get().versions(type)) {
      var result = SchemaCompatibility.checkReaderWriterCompatibility(current, frozen);
      assertThat(result.getType())
          .as("%s: current schema must read frozen version: %s", type, result.getDescription())
          .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }
  }

  @ParameterizedTest
  @MethodSource("frozenTypes")
  void currentSchemaIsFrozen(String type) throws Exception {
    List<Schema> versions = SchemaHistory.get().versions(type);
    Schema latest = versions.get(versions.size() - 1);
    assertThat(SchemaHistory.fingerprint(currentSchema(type)))
        .as(
            "%s changed since v%d was frozen: release it as v%d.avsc in the schema history",
            type, versions.size(), versions.size() + 1)
        .isEqualTo(SchemaHistory.fingerprint(latest));
  }

  @Test
  void readsFrozenArticleV1RecordIntoCurrentClassWithItsValues() throws Exception {
    Article read = AvroSerde.of(Article.class).decode(frozenSample("Article"));

    assertThat(read.getId()).isEqualTo("seeds:blinken-meets-xi");
    assertThat(read.getVersion()).isEqualTo(2);
    assertThat(read.getSource().getFormat()).isEqualTo("text");
    assertThat(read.getHeadline()).isEqualTo("Blinken Meets China's President Xi");
    assertThat(read.getPublishedAt()).isEqualTo(Instant.ofEpochMilli(1718755200000L));
    assertThat(read.getSignal()).isEqualTo(Signal.CORRECTION);
    assertThat(read.getUrgency()).isEqualTo(3);
    assertThat(read.getSubjects())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getCode()).isEqualTo("medtop:20000565");
              assertThat(s.getName()).isEqualTo("diplomacy");
            });
    assertThat(read.getRights()).isEqualTo("(c) 2024 Example");
    assertThat(read.getBodySource())
        .as("a v1 article predates full-text fetching: its body is the feed's")
        .isEqualTo(BodySource.FEED);
    assertThat(read.getImageUrl()).isNull();
  }

  @Test
  void readsFrozenArticleHistoryV1RecordIntoCurrentClassWithItsValues() throws Exception {
    ArticleHistory read = AvroSerde.of(ArticleHistory.class).decode(frozenSample("ArticleHistory"));

    assertThat(read.getVersion()).isEqualTo(3);
    assertThat(read.getContentHash()).isEqualTo("canceled:9f2c");
    assertThat(read.getTags()).containsExactly("narcotics", "middle-east");
    assertThat(read.getTaxonomyVersion()).isEqualTo("2024.07.1");
  }

  @Test
  void readsFrozenEnrichedArticleV1RecordIntoCurrentClassWithItsValues() throws Exception {
    EnrichedArticle read =
        AvroSerde.of(EnrichedArticle.class).decode(frozenSample("EnrichedArticle"));

    assertThat(read.getRouteTags()).containsExactly("narcotics", "middle-east");
    assertThat(read.getSignature()).containsExactly(42L, -7L, 1234567890123L);
    TaggedArticle article = read.getArticle();
    assertThat(article.getArticle().getId()).isEqualTo("seeds:captagon");
    assertThat(article.getArticle().getVersion()).isEqualTo(2);
    assertThat(article.getArticle().getSignal()).isEqualTo(Signal.UPDATE);
    assertThat(article.getTags())
        .singleElement()
        .satisfies(t -> assertThat(t.getId()).isEqualTo("narcotics"));
    assertThat(article.getEnrichedAt()).isEqualTo(Instant.ofEpochMilli(1718755260000L));
  }

  @Test
  void readsFrozenFeedStateV1RecordWithHealthFieldsAtTheirDefaults() throws Exception {
    Schema v1 = SchemaHistory.get().versions("FeedState").get(0);
    GenericRecord written = new GenericData.Record(v1);
    written.put("feedId", "wire");
    written.put("url", "https://example.com/feed");
    written.put("itemHashes", java.util.Map.of("wire:1", "h1"));
    written.put("itemVersions", java.util.Map.of("wire:1", 2));
    ByteBuffer wire =
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(written);
    byte[] bytes = new byte[wire.remaining()];
    wire.get(bytes);

    FeedState read = AvroSerde.of(FeedState.class).decode(bytes);

    assertThat(read.getItemVersions()).containsEntry("wire:1", 2);
    assertThat(read.getConsecutiveFailures()).isZero();
    assertThat(read.getItemsSeen()).isZero();
    assertThat(read.getNewItemGaps()).isEmpty();
    assertThat(read.getLastNewItemAt()).isNull();
  }

  @Test
  void roundTripsFeedHealth() {
    FeedHealth value =
        FeedHealth.newBuilder()
            .setFeedId("wire")
            .setUrl("https://example.com/feed")
            .setPolledAt(Instant.ofEpochMilli(1718755200000L))
            .setOutcome(FeedPollOutcome.HTTP_ERROR)
            .setHttpStatus(500)
            .setConsecutiveFailures(2)
            .build();
    AvroSerde<FeedHealth> serde = AvroSerde.of(FeedHealth.class);

    assertThat(serde.decode(serde.encode(value))).isEqualTo(value);
  }

  /** {@code samples/<type>-v1.json} written with the frozen v1 schema, single-object encoded. */
  private byte[] frozenSample(String type) throws Exception {
    Schema v1 = SchemaHistory.get().versions(type).get(0);
    String json =
        new String(
            getClass().getResourceAsStream("/samples/" + type + "-v1.json").readAllBytes(),
            StandardCharsets.UTF_8);
    GenericRecord written =
        new GenericDatumReader<GenericRecord>(v1)
            .read(null, DecoderFactory.get().jsonDecoder(v1, json));
    ByteBuffer wire =
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(written);
    byte[] bytes = new byte[wire.remaining()];
    wire.get(bytes);
    return bytes;
  }

  @Test
  void roundTripsTaggedArticle() {
    TaggedArticle value = Samples.taggedArticle();
    AvroSerde<TaggedArticle> serde = AvroSerde.of(TaggedArticle.class);

    byte[] bytes = serde.encode(value);

    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    assertThat(serde.decode(bytes)).isEqualTo(value);
  }

  @Test
  void unknownFingerprintIsNamedInTheError() {
    byte[] bytes = AvroSerde.of(TaggedArticle.class).encode(Samples.taggedArticle());
    bytes[2] ^= 0x5A; // corrupt the fingerprint, keep the marker

    assertThatThrownBy(() -> AvroSerde.of(TaggedArticle.class).decode(bytes))
        .isInstanceOf(UnknownSchemaException.class)
        .hasMessageContaining("fingerprint")
        .hasMessageContaining(
            String.format("%016x", ((UnknownSchemaException) catchUnknown(bytes)).fingerprint()));
  }

  @Test
  void randomBytesAreASerializationErrorNotACrash() {
    byte[] junk = new byte[64];
    new Random(42).nextBytes(junk);

    assertThatThrownBy(() -> AvroSerde.of(Article.class).decode(junk))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Article");
  }

  @Test
  void tagTopicNamesAreValidated() {
    assertThat(Topics.tag("middle-east").name()).isEqualTo("news.tags.middle-east");
    assertThatThrownBy(() -> Topics.tag("Middle East"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower-case");
  }

  private static Throwable catchUnknown(byte[] bytes) {
    try {
      AvroSerde.of(TaggedArticle.class).decode(bytes);
      return null;
    } catch (UnknownSchemaException e) {
      return e;
    }
  }

  private static Schema currentSchema(String type) throws Exception {
    return SpecificData.get().getSchema(Class.forName("io.newspipe.schemas." + type));
  }

  @SuppressWarnings("unused")
  private static byte[] toBytes(ByteArrayOutputStream out) {
    return out.toByteArray();
  }
}
