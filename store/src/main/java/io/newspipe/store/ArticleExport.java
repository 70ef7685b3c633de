package io.newspipe.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes {@link ArticleRow}s as they come ({@link ArticleQueries#export}) to a stream, UTF-8, in
 * one of the {@link Format}s: CSV (a header row, then one row per article, quoted per RFC 4180 by
 * Jackson's CSV writer; tags joined with {@code |}) or JSON Lines (one object per line, tags as an
 * array). Nothing is buffered beyond the writer's own buffer; {@link #close} flushes and leaves the
 * stream open.
 *
 * <pre>{@code
 * try (ArticleExport out = ArticleExport.open(Format.CSV, System.out)) {
 *   store.export(filter, out);
 * }
 * }</pre>
 */
public final class ArticleExport implements Consumer<ArticleRow>, AutoCloseable {

  /** The export columns, in order; CSV header names and JSON Lines keys. */
  public static final List<String> COLUMNS =
      List.of(
          "id",
          "version",
          "published",
          "received",
          "source",
          "language",
          "url",
          "headline",
          "tags",
          "storyId",
          "withdrawn");

  /** Separates tag ids in a CSV cell (tag ids never contain it). */
  public static final String TAG_SEPARATOR = "|";

  /** What an export is written as. */
  public enum Format {
    CSV("text/csv; charset=utf-8", "csv"),
    JSONL("application/x-ndjson; charset=utf-8", "jsonl");

    private final String contentType;
    private final String extension;

    Format(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }

    public String contentType() {
      return contentType;
    }

    public String extension() {
      return extension;
    }

    /**
     * @throws IllegalArgumentException naming the formats there are
     */
    public static Format parse(String text) {
      for (Format f : values()) {
        if (f.name().equalsIgnoreCase(text)) {
          return f;
        }
      }
      throw new IllegalArgumentException(
          "unknown export format '"
              + text
              + "'; use "
              + String.join(
                  " or ",
                  Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList()));
    }
  }

  private static final CsvMapper CSV = new CsvMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Format format;
  private final SequenceWriter csv; // null for JSON Lines
  private final JsonGenerator jsonl; // null for CSV
  private long rows;

  private ArticleExport(Format format, SequenceWriter csv, JsonGenerator jsonl) {
    this.format = format;
    this.csv = csv;
    this.jsonl = jsonl;
  }

  /** Starts an export to {@code out} (writing the CSV header at once). */
  public static ArticleExport open(Format format, OutputStream out) throws IOException {
    if (format == Format.JSONL) {
      JsonGenerator generator = JSON.getFactory().createGenerator(out);
      generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      generator.setRootValueSeparator(null);
      return new ArticleExport(format, null, generator);
    }
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    COLUMNS.forEach(schema::addColumn);
    SequenceWriter writer =
        CSV.writer(schema.build())
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .writeValues(out);
    ArticleExport export = new ArticleExport(format, writer, null);
    writer.flush(); // the header, even when no article follows
    return export;
  }

  /**
   * Writes one article.
   *
   * @throws UncheckedIOException when the stream cannot be written (e.g. the reader went away)
   */
  @Override
  public void accept(ArticleRow row) {
    try {
      if (csv != null) {
        csv.write(values(row));
      } else {
        jsonl.writeObject(values(row));
        jsonl.writeRaw('\n');
      }
      rows++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the export: " + e.getMessage(), e);
    }
  }

  /** Articles written so far. */
  public long rows() {
    return rows;
  }

  private Map<String, Object> values(ArticleRow r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("version", r.version());
    m.put("published", time(r.publishedAt()));
    m.put("received", time(r.receivedAt()));
    m.put("source", r.sourceId());
    m.put("language", r.language());
    m.put("url", r.url());
    m.put("headline", r.headline());
    m.put("tags", format == Format.CSV ? String.join(TAG_SEPARATOR, r.tags()) : r.tags());
    m.put("storyId", r.storyId());
    m.put("withdrawn", r.withdrawn());
    return m;
  }

  private static String time(Instant t) {
    return t == null ? null : t.toString();
  }

  /** Flushes; the stream stays open. */
  @Override
  public void close() throws IOException {
    if (csv != null) {
      csv.close();
    } else {
      jsonl.close();
    }
  }
}
