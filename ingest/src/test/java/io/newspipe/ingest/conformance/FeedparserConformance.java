package io.newspipe.ingest.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.ingest.format.ArticleParser;
import io.newspipe.ingest.format.FeedEntriesAccess;
import io.newspipe.ingest.format.Origin;
import io.newspipe.ingest.format.ParseException;
import io.newspipe.ingest.format.PlainText;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.Subject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks newspipe's feed parsing against the expectations of Python feedparser's test suite ({@code
 * <corpora>/feedparser}). Each test file starts with a comment {@code Expect: not bozo and
 * entries[0]['title'] == u'…'}; the clauses that compare a string with {@code ==} and whose key
 * maps onto an {@link Article} field are checked, the others (feed-level metadata newspipe does not
 * keep, parsed time tuples, link relations, …) are not applicable.
 *
 * <p>The mapping: {@code entries[N]} is the N-th article of the feed; {@code title} / {@code
 * title_detail.value} → headline; {@code link} → url; {@code id} / {@code guid} → guid; {@code
 * author} (its name part) / {@code author_detail.name} / {@code authors[k].name} → byline (names
 * joined by ", "); {@code published} / {@code updated} → publishedAt / updatedAt (same instant);
 * {@code summary} / {@code description} / {@code summary_detail.value} → summary; {@code
 * content[0].value} → html (or body when there is no HTML); {@code rights} / {@code copyright} →
 * rights; {@code tags[k].term} / {@code category} → subjects[k].name and {@code tags[k].scheme} →
 * subjects[k].scheme; and, when the feed has entries, {@code feed['title']} → source.name, {@code
 * feed['language']} → language and {@code feed['rights']} / {@code feed['copyright']} → rights (a
 * feed's rights cover its entries). Values compare equal when their plain text (markup removed,
 * whitespace collapsed) is equal, because newspipe stores plain text where feedparser keeps
 * sanitised HTML; a plain-text field may also equal the expected value literally.
 */
class FeedparserConformance {

  private static final List<String> FOLDERS = List.of("rss", "atom10", "atom", "rdf");
  private static final Pattern EXPECT = Pattern.compile("Expect:\\s*(.*)");
  private static final Pattern CLAUSE =
      Pattern.compile(
          "(feed|entries\\[(\\d+)\\])((?:\\[(?:'[a-z_]+'|\\d+)\\])+)\\s*==\\s*"
              + "(u?\"\"\"(?:.*?)\"\"\"|u?'(?:[^'\\\\]|\\\\.)*'|u?\"(?:[^\"\\\\]|\\\\.)*\")");

  private final ArticleParser parser = new ArticleParser(Clock.systemUTC());

  @Test
  void shouldMeetFeedparserExpectationsInWellformedFeeds() throws IOException {
    Path root = Corpora.root().resolve("feedparser/wellformed");
    long passed = 0;
    long applicable = 0;
    List<String> failures = new ArrayList<>();
    for (String folder : FOLDERS) {
      long folderPassed = 0;
      long folderApplicable = 0;
      for (Path file : Corpora.files(root.resolve(folder), ".xml")) {
        byte[] bytes = Files.readAllBytes(file);
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8);
        Matcher expect = EXPECT.matcher(head);
        if (!expect.find()) {
          continue;
        }
        List<Article> articles = parse(bytes, file);
        Matcher clause = CLAUSE.matcher(expect.group(1));
        while (clause.find()) {
          Check check = check(clause, articles, head);
          if (check == Check.NOT_APPLICABLE) {
            continue;
          }
          folderApplicable++;
          if (check == Check.PASS) {
            folderPassed++;
          } else {
            failures.add(folder + "/" + file.getFileName() + ": " + clause.group());
          }
        }
      }
      System.out.printf(
          Locale.ROOT,
          "feedparser wellformed/%-7s %4d of %4d applicable assertions pass (%.1f%%)%n",
          folder,
          folderPassed,
          folderApplicable,
          100.0 * folderPassed / Math.max(1, folderApplicable));
      passed += folderPassed;
      applicable += folderApplicable;
    }
    double rate = 100.0 * passed / Math.max(1, applicable);
    System.out.printf(
        Locale.ROOT,
        "feedparser wellformed total   %4d of %4d (%.1f%%)%n",
        passed,
        applicable,
        rate);
    if (Boolean.getBoolean("conformance.verbose")) {
      failures.forEach(f -> System.out.println("  FAIL " + f));
    }
    // The target is 95%; measured 98.7% (149 of 151). The two known failures are deliberate: a
    // DOCTYPE declaring entities is refused (XXE/billion-laughs hardening), and "<!'" in an HTML
    // description opens a bogus comment in an HTML5 parser, as in browsers.
    // -Dconformance.verbose=true lists the failures.
    assertThat(rate).as("pass rate; failures: %s", failures).isGreaterThanOrEqualTo(95.0);
  }

  @Test
  void shouldHandleEveryIllformedAndEncodingFileWithoutAnUncaughtException() throws IOException {
    Path root = Corpora.root().resolve("feedparser");
    List<String> crashes = new ArrayList<>();
    for (String folder : List.of("illformed", "encoding")) {
      int parsed = 0;
      int rejected = 0;
      for (Path file : Corpora.files(root.resolve(folder), "")) {
        try {
          parser.parse(Files.readAllBytes(file), origin(file));
          parsed++;
        } catch (ParseException e) {
          rejected++;
        } catch (RuntimeException e) {
          crashes.add(file.getFileName() + ": " + e);
        }
      }
      System.out.printf(
          Locale.ROOT,
          "feedparser %-9s %d files: %d parsed, %d rejected with a reason, %d uncaught%n",
          folder,
          parsed + rejected + crashes.size(),
          parsed,
          rejected,
          crashes.size());
    }
    assertThat(crashes).isEmpty();
  }

  private List<Article> parse(byte[] bytes, Path file) {
    try {
      return FeedEntriesAccess.entries(bytes, origin(file));
    } catch (ParseException | RuntimeException e) {
      return List.of();
    }
  }

  static Origin origin(Path file) {
    return Origin.file("corpus", file.getParent(), file);
  }

  private enum Check {
    PASS,
    FAIL,
    NOT_APPLICABLE
  }

  private static Check check(Matcher clause, List<Article> articles, String head) {
    String path = clause.group(3);
    String expected = PythonLiteral.decode(clause.group(4));
    if (clause.group(1).equals("feed")) {
      boolean hasEntries = head.contains("<item") || head.contains("<entry");
      if (!hasEntries) {
        return Check.NOT_APPLICABLE;
      }
      return switch (path) {
        case "['title']", "['title_detail']['value']" ->
            compare(
                expected, first(articles) == null ? null : first(articles).getSource().getName());
        case "['language']" ->
            compareExact(expected, first(articles) == null ? null : first(articles).getLanguage());
        // A feed's rights apply to entries that state none of their own.
        case "['copyright']", "['rights']", "['rights_detail']['value']" ->
            compare(expected, first(articles) == null ? null : first(articles).getRights());
        default -> Check.NOT_APPLICABLE;
      };
    }
    int index = Integer.parseInt(clause.group(2));
    Field field = Field.of(path);
    if (field == null) {
      return Check.NOT_APPLICABLE;
    }
    if (index >= articles.size()) {
      return Check.FAIL;
    }
    if (articles.get(index) == null) {
      return Check.NOT_APPLICABLE; // an entry without title and text: dropped by design
    }
    return field.check(articles.get(index), expected);
  }

  private static Article first(List<Article> articles) {
    return articles.stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }

  private static Check compare(String expected, String actual) {
    if (actual == null) {
      return expected.isEmpty() ? Check.PASS : Check.FAIL;
    }
    // feedparser keeps HTML (escaped where the source was plain text); newspipe's fields hold
    // plain text, or the source's own markup for summary and html. Either reading may apply.
    String a = norm(PlainText.fromMaybeHtml(actual));
    String literal = norm(actual);
    String e = norm(PlainText.fromMaybeHtml(expected));
    return e.equals(a) || e.equals(literal) || norm(expected).equals(literal)
        ? Check.PASS
        : Check.FAIL;
  }

  private static Check compareExact(String expected, String actual) {
    if (actual == null) {
      return expected.isEmpty() ? Check.PASS : Check.FAIL;
    }
    return expected.strip().equalsIgnoreCase(actual.strip()) ? Check.PASS : Check.FAIL;
  }

  /** Compares an ISO-8601 or RFC 822 time as written in the feed with the instant read. */
  private static Check compareTime(String expected, java.time.Instant actual) {
    java.time.Instant want;
    try {
      want =
          expected.contains(",")
              ? java.time.ZonedDateTime.parse(
                      expected, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                  .toInstant()
              : java.time.OffsetDateTime.parse(expected).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      return Check.NOT_APPLICABLE;
    }
    return want.equals(actual) ? Check.PASS : Check.FAIL;
  }

  private static String norm(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").strip();
  }

  /** Article fields that feedparser keys map onto. */
  private record Field(String key, int index) {
    static Field of(String path) {
      Matcher indexed =
          Pattern.compile("\\['(tags|authors)'\\]\\[(\\d+)\\]\\['(term|scheme|name)'\\]")
              .matcher(path);
      if (indexed.matches()) {
        String key =
            switch (indexed.group(1) + "." + indexed.group(3)) {
              case "tags.term" -> "tag";
              case "tags.scheme" -> "scheme";
              case "authors.name" -> "author";
              default -> null;
            };
        return key == null ? null : new Field(key, Integer.parseInt(indexed.group(2)));
      }
      return switch (path) {
        case "['title']", "['title_detail']['value']" -> new Field("headline", 0);
        case "['link']" -> new Field("url", 0);
        case "['id']", "['guid']" -> new Field("guid", 0);
        case "['author_detail']['name']" -> new Field("byline", 0);
        case "['author']" -> new Field("author", 0);
        case "['published']" -> new Field("published", 0);
        case "['updated']" -> new Field("updated", 0);
        case "['summary']", "['description']", "['summary_detail']['value']" ->
            new Field("summary", 0);
        case "['content'][0]['value']" -> new Field("content", 0);
        case "['rights']", "['rights_detail']['value']", "['copyright']" -> new Field("rights", 0);
        case "['category']" -> new Field("tag", 0);
        default -> null;
      };
    }

    Check check(Article a, String expected) {
      return switch (key) {
        case "headline" -> compare(expected, a.getHeadline());
        case "url" -> compareExact(expected, a.getUrl());
        case "guid" -> compareExact(expected, a.getGuid());
        case "byline" -> compare(expected, a.getByline());
        case "summary" -> compare(expected, a.getSummary());
        case "content" -> compare(expected, a.getHtml() != null ? a.getHtml() : a.getBody());
        case "rights" -> compare(expected, a.getRights());
        // feedparser's author is "Name (address)"; a byline keeps the names, ", "-separated.
        case "author" -> {
          String[] names = a.getByline() == null ? new String[0] : a.getByline().split(", ");
          yield compare(
              FeedEntriesAccess.nameOnly(expected), index < names.length ? names[index] : null);
        }
        case "published" -> compareTime(expected, a.getPublishedAt());
        case "updated" -> compareTime(expected, a.getUpdatedAt());
        case "scheme" -> {
          List<Subject> subjects = a.getSubjects();
          yield compareExact(
              expected, index < subjects.size() ? subjects.get(index).getScheme() : null);
        }
        case "tag" -> {
          List<Subject> subjects = a.getSubjects();
          yield compare(expected, index < subjects.size() ? subjects.get(index).getName() : null);
        }
        default -> Check.NOT_APPLICABLE;
      };
    }
  }
}
