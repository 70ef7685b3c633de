package io.newspipe.ingest.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Extraction on small hand-written pages: the article text in, the page furniture out. */
class ArticleExtractorTest {

  private final ArticleExtractor extractor = new ArticleExtractor();

  /** A hand-written page from {@code src/test/resources/fulltext}. */
  static String fixture(String name) throws IOException {
    try (InputStream in = ArticleExtractorTest.class.getResourceAsStream("/fulltext/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void shouldKeepEveryParagraphOfTheNewsArticleAndNoFurniture() throws IOException {
    ExtractedPage page =
        extractor.extract(fixture("news-with-json-ld.html"), "https://gazette.example/news/1");

    assertThat(page.body().split("\n\n"))
        .hasSize(5)
        .allSatisfy(p -> assertThat(p).hasSizeGreaterThan(80));
    assertThat(page.body())
        .startsWith("Rivers across the north of the country rose")
        .contains("\"We have never seen the water come up this fast,\" said a farmer")
        .endsWith("avoid driving through flood water.")
        .doesNotContain("cookies")
        .doesNotContain("Advertisement")
        .doesNotContain("Share on")
        .doesNotContain("Most read")
        .doesNotContain("Council approves")
        .doesNotContain("Storm warnings issued")
        .doesNotContain("First! This is a comment")
        .doesNotContain("Copyright")
        .doesNotContain("tracking")
        .doesNotContain("The river at its peak");
  }

  @Test
  void shouldPreferJsonLdMetadataOverOpenGraph() throws IOException {
    ExtractedPage page =
        extractor.extract(fixture("news-with-json-ld.html"), "https://gazette.example/news/1");

    assertThat(page.headline()).isEqualTo("Rivers rise after storm");
    assertThat(page.byline()).isEqualTo("Ana Lopes, Tom Reed");
    assertThat(page.published()).isEqualTo("2024-03-01T18:30:00+01:00");
    assertThat(page.language()).isEqualTo("en-GB");
    assertThat(page.imageUrl()).isEqualTo("https://gazette.example/img/river-large.jpg");
  }

  @Test
  void shouldFindTextSeparatedByLineBreaksEvenInsideAnUnlikelyLookingWrapper() throws IOException {
    ExtractedPage page = extractor.extract(fixture("blog-without-metadata.html"), null);

    assertThat(page.body())
        .contains("Spring came late this year")
        .contains("covered in bees")
        .contains("fix the leaking water butt behind the shed.")
        .doesNotContain("Archive")
        .doesNotContain("About");
    assertThat(page.headline()).isEqualTo("Notes from the allotment");
    assertThat(page.byline()).isNull();
    assertThat(page.language()).isNull();
  }

  @Test
  void shouldUseOpenGraphAndHtmlLangWhenThereIsNoJsonLd() {
    String html =
        "<html lang='pt_BR'><head><meta property='og:title' content='Chuva forte no Rio'>"
            + "<meta property='og:image' content='/f.jpg'>"
            + "<meta property='article:published_time' content='2024-01-05T10:00:00Z'>"
            + "<meta name='author' content='Joana Silva'></head><body><article><p>"
            + "A chuva forte desta sexta-feira alagou ruas em vários bairros da zona norte, e a"
            + " prefeitura pediu que os moradores evitem sair de casa.</p></article></body></html>";

    ExtractedPage page = extractor.extract(html, "https://jornal.example/a/1");

    assertThat(page.headline()).isEqualTo("Chuva forte no Rio");
    assertThat(page.language()).isEqualTo("pt-BR");
    assertThat(page.byline()).isEqualTo("Joana Silva");
    assertThat(page.published()).isEqualTo("2024-01-05T10:00:00Z");
    assertThat(page.imageUrl()).isEqualTo("https://jornal.example/f.jpg");
    assertThat(page.body()).startsWith("A chuva forte desta sexta-feira");
  }

  @Test
  void shouldSurviveBrokenJsonLdAndDeeplyNestedMarkup() {
    String html =
        "<html><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
            + "</script></head><body>"
            + "<div>".repeat(5_000)
            + "<p>Deep text that is long enough to count as a paragraph of the article body.</p>"
            + "</div>".repeat(5_000)
            + "</body></html>";

    ExtractedPage page = extractor.extract(html, null);

    assertThat(page.headline()).isNull();
    assertThat(page.body()).isNotNull();
  }

  @Test
  void shouldReadTheCharsetFromTheContentType() {
    byte[] latin1 =
        ("<html><body><article><p>Caf\u00e9 na pra\u00e7a: a reabertura trouxe moradores de"
                + " volta ao centro hist\u00f3rico, disse a associa\u00e7\u00e3o.</p></article>"
                + "</body></html>")
            .getBytes(StandardCharsets.ISO_8859_1);

    ExtractedPage page = extractor.extract(latin1, "text/html; charset=ISO-8859-1", null);

    assertThat(page.body()).startsWith("Caf\u00e9 na pra\u00e7a").contains("associa\u00e7\u00e3o");
  }

  @Test
  void shouldKeepALeadThatSitsInADivOfItsOwnBesideTheBody() {
    String lead =
        "Three people were injured when a crane collapsed on a building site in the city centre"
            + " on Tuesday, the fire service said.";
    String paragraph =
        "The crane fell across the road shortly after noon, crushing two parked cars, and the"
            + " street was closed for the rest of the day while engineers checked nearby walls. ";
    String html =
        "<html><body><div class='story'><div class='story-summary'> "
            + lead
            + " </div><div class='story-text'>"
            + ("<p>" + paragraph + "</p>").repeat(3)
            + "</div><div class='story-share'><a href='/s'>Share</a></div></div></body></html>";

    String body = extractor.extract(html, null).body();

    assertThat(body).startsWith(lead).endsWith(paragraph.strip()).doesNotContain("Share");
  }
}
