package io.newspipe.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;

/**
 * Every released version of every event schema, frozen as fully resolved JSON under {@code
 * io/newspipe/schemas/history/<Type>/v<N>.avsc} and listed in {@code history/index.txt}.
 *
 * <p>Readers resolve the writer schema of a single-object-encoded record by its CRC-64-AVRO
 * fingerprint through {@link #store()}. To release a schema change, add the new {@code vN.avsc} and
 * its line in the index; never edit a frozen file.
 */
public final class SchemaHistory {

  private static final String ROOT = "/io/newspipe/schemas/history/";

  private static final SchemaHistory INSTANCE = load();

  private final Map<String, List<Schema>> versionsByType;
  private final SchemaStore.Cache store;

  private SchemaHistory(Map<String, List<Schema>> versionsByType) {
    this.versionsByType = versionsByType;
    this.store = new SchemaStore.Cache();
    versionsByType.values().forEach(list -> list.forEach(store::addSchema));
  }

  /** The history shipped in this jar. */
  public static SchemaHistory get() {
    return INSTANCE;
  }

  /** A schema store that knows every frozen version (and, via the serde, the current ones). */
  public SchemaStore.Cache store() {
    return store;
  }

  /** Frozen versions of one type, oldest first; empty if the type was never released. */
  public List<Schema> versions(String simpleTypeName) {
    return versionsByType.getOrDefault(simpleTypeName, List.of());
  }

  /** Names of all types with a frozen history. */
  public List<String> types() {
    return List.copyOf(versionsByType.keySet());
  }

  /** The resource path of a frozen version, e.g. {@code Article/v1.avsc}. */
  public static String resource(String type, int version) {
    return ROOT + type + "/v" + version + ".avsc";
  }

  /** CRC-64-AVRO fingerprint of a schema as Avro's single-object encoding writes it. */
  public static long fingerprint(Schema schema) {
    return SchemaNormalization.parsingFingerprint64(schema);
  }

  private static SchemaHistory load() {
    Map<String, List<Schema>> byType = new TreeMap<>();
    for (String line : readResource(ROOT + "index.txt").split("\n")) {
      String entry = line.strip();
      if (entry.isEmpty() || entry.startsWith("#")) {
        continue;
      }
      String type = entry.substring(0, entry.indexOf('/'));
      // Each frozen file is self-contained, so each gets its own parser (names may repeat).
      Schema schema = new Schema.Parser().parse(readResource(ROOT + entry));
      byType.computeIfAbsent(type, t -> new ArrayList<>()).add(schema);
    }
    byType.replaceAll((k, v) -> Collections.unmodifiableList(v));
    return new SchemaHistory(Collections.unmodifiableMap(byType));
  }

  static String readResource(String path) {
    try (InputStream in = SchemaHistory.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("schema history resource missing from the jar: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
