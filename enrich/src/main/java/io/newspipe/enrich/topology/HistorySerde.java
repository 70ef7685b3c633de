package io.newspipe.enrich.topology;

import io.newspipe.schemas.ArticleHistory;
import io.newspipe.schemas.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The serde of the {@link VersionAndTag#STORE} store: {@link ArticleHistory} in Avro single-object
 * encoding, as every other record. It also reads the tab-separated text ({@code version \t hash \t
 * tag,tag}) that enrich wrote before, so a store and changelog written by an older enrich keep
 * working without a reset; each entry is rewritten in Avro when its article next changes.
 */
final class HistorySerde {

  private static final AvroSerde<ArticleHistory> AVRO = AvroSerde.of(ArticleHistory.class);

  private HistorySerde() {}

  static Serde<ArticleHistory> serde() {
    return Serdes.serdeFrom(
        (topic, history) -> AVRO.encode(history), (topic, bytes) -> read(bytes));
  }

  static ArticleHistory read(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    // Single-object encoding starts C3 01; the old text starts with a version number.
    if (bytes.length >= 2 && bytes[0] == (byte) 0xC3 && bytes[1] == 0x01) {
      return AVRO.decode(bytes);
    }
    return fromText(new String(bytes, StandardCharsets.UTF_8));
  }

  /** The old text form: {@code version \t hash \t tag,tag}. */
  static ArticleHistory fromText(String line) {
    String[] parts = line.split("\t", -1);
    if (parts.length != 3 || !parts[0].matches("-?\\d{1,10}")) {
      throw new SerializationException(
          "article-versions store holds '"
              + line
              + "', neither an ArticleHistory record nor the old 'version<TAB>hash<TAB>tags' text:"
              + " reset the enrich application (its state is rebuilt from news.articles.raw)");
    }
    List<String> tags = parts[2].isEmpty() ? List.of() : Arrays.asList(parts[2].split(","));
    return ArticleHistory.newBuilder()
        .setVersion(Integer.parseInt(parts[0]))
        .setContentHash(parts[1])
        .setTags(tags)
        .setTaxonomyVersion(null)
        .build();
  }
}
