package io.newspipe.ingest.source;

import io.newspipe.ingest.format.ArticleIds;
import io.newspipe.ingest.format.ArticleParser;
import io.newspipe.ingest.format.Format;
import io.newspipe.ingest.format.FormatDetector;
import io.newspipe.ingest.format.Origin;
import io.newspipe.ingest.format.ParseException;
import io.newspipe.schemas.Article;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Standard input as a source: one document (a feed or a text article), or JSON lines of articles
 * ({@code {"id"?, "headline", "body", ...}}), read to the end. For JSON lines each bad line is
 * rejected on its own and the good ones still go through.
 */
public final class StdinSource {

  private static final Logger LOG = LoggerFactory.getLogger(StdinSource.class);
  private static final String STDIN = "stdin";

  private final InputStream in;
  private final String sourceId;
  private final SourceSettings settings;
  private final ArticleParser parser;
  private int rejected;

  public StdinSource(
      InputStream in, String sourceId, SourceSettings settings, ArticleParser parser) {
    this.in = Objects.requireNonNull(in, "in");
    this.sourceId = ArticleIds.requireValidSourceId(sourceId);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.parser = Objects.requireNonNull(parser, "parser");
  }

  /**
   * Reads the stream to its end and hands every article to {@code sink}.
   *
   * @return the number of articles accepted
   * @throws IOException if the stream itself cannot be read (an oversized document is rejected)
   */
  public int readInto(ArticleSink sink) throws IOException {
    byte[] bytes;
    try {
      bytes = Documents.readAtMost(in, settings.maxDocumentBytes(), STDIN);
    } catch (DocumentTooLargeException e) {
      reject(sink, STDIN, new byte[0], e);
      return 0;
    }
    Origin origin = Origin.stream(sourceId, STDIN);
    int accepted;
    if (FormatDetector.detect(bytes, null) == Format.JSON_LINES) {
      String text = new String(bytes, StandardCharsets.UTF_8);
      accepted = readJsonLines(text.startsWith("\uFEFF") ? text.substring(1) : text, origin, sink);
    } else {
      accepted = readDocument(bytes, origin, sink);
    }
    LOG.info("read {} article(s) from stdin", accepted);
    return accepted;
  }

  private int readDocument(byte[] bytes, Origin origin, ArticleSink sink) {
    try {
      List<Article> articles = parser.parse(bytes, origin);
      articles.forEach(sink::accept);
      return articles.size();
    } catch (ParseException e) {
      reject(sink, STDIN, Documents.prefix(bytes, settings.maxRejectedPayloadBytes()), e);
      return 0;
    } catch (RuntimeException | Error e) {
      // the parser contains what a document throws; this is the last line for stdin
      reject(
          sink,
          STDIN,
          Documents.prefix(bytes, settings.maxRejectedPayloadBytes()),
          new ParseException(STDIN, "the parser failed: " + e, e));
      return 0;
    }
  }

  private int readJsonLines(String text, Origin origin, ArticleSink sink) {
    int accepted = 0;
    String[] lines = text.split("\\r?\\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      try {
        sink.accept(parser.parseJsonLine(line.strip(), origin, i + 1));
        accepted++;
      } catch (ParseException e) {
        byte[] payload = line.getBytes(StandardCharsets.UTF_8);
        reject(
            sink,
            STDIN + " line " + (i + 1),
            Documents.prefix(payload, settings.maxRejectedPayloadBytes()),
            e);
      }
    }
    return accepted;
  }

  /** Documents or lines rejected by {@link #readInto}. */
  public int rejected() {
    return rejected;
  }

  private void reject(ArticleSink sink, String document, byte[] payload, Exception reason) {
    rejected++;
    sink.reject(document, payload, reason);
  }
}
