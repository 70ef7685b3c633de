package io.newspipe.app.cli;

import io.newspipe.ingest.fulltext.ArticleExtractor;
import io.newspipe.ingest.fulltext.ExtractedPage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newspipe extract [--url URL] FILE...}: the article in saved HTML pages, without Kafka. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Extract the article from saved web pages (.html or .html.gz) the way ingest does for"
          + " full-text fetches, and print one JSON line per file: {file, headline, body, byline,"
          + " published, language}. No Kafka needed.",
      "Files that cannot be read are reported on stderr (exit code 1); the rest still print."
    })
public final class ExtractCommand implements Callable<Integer> {

  /** A page larger than this (after gunzip) is refused, as a fetched page would be. */
  static final long MAX_PAGE_BYTES = 20L * 1024 * 1024;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "HTML files, plain or gzipped.")
  List<Path> files;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "The address the pages were saved from, to resolve relative links.")
  String url;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ArticleExtractor extractor = new ArticleExtractor();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int failures = 0;
    for (Path file : files) {
      try {
        ExtractedPage page = extractor.extract(read(file), null, url);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("file", file.toString());
        line.put("headline", page.headline());
        line.put("body", page.body());
        line.put("byline", page.byline());
        line.put("published", page.published());
        line.put("language", page.language());
        out.println(Json.line(line));
      } catch (IOException e) {
        err.println("newspipe extract: cannot read " + file + ": " + e.getMessage());
        failures++;
      }
    }
    out.flush();
    return failures == 0 ? 0 : 1;
  }

  /** The file's bytes, gunzipped if it ends in .gz, refusing more than {@link #MAX_PAGE_BYTES}. */
  static byte[] read(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in =
            file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      byte[] chunk = new byte[64 * 1024];
      for (int n; (n = in.read(chunk)) > 0; ) {
        if (bytes.size() + (long) n > MAX_PAGE_BYTES) {
          throw new IOException("larger than " + MAX_PAGE_BYTES + " bytes; not a web page");
        }
        bytes.write(chunk, 0, n);
      }
      return bytes.toByteArray();
    }
  }
}
