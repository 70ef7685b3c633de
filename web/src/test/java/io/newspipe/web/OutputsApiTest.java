package io.newspipe.web;

import static io.newspipe.web.WebFixtures.get;
import static io.newspipe.web.WebFixtures.tagged;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.newspipe.schemas.Source;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.store.SqliteStore;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The outputs of the API against a real SQLite store: the list filters as the CLI has them, one row
 * per story, the streamed export, the timeline per tag and the feeds per tag.
 */
class OutputsApiTest {
  static final Instant DAY = Instant.parse("2024-05-01T00:00:00Z");

  @TempDir static Path dir;
  static SqliteStore store;
  static WebService web;

  @BeforeAll
  static void start() {
    store = SqliteStore.open(dir.resolve("newspipe.db"));
    TaggedArticle captagon =
        tagged(
            "wire:captagon",
            "Jordan seizes captagon haul, \"record\"",
            "Jordanian troops seized captagon pills smuggled from Syria.",
            DAY.plusSeconds(3600),
            "narcotics=captagon",
            "middle-east=Syria");
    captagon.getArticle().setSummary("<p>Troops <b>seized</b> pills</p><script>alert(1)</script>");
    TaggedArticle french =
        tagged(
            "afp:captagon",
            "La Jordanie saisit du captagon",
            "Des soldats jordaniens ont saisi du captagon.",
            DAY.plusSeconds(7200),
            "narcotics=captagon");
    french.getArticle().setLanguage("fr");
    french.getArticle().setSource(new Source("afp", "AFP", null, "rss"));
    french.getArticle().setUrl("javascript:alert(1)");
    TaggedArticle spy =
        tagged(
            "wire:spy",
            "Spy ring uncovered in Vienna",
            "Police say the spy ring worked for years.",
            DAY.plusSeconds(86_400 * 2),
            "espionage=spy");
    // One story, three reports from three sources.
    TaggedArticle quake1 = report("wire:quake", "wire", 3 * 86_400);
    TaggedArticle quake2 = report("afp:quake", "afp", 3 * 86_400 + 600);
    TaggedArticle quake3 = report("bbc:quake", "bbc", 3 * 86_400 + 1200);
    store.write(List.of(captagon, french, spy, quake1, quake2, quake3), "test", Map.of());
    web = WebService.builder(store).port(0).tags(WebFixtures.TAGS).start();
  }

  static TaggedArticle report(String id, String source, long seconds) {
    return WebFixtures.storyReport(
        id,
        "Earthquake strikes off Crete (" + source + ")",
        source,
        DAY.plusSeconds(seconds),
        "wire:quake");
  }

  @AfterAll
  static void stop() {
    web.close();
    store.close();
  }

  private static List<String> ids(String query) {
    var r = get(web, "/api/articles?" + query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return StreamSupport.stream(r.json().get("articles").spliterator(), false)
        .map(a -> a.get("id").asText())
        .toList();
  }

  @Test
  void shouldFilterByTagsAnyOrAllSourceAndLanguageLikeTheCli() {
    assertThat(ids("tag=narcotics&tag=espionage"))
        .containsExactly("wire:spy", "afp:captagon", "wire:captagon");
    assertThat(ids("tag=narcotics,espionage"))
        .containsExactly("wire:spy", "afp:captagon", "wire:captagon");
    assertThat(ids("tag=narcotics&tag=middle-east&match=all")).containsExactly("wire:captagon");
    assertThat(ids("tag=narcotics&language=fr")).containsExactly("afp:captagon");
    assertThat(ids("source=afp")).containsExactly("afp:quake", "afp:captagon");
    assertThat(ids("q=captagon&tag=narcotics&tag=middle-east&match=all"))
        .containsExactly("wire:captagon");
    assertThat(ids("q=captagon&language=fr")).containsExactly("afp:captagon");
    assertThat(ids("q=captagon&source=test")).containsExactly("wire:captagon");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/articles?match=some                     | match     | match must be any",
        "/api/articles?withdrawn=maybe                | withdrawn | true or false",
        "/api/articles/export?format=xml              | format    | use csv or jsonl",
        "/api/articles/export?limit=3                 | limit     | unknown parameter",
        "/api/tags/timeline?interval=day              | tag       | give the tag",
        "/api/tags/timeline?tag=narcotics&interval=week | interval | day or hour",
        "/api/tags/timeline?tag=narcotics&interval=hour&since=2020-01-01 | since | at most 1000",
        "/feeds/tags/Bad%20Tag.xml                    | tag       | invalid tag id",
        "/feeds/tags/narcotics.xml?format=json        | format    | rss or atom"
      })
  void shouldRejectBadParametersWith400(String path, String parameter, String message) {
    var r = get(web, path);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("parameter").asText()).isEqualTo(parameter);
    assertThat(r.json().get("error").asText()).contains(message);
  }

  @Test
  void shouldListAStoryAsOneRowWithItsReportsAndSources() {
    JsonNode articles = get(web, "/api/articles?tag=middle-east").json().get("articles");
    assertThat(articles)
        .extracting(a -> a.get("id").asText())
        .containsExactly("bbc:quake", "wire:captagon");
    JsonNode story = articles.get(0);
    assertThat(story.get("storyId").asText()).isEqualTo("wire:quake");
    assertThat(story.get("reports").asLong()).isEqualTo(3);
    assertThat(story.get("sources"))
        .extracting(JsonNode::asText)
        .containsExactly("afp", "bbc", "wire");
    assertThat(articles.get(1).get("reports").isNull()).isTrue();
    // Search results too.
    assertThat(ids("q=earthquake")).hasSize(1);
  }

  @Test
  void shouldExportCsvWithAHeaderAndOneRowPerArticleOldestFirst() throws Exception {
    var r = get(web, "/api/articles/export?format=csv", "*/*");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("text/csv; charset=utf-8");
    assertThat(r.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"articles.csv\"");
    assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
    List<String> lines = r.body().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "id,version,published,received,source,language,url,headline,tags,storyId,withdrawn");
    assertThat(lines).hasSize(7);
    assertThat(lines.get(1))
        .startsWith("wire:captagon,1,2024-05-01T01:00:00Z,")
        .contains(
            ",\"Jordan seizes captagon haul, \"\"record\"\"\",middle-east|narcotics,wire:captagon,false");
    assertThat(lines.get(6)).startsWith("bbc:quake,");
    // The filters apply.
    List<String> narcotics =
        get(web, "/api/articles/export?tag=narcotics&language=fr", "*/*").body().lines().toList();
    assertThat(narcotics).hasSize(2);
    assertThat(narcotics.get(1)).startsWith("afp:captagon,");
  }

  @Test
  void shouldExportJsonLines() throws Exception {
    var r = get(web, "/api/articles/export?format=jsonl&source=afp", "*/*");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/x-ndjson; charset=utf-8");
    List<String> lines = r.body().lines().toList();
    assertThat(lines).hasSize(2);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertThat(first.get("id").asText()).isEqualTo("afp:captagon");
    assertThat(first.get("language").asText()).isEqualTo("fr");
    assertThat(first.get("tags")).extracting(JsonNode::asText).containsExactly("narcotics");
    assertThat(first.get("withdrawn").asBoolean()).isFalse();
  }

  @Test
  void shouldCountATagPerDayWithEmptyDaysAsZero() {
    var r =
        get(web, "/api/tags/timeline?tag=narcotics&interval=day&since=2024-05-01&until=2024-05-04");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode body = r.json();
    assertThat(body.get("total").asLong()).isEqualTo(2);
    assertThat(body.get("since").asText()).isEqualTo("2024-05-01T00:00:00Z");
    assertThat(body.get("until").asText()).isEqualTo("2024-05-05T00:00:00Z");
    assertThat(body.get("buckets"))
        .extracting(b -> b.get("count").asLong())
        .containsExactly(2L, 0L, 0L, 0L);
    assertThat(body.get("buckets").get(1).get("start").asText()).isEqualTo("2024-05-02T00:00:00Z");

    JsonNode hours =
        get(
                web,
                "/api/tags/timeline?tag=narcotics&interval=hour&since=2024-05-01T00:00Z&until=2024-05-01T03:00Z")
            .json();
    assertThat(hours.get("buckets"))
        .extracting(b -> b.get("count").asLong())
        .containsExactly(0L, 1L, 1L);

    JsonNode none =
        get(web, "/api/tags/timeline?tag=espionage&since=2024-05-01&until=2024-05-02").json();
    assertThat(none.get("total").asLong()).isZero();
    assertThat(none.get("buckets")).hasSize(2);
  }

  @Test
  void shouldServeRssAndAtomPerTagWithPlainTextOnly() throws Exception {
    var rss = get(web, "/feeds/tags/narcotics.xml", "*/*");
    assertThat(rss.status()).isEqualTo(200);
    assertThat(rss.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
    SyndFeed feed = new SyndFeedInput().build(new StringReader(rss.body()));
    assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
    assertThat(feed.getTitle()).isEqualTo("newspipe: Narcotics");
    assertThat(feed.getEntries())
        .extracting(SyndEntry::getTitle)
        .containsExactly(
            "La Jordanie saisit du captagon", "Jordan seizes captagon haul, \"record\"");
    SyndEntry wire = feed.getEntries().get(1);
    assertThat(wire.getLink()).isEqualTo("https://news.example/wire:captagon");
    assertThat(wire.getDescription().getValue()).isEqualTo("Troops seized pills");
    assertThat(rss.body()).doesNotContain("<script", "&lt;script", "<b>", "&lt;b&gt;");
    // A javascript: link from the source never becomes the item's link.
    assertThat(feed.getEntries().get(0).getLink())
        .contains("#/article/afp%3Acaptagon")
        .startsWith("http://");

    for (String path :
        List.of("/feeds/tags/narcotics.atom", "/feeds/tags/narcotics.xml?format=atom")) {
      var atom = get(web, path, "*/*");
      assertThat(atom.contentType()).as(path).isEqualTo("application/atom+xml; charset=utf-8");
      SyndFeed a = new SyndFeedInput().build(new StringReader(atom.body()));
      assertThat(a.getFeedType()).isEqualTo("atom_1.0");
      assertThat(a.getEntries()).hasSize(2);
    }
    assertThat(get(web, "/feeds/tags/no-such-tag.xml").status()).isEqualTo(404);
    assertThat(get(web, "/feeds/tags/narcotics.json").status()).isEqualTo(404);
    var empty =
        new SyndFeedInput()
            .build(new StringReader(get(web, "/feeds/tags/espionage.xml?limit=1", "*/*").body()));
    assertThat(empty.getEntries()).hasSize(1);
  }

  @Test
  void shouldServeTheChartScriptAsSafeAsTheRestOfTheUi() {
    var script = get(web, "/timeline.js", "*/*");
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.body())
        .contains("createElementNS")
        .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
    assertThat(get(web, "/", "text/html").body())
        .contains("<script src=\"/timeline.js\" defer></script>")
        .contains("<link rel=\"stylesheet\" href=\"/outputs.css\">");
    for (String path :
        List.of(
            "/timeline.js",
            "/outputs.css",
            "/feeds/tags/narcotics.xml",
            "/api/tags/timeline?tag=narcotics",
            "/api/articles/export")) {
      assertThat(get(web, path, "*/*").headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValue(WebService.SECURITY_HEADERS.get("Content-Security-Policy"));
    }
  }

  @Test
  void shouldAnswer503InsteadOfAnEmptyExportWhenTheStoreCannotBeRead() {
    SqliteStore closed = SqliteStore.open(dir.resolve("closed.db"));
    closed.close();
    try (WebService broken = WebService.builder(closed).port(0).start()) {
      var r = get(broken, "/api/articles/export?format=csv");
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.contentType()).startsWith("application/json");
      assertThat(r.json().get("error").asText()).contains("store cannot be read");
    }
  }
}
