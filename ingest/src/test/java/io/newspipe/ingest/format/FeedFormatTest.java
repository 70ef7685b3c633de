package io.newspipe.ingest.format;

import static io.newspipe.ingest.Fixtures.CLOCK;
import static io.newspipe.ingest.Fixtures.NOW;
import static io.newspipe.ingest.Fixtures.bytes;
import static io.newspipe.ingest.Fixtures.origin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.newspipe.schemas.Article;
import io.newspipe.schemas.Subject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedFormatTest {

  private final ArticleParser parser = new ArticleParser(CLOCK);

  @Test
  void shouldMapRss2ItemsToArticles() throws Exception {
    List<Article> articles = parser.parse(bytes("rss2-feed.xml"), origin("rss2-feed.xml"));

    assertThat(articles).hasSize(2);
    Article seizure = articles.get(0);
    assertThat(seizure.getGuid()).isEqualTo("fixture-wire-0001");
    assertThat(seizure.getId())
        .isEqualTo(ArticleIds.forFeedItem("test", "fixture-wire-0001", null, null, null));
    assertThat(seizure.getUrl())
        .isEqualTo("https://wire.example.org/2025/03/customs-seizure?utm_source=rss");
    assertThat(seizure.getHeadline()).isEqualTo("Customs Seize Pills at Border Crossing");
    assertThat(seizure.getByline()).isEqualTo("Jane Doe");
    assertThat(seizure.getLanguage()).isEqualTo("en-GB");
    assertThat(seizure.getPublishedAt()).isEqualTo(Instant.parse("2025-03-14T09:30:00Z"));
    assertThat(seizure.getUpdatedAt()).isNull();
    assertThat(seizure.getReceivedAt()).isEqualTo(NOW);
    assertThat(seizure.getBody())
        .isEqualTo(
            "Customs officers seized two million pills at the border crossing on Friday.\n\n"
                + "The shipment was hidden in a truck carrying fruit.");
    assertThat(seizure.getHtml()).contains("<b>two million</b>").contains("<script>");
    assertThat(seizure.getSummary())
        .isEqualTo("<p>Customs officers seized <b>two million</b> pills.</p>");
    assertThat(seizure.getSubjects())
        .extracting(Subject::getName, Subject::getScheme)
        .containsExactly(
            tuple("Crime", "https://wire.example.org/sections"), tuple("Border", null));
    assertThat(seizure.getRights()).isEqualTo("Copyright 2025 Fixture Wire");
    assertThat(seizure.getSource().getFormat()).isEqualTo("rss");
    assertThat(seizure.getSource().getName()).isEqualTo("Fixture Wire & Co");
    assertThat(seizure.getSource().getUrl()).isEqualTo("file:///data/fixtures/rss2-feed.xml");
    assertThat(seizure.getContentHash())
        .isEqualTo(ContentHash.of(seizure.getHeadline(), null, seizure.getBody()));
  }

  @Test
  void shouldFallBackToLinkForIdAndConvertHtmlDescriptionWhenItemHasNoGuid() throws Exception {
    Article rates = parser.parse(bytes("rss2-feed.xml"), origin("rss2-feed.xml")).get(1);

    assertThat(rates.getGuid()).isNull();
    assertThat(rates.getId())
        .isEqualTo(
            ArticleIds.forFeedItem(
                "test", null, "https://wire.example.org/2025/03/rates", null, null));
    assertThat(rates.getHeadline()).isEqualTo("Rates & Markets: Central Bank Holds");
    assertThat(rates.getBody())
        .isEqualTo(
            "The central bank held its key rate at 3.5%.\n\nAnalysts had expected the decision.");
    assertThat(rates.getHtml()).isNull();
    assertThat(rates.getByline()).isEqualTo("Markets Desk"); // the name, not the address
    assertThat(rates.getPublishedAt()).isEqualTo(Instant.parse("2025-03-13T15:05:00Z"));
  }

  @Test
  void shouldMapAtomEntriesWithHtmlTitlesAuthorsAndFeedLanguage() throws Exception {
    List<Article> articles = parser.parse(bytes("atom-feed.atom"), origin("atom-feed.atom"));

    assertThat(articles).hasSize(2);
    Article flood = articles.get(0);
    assertThat(flood.getSource().getFormat()).isEqualTo("atom");
    assertThat(flood.getSource().getName()).isEqualTo("Fixture Atom Desk");
    assertThat(flood.getGuid()).isEqualTo("tag:atom.example.org,2025:flood-1");
    assertThat(flood.getUrl()).isEqualTo("https://atom.example.org/flood-1");
    assertThat(flood.getHeadline()).isEqualTo("Flood Warning Lifted for River Valley");
    assertThat(flood.getByline()).isEqualTo("Max Muster, Erika Muster");
    assertThat(flood.getLanguage()).isEqualTo("de-DE");
    assertThat(flood.getPublishedAt()).isEqualTo(Instant.parse("2025-04-01T08:00:00Z"));
    assertThat(flood.getUpdatedAt()).isEqualTo(Instant.parse("2025-04-02T10:15:00Z"));
    assertThat(flood.getBody())
        .isEqualTo("Water levels fell overnight.\n\nResidents may return home.");
    assertThat(flood.getSummary()).isEqualTo("Water levels fell overnight.");
    assertThat(flood.getHtml()).contains("<p>Residents may return home.</p>");
    assertThat(flood.getSubjects())
        .extracting(Subject::getName, Subject::getScheme)
        .containsExactly(tuple("weather", "https://atom.example.org/topics"));
    assertThat(flood.getRights()).isEqualTo("© 2025 Fixture Atom Desk");

    Article note = articles.get(1);
    assertThat(note.getPublishedAt()).isNull();
    assertThat(note.getUpdatedAt()).isEqualTo(Instant.parse("2025-04-02T11:00:00Z"));
    assertThat(note.getBody()).isEqualTo("A short note without a published date.");
    assertThat(note.getHtml()).isNull();
  }

  @Test
  void shouldReadRss1ItemsWithDublinCoreFields() throws Exception {
    List<Article> articles = parser.parse(bytes("rss1-feed.rdf"), origin("rss1-feed.rdf"));

    assertThat(articles).hasSize(1);
    Article a = articles.get(0);
    assertThat(a.getGuid()).isEqualTo("https://rdf.example.org/a");
    assertThat(a.getUrl()).isEqualTo("https://rdf.example.org/a?ref=feed");
    assertThat(a.getHeadline()).isEqualTo("Election Observers Arrive");
    assertThat(a.getByline()).isEqualTo("Ann Author");
    assertThat(a.getLanguage()).isEqualTo("fr");
    assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2025-02-01T07:00:00Z"));
    assertThat(a.getSubjects()).extracting(Subject::getName).containsExactly("Politics");
    assertThat(a.getSource().getFormat()).isEqualTo("rss");
  }

  @Test
  void shouldReadNetscapeRss091DespiteItsExternalDoctype() throws Exception {
    List<Article> articles =
        parser.parse(bytes("rss091-netscape.xml"), origin("rss091-netscape.xml"));

    assertThat(articles).hasSize(1);
    assertThat(articles.get(0).getHeadline()).isEqualTo("Café Owners Protest Rent Rise");
    assertThat(articles.get(0).getLanguage()).isEqualTo("en");
  }

  @Test
  void shouldGiveTheSameItemTheSameIdAndHashOnEveryRead() throws Exception {
    List<Article> first = parser.parse(bytes("rss2-feed.xml"), origin("rss2-feed.xml"));
    List<Article> again =
        new ArticleParser(java.time.Clock.systemUTC())
            .parse(bytes("rss2-feed.xml"), origin("copy-of-feed.xml"));

    assertThat(again)
        .extracting(Article::getId)
        .isEqualTo(first.stream().map(Article::getId).toList());
    assertThat(again)
        .extracting(Article::getContentHash)
        .isEqualTo(first.stream().map(Article::getContentHash).toList());
  }

  @Test
  void shouldRecoverTheCompleteItemsOfACutOffFeedAndLeaveOutTheUnclosedOne() throws Exception {
    List<Article> articles = parser.parse(bytes("cut-off-feed.xml"), origin("cut-off-feed.xml"));

    assertThat(articles).extracting(Article::getHeadline).containsExactly("Harbour reopens");
    assertThat(articles.get(0).getUrl()).isEqualTo("https://desk.example/1");
    assertThat(articles.get(0).getBody()).isEqualTo("Ships & cranes move again.");
    assertThat(articles.get(0).getSource().getName()).isEqualTo("Desk");
  }

  @Test
  void shouldRejectMalformedFeedNamingFileAndCause() {
    assertThatThrownBy(() -> parser.parse(bytes("broken-feed.xml"), origin("broken-feed.xml")))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("/data/fixtures/broken-feed.xml")
        .hasMessageContaining("not a readable RSS or Atom feed")
        .hasMessageContaining("well-formed XML");
  }

  @Test
  void shouldRejectXmlThatIsNotAFeed() {
    assertThatThrownBy(() -> parser.parse(bytes("not-a-feed.xml"), origin("not-a-feed.xml")))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("not-a-feed.xml")
        .hasMessageContaining("<rss>, <rdf:RDF> or <feed>");
  }

  @Test
  void shouldDeriveHeadlineFromTextAndSkipEmptyItems() throws Exception {
    String feed =
        "<rss version=\"2.0\"><channel><title>T</title><link>https://t.example/</link>"
            + "<description>d</description>"
            + "<item><guid>a</guid><description>Untitled flash: river rising fast.</description></item>"
            + "<item><guid>b</guid></item>"
            + "</channel></rss>";

    List<Article> articles =
        parser.parse(feed.getBytes(java.nio.charset.StandardCharsets.UTF_8), origin("t.xml"));

    assertThat(articles)
        .extracting(Article::getHeadline)
        .containsExactly("Untitled flash: river rising fast.");
  }
}
