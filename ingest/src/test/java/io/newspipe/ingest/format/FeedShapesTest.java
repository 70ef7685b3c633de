package io.newspipe.ingest.format;

import static io.newspipe.ingest.Fixtures.CLOCK;
import static io.newspipe.ingest.Fixtures.origin;
import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.schemas.Article;
import io.newspipe.schemas.Subject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Feed shapes that are legal but rare, or common but sloppy, which ROME alone gets wrong. */
class FeedShapesTest {

  private final ArticleParser parser = new ArticleParser(CLOCK);

  private List<Article> parse(String xml) throws ParseException {
    return parser.parse(xml.getBytes(StandardCharsets.UTF_8), origin("shapes.xml"));
  }

  private static String atom10(String entry) {
    return "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Desk</title><entry>"
        + entry
        + "</entry></feed>";
  }

  @Test
  void shouldDecodeAtomContentOfAnOctetStreamTypeAsBase64() throws Exception {
    String encoded =
        Base64.getMimeEncoder()
            .encodeToString(
                "<p>Port <b>closed</b> after the storm</p>".getBytes(StandardCharsets.UTF_8));
    Article a =
        parse(
                atom10(
                    "<title>Port</title><content type=\"application/octet-stream\">\n"
                        + encoded
                        + "\n</content>"))
            .get(0);
    assertThat(a.getBody()).isEqualTo("Port closed after the storm");
  }

  @Test
  void shouldDecodeAtom03Base64TitlesWrappedOverLines() throws Exception {
    String encoded = Base64.getEncoder().encodeToString("Ministers <i>meet</i> in Rome".getBytes());
    String wrapped = encoded.substring(0, 10) + "\n    " + encoded.substring(10);
    Article a =
        parse(
                "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><entry>"
                    + "<title mode=\"base64\">\n    "
                    + wrapped
                    + "\n  </title></entry></feed>")
            .get(0);
    assertThat(a.getHeadline()).isEqualTo("Ministers meet in Rome");
  }

  @Test
  void shouldKeepEscapedMarkupInXhtmlTitlesAsLiteralText() throws Exception {
    Article a =
        parse(
                atom10(
                    "<title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
                        + "Why the &lt;blink&gt; tag <b>died</b></div></title>"))
            .get(0);
    assertThat(a.getHeadline()).isEqualTo("Why the <blink> tag died");
  }

  @Test
  void shouldReadHtmlContentThatAProducerWrappedInAnXhtmlDiv() throws Exception {
    Article a =
        parse(
                atom10(
                    "<title>T</title><content type=\"html\"><div"
                        + " xmlns=\"http://www.w3.org/1999/xhtml\">Floods &lt;b&gt;recede&lt;/b&gt;"
                        + "</div></content>"))
            .get(0);
    assertThat(a.getBody()).isEqualTo("Floods recede");
    assertThat(a.getHtml()).isEqualTo("Floods <b>recede</b>");
  }

  @Test
  void shouldReadXhtmlRightsAndAtom03ModifiedTime() throws Exception {
    Article a =
        parse(
                "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><entry><title>T</title>"
                    + "<modified>2024-05-01T08:00:00Z</modified></entry></feed>")
            .get(0);
    assertThat(a.getUpdatedAt()).isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
    Article b =
        parse(
                atom10(
                    "<title>T</title><rights type=\"xhtml\"><div"
                        + " xmlns=\"http://www.w3.org/1999/xhtml\">© <b>Wire</b></div></rights>"))
            .get(0);
    assertThat(b.getRights()).isEqualTo("© Wire");
  }

  @Test
  void shouldReadAFeedRootInNoNamespaceAsAtom() throws Exception {
    Article a = parse("<feed><entry><id>urn:x:1</id><title>Bare</title></entry></feed>").get(0);
    assertThat(a.getGuid()).isEqualTo("urn:x:1");
    assertThat(a.getSource().getFormat()).isEqualTo("atom");
  }

  @Test
  void shouldPreferTheAlternateLinkAndReadLinksWrittenAsText() throws Exception {
    Article a =
        parse(
                atom10(
                    "<title>T</title><link rel=\"enclosure\">https://x.example/a.mp3</link>"
                        + "<link rel=\"alternate\">https://x.example/story</link>"))
            .get(0);
    assertThat(a.getUrl()).isEqualTo("https://x.example/story");
  }

  @Test
  void shouldReadRssItemsPlacedDirectlyUnderTheRoot() throws Exception {
    List<Article> articles =
        parse("<rss><item><title>One</title></item><item><title>Two</title></item></rss>");
    assertThat(articles).extracting(Article::getHeadline).containsExactly("One", "Two");
  }

  @Test
  void shouldReadNonStandardRssContentElements() throws Exception {
    Article body =
        parse(
                "<rss version=\"2.0\"><channel><item><title>T</title>"
                    + "<body xmlns=\"http://www.w3.org/1999/xhtml\"><p>Full <em>text</em></p></body>"
                    + "</item></channel></rss>")
            .get(0);
    assertThat(body.getBody()).isEqualTo("Full text");
    assertThat(body.getHtml()).isEqualTo("<p>Full <em>text</em></p>");

    Article both =
        parse(
                "<rss version=\"2.0\"><channel><item><title>T</title>"
                    + "<summary>Short</summary><description>The long version</description>"
                    + "</item></channel></rss>")
            .get(0);
    assertThat(both.getSummary()).isEqualTo("Short");
    assertThat(both.getBody()).isEqualTo("The long version");
  }

  @Test
  void shouldReadDublinCoreCreatorsRightsAndDates() throws Exception {
    Article a =
        parse(
                "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                    + " xmlns:dcterms=\"http://purl.org/dc/terms/\"><channel><item><title>T</title>"
                    + "<dc:creator>Ana Ruiz</dc:creator><dc:creator>Li Wei</dc:creator>"
                    + "<dc:rights>© Desk 2024</dc:rights>"
                    + "<dcterms:issued>2024-01-02T03:04:05Z</dcterms:issued>"
                    + "<dcterms:modified>2024-01-03T00:00:00Z</dcterms:modified>"
                    + "</item></channel></rss>")
            .get(0);
    assertThat(a.getByline()).isEqualTo("Ana Ruiz, Li Wei");
    assertThat(a.getRights()).isEqualTo("© Desk 2024");
    assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
    assertThat(a.getUpdatedAt()).isEqualTo(Instant.parse("2024-01-03T00:00:00Z"));
  }

  @Test
  void shouldTakeMadeUpTagsBeforeCategories() throws Exception {
    Article a =
        parse(
                "<rss><channel><item><title>T</title><tags>ports, storms</tags>"
                    + "<category>weather</category></item></channel></rss>")
            .get(0);
    assertThat(a.getSubjects())
        .extracting(Subject::getName)
        .containsExactly("ports", "storms", "weather");
  }
}
