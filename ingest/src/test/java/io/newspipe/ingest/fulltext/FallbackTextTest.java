package io.newspipe.ingest.fulltext;

import static io.newspipe.ingest.fulltext.ArticleExtractorTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Pages on which the Readability-style scoring alone finds little or nothing: the extractor must
 * still return the article, never an empty body. Hand-written pages, one per fallback.
 */
class FallbackTextTest {

  private final ArticleExtractor extractor = new ArticleExtractor();

  @Test
  void shouldFindTextSplitByLineBreaksInADivWithoutParagraphs() throws IOException {
    String body = extractor.extract(fixture("fallback-br-divs.html"), null).body();

    assertThat(body.split("\n\n"))
        .containsExactly(
            "The ferry to the islands ran late again on Tuesday, the third time this month, after"
                + " a crane on the north pier broke down during loading.",
            "Passengers waited for almost two hours in the rain, and several said they had missed"
                + " connections to the mainland trains, which leave only twice a day in winter.",
            "The harbour authority said a replacement part had been ordered and should arrive by"
                + " Friday, and that until then cars would be loaded from the south pier, which"
                + " is slower.");
  }

  @Test
  void shouldKeepTheOnlyArticleContainerEvenIfItsClassSoundsLikeASidebar() throws IOException {
    String body = extractor.extract(fixture("fallback-sidebar-content.html"), null).body();

    assertThat(body)
        .contains("The central library will open until nine in the evening")
        .contains("moving two posts from the archive.")
        .endsWith("to see whether the evening opening was being used.");
  }

  @Test
  void shouldFindTheArticleInAPageWrappedInAForm() throws IOException {
    String body = extractor.extract(fixture("fallback-form-wrapped.html"), null).body();

    assertThat(body)
        .contains("Repairs to the old stone bridge over the river will start in March")
        .contains("lorries heavier than seven tonnes will have to use the bypass")
        .endsWith("found cracks in two of its arches last autumn.")
        .doesNotContain("Contact")
        .doesNotContain("VIEWSTATE");
  }

  @Test
  void shouldPreferTheVisibleTextToAShorterJsonLdArticleBody() throws IOException {
    String body = extractor.extract(fixture("fallback-short-json-ld.html"), null).body();

    assertThat(body)
        .startsWith(
            "Every primary school pupil in the region will get a free lunch from September,")
        .contains("forty million a year")
        .endsWith("buy meals in from outside suppliers.");
  }

  @Test
  void shouldUseAShortJsonLdArticleBodyWhenThePageHasNoReadableText() throws IOException {
    String body = extractor.extract(fixture("fallback-script-rendered.html"), null).body();

    assertThat(body)
        .isEqualTo(
            "Night trains between the capital and the coast will run again from May, three times"
                + " a week.");
  }

  @Test
  void shouldFindAnArticleThatIsHiddenUntilAScriptShowsIt() {
    String paragraph =
        "The museum reopened its east wing on Saturday after two years of work on the roof,"
            + " and the first visitors queued from early morning to see the restored ceilings. ";
    String html =
        "<html><body><nav><a href='/'>Home</a></nav><div class='article-body' hidden>"
            + ("<p>" + paragraph + "</p>").repeat(3)
            + "</div></body></html>";

    String body = extractor.extract(html, null).body();

    assertThat(body.split("\n\n"))
        .hasSize(3)
        .allSatisfy(p -> assertThat(p).startsWith("The museum"));
  }

  @Test
  void shouldNotReplaceAShortArticleByMoreTextWhenThereIsNoMore() {
    String html =
        "<html><body><article><p>The council meets on Monday at noon to elect a new"
            + " mayor.</p></article><p>Contact us</p></body></html>";

    assertThat(extractor.extract(html, null).body())
        .isEqualTo("The council meets on Monday at noon to elect a new mayor.");
  }

  @Test
  void largestBlockShouldCountTextInParagraphsAndBetweenLineBreaksButNotInLinks() {
    String html =
        "<body><div id='links'><a href='/1'>"
            + "x".repeat(400)
            + "</a></div><div id='text'>"
            + "y".repeat(100)
            + "<br><br>"
            + "z".repeat(100)
            + "<p>"
            + "w".repeat(100)
            + "</p></div><div id='short'><p>"
            + "v".repeat(250)
            + "</p></div></body>";

    String text = FallbackText.largestBlock(Jsoup.parse(html).body());

    assertThat(text)
        .isEqualTo("y".repeat(100) + "\n\n" + "z".repeat(100) + "\n\n" + "w".repeat(100));
  }
}
