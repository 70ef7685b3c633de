package io.newspipe.ingest.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.ingest.format.ArticleParser;
import io.newspipe.ingest.format.ParseException;
import io.newspipe.ingest.format.validate.ValidationReport;
import io.newspipe.schemas.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the IPTC readers and validators against {@code <corpora>/ninjs} and {@code
 * <corpora>/newsml-g2}.
 *
 * <p>Reading: every ninjs example and {@code should_pass} file, and every NewsML-G2 file holding a
 * {@code newsItem}, must give articles with a headline, and a body, language and times wherever the
 * source has them.
 *
 * <p>Validating: every {@code should_fail} file must be reported invalid (at least one problem),
 * and every {@code should_pass} file and example must validate clean. Like IPTC's own test runs,
 * each file is validated against the version its folder is named after ({@code 1.3/should_fail}
 * against ninjs 1.3, {@code 2.28/should_fail} against NewsML-G2 2.28): many of these files declare
 * no version, or another one, and are wrong only for the folder's version. The same measures with
 * the version the validator picks itself (declared, else best fit or latest) are printed too.
 * {@code -Dconformance.verbose=true} lists every file on the wrong side with its first problems.
 */
class IptcConformance {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NINJS_FOLDER =
      Pattern.compile("/(?:test_suite|examples)/([0-9]\\.(?:[0-9]|x_dev))/");
  private static final Pattern G2_FOLDER = Pattern.compile("/unit_test_files/([0-9]+\\.[0-9]+)/");
  private static final double MIN_REPORTED_INVALID = 0.95;
  private static final double MAX_FALSE_INVALID = 0.02;

  private final ArticleParser parser = new ArticleParser(Clock.systemUTC());

  @Test
  void shouldReadEveryNinjsExampleAndShouldPassFile() throws IOException {
    Path root = Corpora.root().resolve("ninjs");
    List<String> problems = new ArrayList<>();
    int ok = 0;
    int notNews = 0;
    List<Path> files = ninjsPassing();
    for (Path file : files) {
      JsonNode source = JSON.readTree(file.toFile());
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
  void shouldValidateEveryNinjsExampleAndShouldPassFileClean() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path file : ninjsPassing()) {
      JsonNode source = JSON.readTree(file.toFile());
      if (source.isArray() || source.has("uri")) {
        files.add(file); // not the JSON Schema among the examples
      }
    }
    Tally folder =
        tally("ninjs examples + should_pass", files, false, IptcConformance::ninjsFolder);
    tally("  (version picked by the validator)", files, false, f -> null);
    assertThat(folder.rate()).isLessThanOrEqualTo(MAX_FALSE_INVALID);
  }

  @Test
  void shouldReportEveryNinjsShouldFailFileInvalid() {
    List<Path> files =
        Corpora.files(Corpora.root().resolve("ninjs/validation/test_suite"), ".json").stream()
            .filter(p -> p.toString().contains("/should_fail/"))
            .toList();
    Tally folder = tally("ninjs should_fail", files, true, IptcConformance::ninjsFolder);
    tally("  (version picked by the validator)", files, true, f -> null);
    assertThat(folder.rate()).isGreaterThanOrEqualTo(MIN_REPORTED_INVALID);
  }

  @Test
  void shouldReadEveryNewsmlG2NewsItem() throws IOException {
    Path root = Corpora.root().resolve("newsml-g2");
    List<String> problems = new ArrayList<>();
    int items = 0;
    int ok = 0;
    for (Path file : newsmlPassing()) {
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
  void shouldValidateEveryNewsmlG2ExampleAndShouldPassFileClean() {
    List<Path> files = newsmlPassing();
    Tally folder =
        tally("newsml-g2 examples + should_pass", files, false, IptcConformance::g2Folder);
    tally("  (version picked by the validator)", files, false, f -> null);
    assertThat(folder.rate()).isLessThanOrEqualTo(MAX_FALSE_INVALID);
  }

  @Test
  void shouldReportEveryNewsmlG2ShouldFailFileInvalid() {
    List<Path> files =
        Corpora.files(Corpora.root().resolve("newsml-g2"), ".xml").stream()
            .filter(p -> p.toString().contains("/should_fail/"))
            .toList();
    Tally folder = tally("newsml-g2 should_fail", files, true, IptcConformance::g2Folder);
    tally("  (version picked by the validator)", files, true, f -> null);
    assertThat(folder.rate()).isGreaterThanOrEqualTo(MIN_REPORTED_INVALID);
  }

  /**
   * Validates {@code files} and counts those reported invalid; prints the figure and, verbose, the
   * files on the wrong side.
   *
   * @param invalidExpected whether the files are should_fail files
   * @param version the version a file must follow, or null for the validator's own choice
   * @return for should_fail files the share reported invalid, else the share wrongly reported
   */
  private Tally tally(
      String what, List<Path> files, boolean invalidExpected, Function<Path, String> version) {
    int invalid = 0;
    List<String> wrong = new ArrayList<>();
    for (Path file : files) {
      ValidationReport report;
      try {
        report =
            parser.validate(
                Files.readAllBytes(file), FeedparserConformance.origin(file), version.apply(file));
      } catch (IOException | RuntimeException e) {
        throw new AssertionError(file + ": the validator must not throw, but threw " + e, e);
      }
      if (!report.valid()) {
        invalid++;
      }
      if (report.valid() == invalidExpected) {
        wrong.add(Corpora.root().relativize(file) + ": " + report.summary(3));
      }
    }
    Tally t = new Tally(files.size(), invalid, invalidExpected);
    System.out.printf(
        Locale.ROOT,
        "%s: %d files, %d reported invalid (%.1f%%)%s%n",
        what,
        files.size(),
        invalid,
        100.0 * invalid / Math.max(1, files.size()),
        invalidExpected ? "" : " = false-invalid");
    if (Boolean.getBoolean("conformance.verbose")) {
      wrong.forEach(
          w -> System.out.println((invalidExpected ? "    NOT REPORTED " : "    FLAGGED ") + w));
    }
    return t;
  }

  private record Tally(int files, int invalid, boolean invalidExpected) {
    double rate() {
      return files == 0 ? (invalidExpected ? 1.0 : 0.0) : (double) invalid / files;
    }
  }

  private static List<Path> ninjsPassing() {
    Path root = Corpora.root().resolve("ninjs");
    List<Path> files = new ArrayList<>(Corpora.files(root.resolve("examples"), ".json"));
    files.addAll(
        Corpora.files(root.resolve("validation/test_suite"), ".json").stream()
            .filter(p -> p.toString().contains("/should_pass/"))
            .toList());
    return files;
  }

  private static List<Path> newsmlPassing() {
    return Corpora.files(Corpora.root().resolve("newsml-g2"), ".xml").stream()
        .filter(p -> !p.toString().contains("/should_fail/"))
        .toList();
  }

  /** The ninjs version a file's folder is named after ({@code 1.x_dev} is the 1.x draft). */
  private static String ninjsFolder(Path file) {
    Matcher m = NINJS_FOLDER.matcher(file.toString().replace('\\', '/'));
    return m.find() ? m.group(1).replace('_', '-') : null;
  }

  /** The NewsML-G2 version a unit-test folder is named after; null for examples, dev, NAR1.9. */
  private static String g2Folder(Path file) {
    Matcher m = G2_FOLDER.matcher(file.toString().replace('\\', '/'));
    return m.find() ? m.group(1) : null;
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
}
