package io.newspipe.ingest.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.ingest.fulltext.ArticleExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Scores {@link ArticleExtractor} on the article-extraction benchmark corpus ({@code
 * corpora.dir/article-extraction}: {@code html/*.html.gz} and {@code ground-truth.json}) the way
 * the benchmark does: per-page shingle precision and recall, averaged over pages, F1 of the
 * averages.
 *
 * <p>The pages are split once, by a hash of the file name, into a tuning half (the only pages the
 * extractor's rules are adjusted on) and a held-out half. By default only the tuning half is
 * extracted and scored. With {@code -Dconformance.heldOut=true} the held-out half is scored too and
 * its aggregate is printed beside the tuning half and the total; per-page figures (the distribution
 * and the worst pages) are only ever printed for the tuning half, so that looking at the report
 * cannot tune the extractor to the held-out pages. Prints; asserts only that every page that was
 * meant to be scored was scored.
 */
class ArticleExtractionConformance {

  /** Page scores, named by file. */
  record Page(String name, boolean tuning, ShingleScore score) {}

  static boolean isTuning(String fileName) {
    return Math.floorMod(fileName.hashCode(), 2) == 0;
  }

  /** Whether this run also scores the held-out half ({@code -Dconformance.heldOut=true}). */
  static boolean withHeldOut() {
    return Boolean.parseBoolean(System.getProperty("conformance.heldOut", "false"));
  }

  @Test
  void scoresTheArticleExtractionBenchmark() throws IOException {
    Path dir = Corpora.root().resolve("article-extraction");
    boolean heldOut = withHeldOut();
    List<Page> pages = score(dir, heldOut);
    long expected =
        Corpora.files(dir.resolve("html"), ".html.gz").stream()
            .filter(f -> heldOut || isTuning(f.getFileName().toString()))
            .count();
    assertEquals(expected, pages.size());
    System.out.print(report(pages));
  }

  static List<Page> score(Path dir, boolean withHeldOut) throws IOException {
    JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
    ArticleExtractor extractor = new ArticleExtractor();
    List<Page> pages = new ArrayList<>();
    for (Path file : Corpora.files(dir.resolve("html"), ".html.gz")) {
      String name = file.getFileName().toString();
      if (!withHeldOut && !isTuning(name)) {
        continue; // not even extracted: its figures are for the one final evaluation
      }
      String id = name.substring(0, name.length() - ".html.gz".length());
      JsonNode expected = truth.get(id);
      String html = read(file);
      String url = expected.path("url").asText(null);
      String body = extractor.extract(html, url).body();
      pages.add(
          new Page(
              name, isTuning(name), ShingleScore.of(expected.path("articleBody").asText(), body)));
    }
    return pages;
  }

  private static String read(Path gz) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static String report(List<Page> pages) {
    StringBuilder out = new StringBuilder("article extraction (4-word shingles)\n");
    List<Page> tuning = pages.stream().filter(Page::tuning).toList();
    out.append(line("tuning half", tuning));
    if (tuning.size() < pages.size()) {
      out.append(line("held-out half", pages.stream().filter(p -> !p.tuning()).toList()));
      out.append(line("all pages", pages));
    }
    out.append("tuning half, per page (held-out pages are never listed):\n");
    out.append("precision deciles: ").append(deciles(tuning, true)).append('\n');
    out.append("recall deciles:    ").append(deciles(tuning, false)).append('\n');
    out.append("worst pages by F1:\n");
    tuning.stream()
        .sorted(
            Comparator.comparingDouble(
                p -> ShingleScore.f1(p.score().precision(), p.score().recall())))
        .limit(10)
        .forEach(
            p ->
                out.append(
                    String.format(
                        Locale.ROOT,
                        "  %s P=%.3f R=%.3f%n",
                        p.name().substring(0, 12),
                        p.score().precision(),
                        p.score().recall())));
    return out.toString();
  }

  private static String line(String label, List<Page> pages) {
    double p = pages.stream().mapToDouble(x -> x.score().precision()).average().orElse(0);
    double r = pages.stream().mapToDouble(x -> x.score().recall()).average().orElse(0);
    return String.format(
        Locale.ROOT,
        "%-14s pages=%2d P=%.3f R=%.3f F1=%.3f%n",
        label,
        pages.size(),
        p,
        r,
        ShingleScore.f1(p, r));
  }

  private static String deciles(List<Page> pages, boolean precision) {
    double[] v =
        pages.stream()
            .mapToDouble(p -> precision ? p.score().precision() : p.score().recall())
            .sorted()
            .toArray();
    StringBuilder s = new StringBuilder();
    for (int d = 0; d <= 10; d++) {
      int i = Math.min(v.length - 1, (int) Math.round(d / 10.0 * (v.length - 1)));
      s.append(
          String.format(Locale.ROOT, "%s%.2f", d == 0 ? "min " : d == 10 ? " max " : " ", v[i]));
    }
    return s.toString();
  }
}
