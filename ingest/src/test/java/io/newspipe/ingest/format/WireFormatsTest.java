package io.newspipe.ingest.format;

import static io.newspipe.ingest.Fixtures.CLOCK;
import static io.newspipe.ingest.Fixtures.bytes;
import static io.newspipe.ingest.Fixtures.origin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspipe.schemas.Article;
import io.newspipe.schemas.Signal;
import io.newspipe.schemas.Subject;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JSON Feed, ninjs, NewsML-G2 and the encodings and breakage real feeds arrive with. */
class WireFormatsTest {

  private final ArticleParser parser = new ArticleParser(CLOCK);

  @Test
  void shouldReadNinjs1WithUrgencyLocatedAndIptcSubjectCodes() throws Exception {
    Article a = single("ninjs-v1-text.json");

    assertThat(a.getSource().getFormat()).isEqualTo("ninjs");
    assertThat(a.getGuid()).isEqualTo("urn:newspipe:test:ninjs1:harbour");
    assertThat(a.getHeadline()).isEqualTo("Harbour pilots end strike after pay deal");
    assertThat(a.getBody()).startsWith("Harbour pilots returned").contains("\n\nThe port");
    assertThat(a.getByline()).isEqualTo("Test Desk");
    assertThat(a.getLocated()).isEqualTo("Rotterdam");
    assertThat(a.getUrgency()).isEqualTo(3);
    assertThat(a.getUpdatedAt()).isEqualTo(Instant.parse("2025-05-30T08:15:00Z"));
    assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2025-05-30T07:00:00Z"));
    assertThat(a.getSignal()).isEqualTo(Signal.USABLE);
    assertThat(a.getSubjects()).extracting(Subject::getCode).containsExactly("medtop:20000531");
    assertThat(a.getId()).isEqualTo(ArticleIds.forFeedItem("test", a.getGuid(), null, null, null));
  }

  @Test
  void shouldReadNinjs3HeadlinesBodiesEmbargoAndCancelAsWithdrawal() throws Exception {
    Article a = single("ninjs-v3-canceled.json");

    assertThat(a.getHeadline()).isEqualTo("Stadtrat beschliesst Haushalt");
    assertThat(a.getSubheadline()).isEqualTo("Mehr Geld fuer Schulen");
    assertThat(a.getBody())
        .isEqualTo("Der Stadtrat hat den Haushalt beschlossen.\n\nZweiter Absatz.");
    assertThat(a.getHtml()).contains("<b>Haushalt</b>");
    assertThat(a.getLanguage()).isEqualTo("de-DE");
    assertThat(a.getSignal()).isEqualTo(Signal.CANCELED);
    assertThat(a.getEmbargoUntil()).isEqualTo(Instant.parse("2025-06-02T06:00:00Z"));
    assertThat(a.getUpdatedAt()).isEqualTo(Instant.parse("2025-05-31T08:00:00Z"));
    assertThat(a.getSubjects().get(0).getCode()).isEqualTo("medtop:20000574");
    assertThat(a.getSubjects().get(0).getScheme()).isEqualTo("medtop");
  }

  @Test
  void shouldReportNinjsWithoutUriOrWithWrongTypesAsInvalid() {
    assertThatThrownBy(() -> parse("{\n\"type\": \"text\",\n\"headline\": \"x\"\n}"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("\"uri\"");
    assertThatThrownBy(() -> parse("{\"uri\": \"u\", \"headline\": 5}"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("\"headline\" must be a string");
    assertThatThrownBy(
            () -> parse("{\"uri\": \"u\", \"headline\": \"x\", \"pubStatus\": \"gone\"}"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("pubStatus");
  }

  @Test
  void shouldReadNewsmlG2ItemWithSignalsDatelineAndQcodes() throws Exception {
    Article a = single("newsml-g2-item.xml");

    assertThat(a.getSource().getFormat()).isEqualTo("newsml-g2");
    assertThat(a.getHeadline()).isEqualTo("Quake shakes coastal city, no damage reported");
    assertThat(a.getSubheadline()).isEqualTo("Magnitude 5.1 tremor felt across the region");
    assertThat(a.getBody())
        .isEqualTo(
            "A moderate earthquake shook the city on Thursday.\n\nOfficials said no damage was"
                + " reported.");
    assertThat(a.getLanguage()).isEqualTo("en-GB");
    assertThat(a.getByline()).isEqualTo("Ana Test");
    assertThat(a.getDateline()).isEqualTo("VALPARAISO, May 29");
    assertThat(a.getLocated()).isEqualTo("Valparaiso");
    assertThat(a.getUrgency()).isEqualTo(2);
    assertThat(a.getSignal()).isEqualTo(Signal.CORRECTION);
    assertThat(a.getEmbargoUntil()).isEqualTo(Instant.parse("2025-05-29T15:00:00Z"));
    assertThat(a.getSubjects()).extracting(Subject::getCode).containsExactly("medtop:06000000");
    assertThat(a.getRights()).isEqualTo("Copyright 2025 newspipe tests");
  }

  @Test
  void shouldMapKillSignalOfNewsmlG2ToCanceled() throws Exception {
    String killed =
        new String(bytes("newsml-g2-item.xml"), StandardCharsets.UTF_8)
            .replace("sig:correction", "sig:kill");

    assertThat(parse(killed).get(0).getSignal()).isEqualTo(Signal.CANCELED);
  }

  @Test
  void shouldReadJsonFeedItemsWithAuthorsTagsAndDerivedHeadline() throws Exception {
    List<Article> articles = parser.parse(bytes("jsonfeed.json"), origin("jsonfeed.json"));

    assertThat(articles).hasSize(2);
    Article a = articles.get(0);
    assertThat(a.getSource().getFormat()).isEqualTo("jsonfeed");
    assertThat(a.getSource().getName()).isEqualTo("Test JSON Feed");
    assertThat(a.getBody()).isEqualTo("The line reopened on Monday.");
    assertThat(a.getByline()).isEqualTo("Jo Test, Sam Test");
    assertThat(a.getLanguage()).isEqualTo("en");
    assertThat(a.getSubjects())
        .extracting(Subject::getName)
        .containsExactly("transport", "weather");
    assertThat(articles.get(1).getHeadline()).isEqualTo("Short item without a title.");
  }

  @Test
  void shouldHonourWindows1251DeclaredInTheXmlDeclaration() throws Exception {
    String rss =
        "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss version=\"2.0\"><channel>"
            + "<title>Лента</title><item><title>Привет, мир</title><description>Текст"
            + " новости</description></item></channel></rss>";

    Article a =
        parser.parse(rss.getBytes(Charset.forName("windows-1251")), origin("ru.xml")).get(0);

    assertThat(a.getHeadline()).isEqualTo("Привет, мир");
  }

  @Test
  void shouldReadUtf16FeedsWithAByteOrderMark() throws Exception {
    String rss =
        "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel>"
            + "<title>t</title><item><title>Ça marche</title><description>ok</description></item>"
            + "</channel></rss>";

    Article a = parser.parse(rss.getBytes(StandardCharsets.UTF_16LE), origin("utf16.xml")).get(0);

    assertThat(a.getHeadline()).isEqualTo("Ça marche");
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-32BE", "UTF-32LE"})
  void shouldReadUtf32FeedsWithAByteOrderMark(String charset) throws Exception {
    String rss =
        "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-32\"?><rss version=\"2.0\"><channel>"
            + "<title>t</title><item><title>Żółw 🐢</title><description>ok</description></item>"
            + "</channel></rss>";

    Article a = parser.parse(rss.getBytes(Charset.forName(charset)), origin("utf32.xml")).get(0);

    assertThat(a.getHeadline()).isEqualTo("Żółw 🐢");
  }

  @Test
  void shouldPreferTheHttpCharsetOverTheXmlDeclaration() throws Exception {
    String rss =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>t</title>"
            + "<item><title>Café</title><description>x</description></item></channel></rss>";

    Article a =
        parser
            .parse(
                rss.getBytes(StandardCharsets.ISO_8859_1),
                origin("http.xml"),
                null,
                "application/rss+xml; charset=iso-8859-1")
            .get(0);

    assertThat(a.getHeadline()).isEqualTo("Café");
  }

  @Test
  void shouldStripControlCharactersAndRepairHtmlEntitiesInsteadOfRejectingTheFeed()
      throws Exception {
    String rss =
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item>"
            + "<title>Fish\u0000 &amp; chips&nbsp;prices rise</title><description>AT&T deal"
            + " \u000Bsigned</description></item></channel></rss>";

    Article a = parser.parse(rss.getBytes(StandardCharsets.UTF_8), origin("broken.xml")).get(0);

    assertThat(a.getHeadline()).isEqualTo("Fish & chips prices rise");
    assertThat(a.getBody()).isEqualTo("AT&T deal signed");
  }

  @Test
  void shouldKeepOnlyTheNameOfAnRssAuthorWrittenWithAnEmailAddress() {
    assertThat(FeedEntries.nameOnly("me@example.com (Example editor)")).isEqualTo("Example editor");
    assertThat(FeedEntries.nameOnly("Example editor (me@example.com)")).isEqualTo("Example editor");
    assertThat(FeedEntries.nameOnly("Example editor <me@example.com>")).isEqualTo("Example editor");
    assertThat(FeedEntries.nameOnly("me@example.com")).isEqualTo("me@example.com");
    assertThat(FeedEntries.nameOnly("Jo Test (Reuters)")).isEqualTo("Jo Test (Reuters)");
  }

  private Article single(String fixture) throws ParseException {
    List<Article> articles = parser.parse(bytes(fixture), origin(fixture));
    assertThat(articles).hasSize(1);
    return articles.get(0);
  }

  private List<Article> parse(String document) throws ParseException {
    return parser.parse(document.getBytes(StandardCharsets.UTF_8), origin("doc"));
  }
}
