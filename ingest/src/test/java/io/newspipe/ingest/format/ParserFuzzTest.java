package io.newspipe.ingest.format;

import static io.newspipe.ingest.Fixtures.CLOCK;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.newspipe.schemas.Article;
import java.nio.file.Path;
import java.util.List;

/**
 * Coverage-guided fuzzing (Jazzer) of the format detector and every parser behind {@link
 * ArticleParser}. The contract under test is what the sources rely on: detection never throws, and
 * a document either yields well-formed articles or a {@link ParseException} that names it; a parser
 * bug that the containment had to catch (an unexpected exception, a stack overflow) is a finding
 * too, not an accepted outcome.
 *
 * <p>{@code ./mvnw verify} runs it in regression mode over the committed seeds in {@code
 * src/test/resources/io/newspipe/ingest/format/ParserFuzzTestInputs/detectAndParse} (and any
 * finding saved there). {@code JAZZER_FUZZ=1 ./mvnw -pl ingest -am test -Dtest=ParserFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false} fuzzes for at most {@code maxDuration}; a failing input
 * is saved into that directory, where committing it makes it a regression test.
 */
class ParserFuzzTest {

  private static final ArticleParser PARSER = new ArticleParser(CLOCK);
  private static final Origin ORIGIN =
      Origin.file("fuzz", Path.of("/fuzz"), Path.of("/fuzz/input.xml"));

  @FuzzTest(maxDuration = "60s")
  void detectAndParse(byte[] data) {
    if (FormatDetector.detect(data, ORIGIN.fileName()) == null) {
      throw new AssertionError("the detector gave no format");
    }
    FormatDetector.looksLikeHtml(data);
    List<Article> articles;
    try {
      articles = PARSER.parse(data, ORIGIN);
    } catch (ParseException e) {
      if (!e.getMessage().contains(ORIGIN.description())) {
        throw new AssertionError("a parse error must name the document: " + e.getMessage(), e);
      }
      Throwable cause = e.getCause();
      if (cause instanceof Error
          || e.reason().startsWith("the parser failed on it unexpectedly (")) {
        throw new AssertionError("a parser failed instead of refusing the input", cause);
      }
      return;
    }
    for (Article a : articles) {
      if (a.getId() == null || !a.getId().toString().startsWith("fuzz:")) {
        throw new AssertionError("article without a source-scoped id: " + a.getId());
      }
      if (a.getHeadline() == null || a.getContentHash() == null || a.getSource() == null) {
        throw new AssertionError("article missing headline, hash or source: " + a.getId());
      }
    }
  }
}
