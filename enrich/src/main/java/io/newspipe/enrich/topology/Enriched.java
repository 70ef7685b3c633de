package io.newspipe.enrich.topology;

import io.newspipe.enrich.story.StorySignature;
import io.newspipe.schemas.AvroSerde;
import io.newspipe.schemas.EnrichedArticle;
import io.newspipe.schemas.TaggedArticle;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A tagged article on its way to story clustering: the tags whose topics must see it (its own, plus
 * those the previous version had, so subscribers learn it left them) and its {@link
 * StorySignature}. Crosses the story repartition topic as an {@link EnrichedArticle} record,
 * written by {@link #serde}.
 */
record Enriched(TaggedArticle article, List<String> routeTags, StorySignature signature) {

  /** The first byte of the hand-rolled format enrich wrote before {@link EnrichedArticle}. */
  private static final byte OLD_FORMAT = 1;

  private static final AvroSerde<EnrichedArticle> AVRO = AvroSerde.of(EnrichedArticle.class);

  Enriched {
    routeTags = List.copyOf(routeTags);
  }

  /**
   * Avro single-object encoding of {@link EnrichedArticle}. Reads, too, the hand-rolled format of
   * earlier releases (format byte 1), so an upgrade does not have to drain the repartition topic.
   */
  static Serde<Enriched> serde(Serde<TaggedArticle> articles) {
    Deserializer<TaggedArticle> oldArticles = articles.deserializer();
    return Serdes.serdeFrom(
        (topic, enriched) -> enriched == null ? null : AVRO.encode(enriched.toRecord()),
        (topic, data) -> {
          if (data == null) {
            return null;
          }
          if (data.length > 0 && data[0] == OLD_FORMAT) {
            return readOldFormat(topic, data, oldArticles);
          }
          return of(AVRO.decode(data));
        });
  }

  EnrichedArticle toRecord() {
    long[] hashes = signature.hashes();
    List<Long> words = new ArrayList<>(hashes.length);
    for (long h : hashes) {
      words.add(h);
    }
    return EnrichedArticle.newBuilder()
        .setArticle(article)
        .setRouteTags(routeTags)
        .setSignature(words)
        .build();
  }

  static Enriched of(EnrichedArticle record) {
    long[] hashes = record.getSignature().stream().mapToLong(Long::longValue).toArray();
    return new Enriched(
        record.getArticle(), record.getRouteTags(), StorySignature.ofHashes(hashes));
  }

  /** Format 1: format byte, route tags, signature word hashes, then the Avro-encoded article. */
  private static Enriched readOldFormat(
      String topic, byte[] data, Deserializer<TaggedArticle> articles) {
    try {
      ByteBuffer in = ByteBuffer.wrap(data, 1, data.length - 1);
      int tags = in.getInt();
      List<String> routeTags = new ArrayList<>(tags);
      for (int i = 0; i < tags; i++) {
        byte[] utf8 = new byte[in.getInt()];
        in.get(utf8);
        routeTags.add(new String(utf8, StandardCharsets.UTF_8));
      }
      long[] hashes = new long[in.getInt()];
      for (int i = 0; i < hashes.length; i++) {
        hashes[i] = in.getLong();
      }
      byte[] article = Arrays.copyOfRange(data, in.position(), data.length);
      return new Enriched(
          articles.deserialize(topic, article), routeTags, StorySignature.ofHashes(hashes));
    } catch (RuntimeException e) {
      throw new SerializationException(
          "story repartition record in the old format 1 is corrupt (" + e + ")", e);
    }
  }
}
