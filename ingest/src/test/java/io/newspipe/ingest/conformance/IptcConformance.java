package io.newspipe.ingest.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.ingest.format.ArticleParser;
import io.newspipe.ingest.format.ParseException;
import io.newspipe.schemas.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Checks the IPTC readers against {@code <corpora>/ninjs} and {@code <corpora>/newsml-g2}: every
 * ninjs example and {@code should_pass} file, and every NewsML-G2 file holding a {@code newsItem},
 * must give articles with a headline, and a body, language and times wherever the source has them;
 * {@code should_fail} files must be rejected with a reason or accepted, never crash (newspipe reads
 * what it needs and does not validate against the full schema, so the count of rejected ones is
 * printed, not asserted). Files that are schemas or not news (JSON Schema documents, event
 * collections) are listed as such.
 */
class IptcConformance {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ArticleParser parser = new ArticleParser(Clock.systemUTC());

  @Test
  void shouldReadEveryNinjsExampleAndShouldPassFile() throws IOException {
    Path root = Corpora.root().resolve("ninjs");
    List<Path> files = new ArrayList<>(Corpora.files(root.resolve("examples"), ".json"));
    files.addAll(
        Corpora.files(root.resolve("validation/test_suite"), ".json").stream()
            .filter(p -> p.toString().contains("/should_pass/"))
            .toList());
    List<String> problems = new ArrayList<>();
    int ok = 0;
    int notNews = 0;
    for (Path file : files) {
      JsonNode source;
      try {
        source = JSON.readTree(file.toFile());
      } catch (IOException e) {
        problems.add(file + ": not JSON in the corpus itself: " + e.getMessage());
        continue;
      }
      if (source == null || !source.isObject() || !source.has("uri")) {
        notNews++; // a JSON Schema, or a collection of events: not a ninjs news item
        continue;
      }
      String problem = checkArticle(file, source);
      if (problem == null) {
        ok++;
      } else {
        problems.add(root.relativize(file) + ": " + problem);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "ninjs examples + should_pass: %d files, %d read completely, %d problems, %d not news"
            + " items (schemas, collections)%n",
        files.size(),
        ok,
        problems.size(),
        notNews);
    problems.forEach(p -> System.out.println("  PROBLEM " + p));
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldReportNinjsShouldFailFilesWithoutCrashing() {
    countShouldFail(
        "ninjs",
        Corpora.files(Corpora.root().resolve("ninjs/validation/test_suite"), ".json").stream()
            .filter(p -> p.toString().contains("/should_fail/"))
            .toList());
  }

  @Test
  void shouldReadEveryNewsmlG2NewsItem() throws IOException {
    Path root = Corpora.root().resolve("newsml-g2");
    List<String> problems = new ArrayList<>();
    int items = 0;
    int ok = 0;
    for (Path file : Corpora.files(root, ".xml")) {
      if (file.toString().contains("/should_fail/")) {
        continue;
      }
      String xml = Files.readString(file, StandardCharsets.UTF_8);
      if (!xml.contains("<newsItem")) {
        continue;
      }
      items++;
      String problem = checkArticle(file, null);
      if (problem == null) {
        ok++;
      } else {
        problems.add(root.relativize(file) + ": " + problem);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "newsml-g2 files with a newsItem: %d, %d read completely, %d problems%n",
        items,
        ok,
        problems.size());
    problems.forEach(p -> System.out.println("  PROBLEM " + p));
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldReportNewsmlG2ShouldFailFilesWithoutCrashing() {
    countShouldFail(
        "newsml-g2",
        Corpora.files(Corpora.root().resolve("newsml-g2"), ".xml").stream()
            .filter(p -> p.toString().contains("/should_fail/"))
            .toList());
  }

  /** Null if the file reads into articles with the fields its source has, else what is wrong. */
  private String checkArticle(Path file, JsonNode ninjs) {
    List<Article> articles;
    try {
      articles = parser.parse(Files.readAllBytes(file), FeedparserConformance.origin(file));
    } catch (ParseException e) {
      return "rejected: " + e.reason();
    } catch (IOException | RuntimeException e) {
      return "crashed: " + e;
    }
    if (articles.isEmpty()) {
      return "no article";
    }
    Article a = articles.get(0);
    if (a.getHeadline().isBlank()) {
      return "no headline";
    }
    if (ninjs != null) {
      boolean hasBody =
          ninjs.has("body_text")
              || ninjs.has("body_xhtml")
              || ninjs.has("body_html")
              || ninjs.has("bodies");
      if (hasBody && a.getBody().isBlank()) {
        return "no body although the source has one";
      }
      if (ninjs.has("language") && a.getLanguage() == null) {
        return "no language although the source has one";
      }
      JsonNode time =
          ninjs.has("versionCreated") ? ninjs.get("versionCreated") : ninjs.get("versioncreated");
      // "where the source has them": a value such as "Last Tuesday" is not a time
      boolean hasTime = time != null && time.asText().matches("\\d{4}-\\d{2}-\\d{2}.*");
      if (hasTime && a.getUpdatedAt() == null) {
        return "no versionCreated time although the source has one";
      }
    }
    return null;
  }

  private void countShouldFail(String corpus, List<Path> files) {
    int rejected = 0;
    int accepted = 0;
    List<String> crashes = new ArrayList<>();
    for (Path file : files) {
      try {
        parser.parse(Files.readAllBytes(file), FeedparserConformance.origin(file));
        accepted++;
      } catch (ParseException e) {
        rejected++;
      } catch (IOException | RuntimeException e) {
        crashes.add(file + ": " + e);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%s should_fail: %d files, %d reported invalid, %d accepted (newspipe does not validate"
            + " fields it does not read), %d crashed%n",
        corpus,
        files.size(),
        rejected,
        accepted,
        crashes.size());
    assertThat(crashes).isEmpty();
  }
}
