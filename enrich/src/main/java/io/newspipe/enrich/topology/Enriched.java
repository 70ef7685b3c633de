package io.newspipe.enrich.topology;

import io.newspipe.enrich.story.StorySignature;
import io.newspipe.schemas.TaggedArticle;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A tagged article on its way to story clustering: the tags whose topics must see it (its own, plus
 * those the previous version had, so subscribers learn it left them) and its {@link
 * StorySignature}. Crosses the story repartition topic, written by {@link #serde}.
 */
record Enriched(TaggedArticle article, List<String> routeTags, StorySignature signature) {

  private static final byte FORMAT = 1;

  Enriched {
    routeTags = List.copyOf(routeTags);
  }

  /**
   * The wire form: format byte, route tags, signature word hashes, then the article in its own Avro
   * single-object encoding ({@code articles}). Internal to enrich: only its repartition topic
   * carries it, and a format change needs that topic drained (stop enrich once the topic is empty,
   * or reset the application).
   */
  static Serde<Enriched> serde(Serde<TaggedArticle> articles) {
    Serializer<TaggedArticle> articleWriter = articles.serializer();
    Deserializer<TaggedArticle> articleReader = articles.deserializer();
    Serializer<Enriched> serializer =
        (topic, enriched) -> {
          if (enriched == null) {
            return null;
          }
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(enriched.routeTags().size());
            for (String tag : enriched.routeTags()) {
              byte[] utf8 = tag.getBytes(StandardCharsets.UTF_8);
              out.writeInt(utf8.length);
              out.write(utf8);
            }
            long[] hashes = enriched.signature().hashes();
            out.writeInt(hashes.length);
            for (long h : hashes) {
              out.writeLong(h);
            }
            out.write(articleWriter.serialize(topic, enriched.article()));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return bytes.toByteArray();
        };
    Deserializer<Enriched> deserializer =
        (topic, data) -> {
          if (data == null) {
            return null;
          }
          ByteBuffer in = ByteBuffer.wrap(data);
          byte format = in.get();
          if (format != FORMAT) {
            throw new SerializationException(
                "story repartition record has format "
                    + format
                    + ", this enrich reads "
                    + FORMAT
                    + ": run the enrich version that wrote it until the topic is drained");
          }
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
          byte[] article = new byte[in.remaining()];
          in.get(article);
          return new Enriched(
              articleReader.deserialize(topic, article),
              routeTags,
              StorySignature.ofHashes(hashes));
        };
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
