package io.newspipe.web;

import static io.newspipe.web.WebFixtures.get;
import static io.newspipe.web.WebFixtures.tagged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.store.SqliteStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON API against a real SQLite store, written through the sink's write API. */
class WebApiTest {
  static final String SLASHED_ID = "seeds:world/xi meets blinken.txt";

  @TempDir static Path dir;
  static SqliteStore store;
  static WebService web;
  static SqliteStore storyStore;
  static WebService storyWeb;

  @BeforeAll
  static void start() {
    store = SqliteStore.open(dir.resolve("newspipe.db"));
    store.write(
        List.of(
            tagged(
                "seeds:xi",
                "Xi meets Blinken in Beijing",
                "The talks covered trade.",
                Instant.parse("2024-05-01T08:00:00Z")),
            tagged(
                "wire:captagon",
                "Jordan seizes captagon haul",
                "Jordanian troops seized captagon pills smuggled from Syria.\n\nThe captagon"
                    + " trade funds armed groups.",
                Instant.parse("2024-05-02T09:30:00Z"),
                "narcotics=captagon",
                "middle-east=Syria"),
            tagged(
                "wire:spy",
                "Spy ring uncovered in Vienna",
                "Police say the spy ring worked for years.",
                Instant.parse("2024-05-03T10:00:00Z"),
                "espionage=spy"),
            tagged(
                SLASHED_ID,
                "Ceasefire talks resume in Cairo",
                "Negotiators met in Cairo on Friday.",
                Instant.parse("2024-05-04T11:00:00Z"),
                "middle-east=Cairo")),
        "test",
        Map.of());
    // A second store for stories, so the lists above stay as they are: two reports of the Cairo
    // talks grouped by enrich (the story is named after the first report, so its id has a '/'),
    // and one report alone in its story.
    storyStore = SqliteStore.open(dir.resolve("stories.db"));
    TaggedArticle first =
        tagged(
            SLASHED_ID,
            "Ceasefire talks resume in Cairo",
            "Negotiators met in Cairo on Friday.",
            Instant.parse("2024-05-04T11:00:00Z"),
            "middle-east=Cairo");
    TaggedArticle followUp =
        tagged(
            "wire:cairo-talks",
            "Cairo ceasefire talks resume",
            "Delegations gathered in Cairo.",
            Instant.parse("2024-05-04T12:00:00Z"),
            "middle-east=Cairo");
    followUp.setStoryId(SLASHED_ID);
    TaggedArticle alone =
        tagged(
            "wire:spy", "Spy ring uncovered in Vienna", "x", Instant.parse("2024-05-03T10:00:00Z"));
    storyStore.write(List.of(first, followUp, alone), "test", Map.of());
    storyWeb = WebService.builder(storyStore).port(0).tags(WebFixtures.TAGS).start();
    web = WebService.builder(store).port(0).tags(WebFixtures.TAGS).start();
  }

  @AfterAll
  static void stop() {
    storyWeb.close();
    storyStore.close();
    web.close();
    store.close();
  }

  @Test
  void shouldListTheNewestArticlesFirstAndPageWithTheCursor() {
    JsonNode first = get(web, "/api/articles?limit=3").json();
    assertThat(ids(first)).containsExactly(SLASHED_ID, "wire:spy", "wire:captagon");
    assertThat(first.get("next").isTextual()).isTrue();

    JsonNode second = get(web, "/api/articles?limit=3&cursor=" + first.get("next").asText()).json();
    assertThat(ids(second)).containsExactly("seeds:xi");
    assertThat(second.get("next").isNull()).isTrue();

    JsonNode item = first.get("articles").get(2);
    assertThat(item.get("headline").asText()).isEqualTo("Jordan seizes captagon haul");
    assertThat(item.get("source").asText()).isEqualTo("test");
    assertThat(item.get("published").asText()).isEqualTo("2024-05-02T09:30:00Z");
    assertThat(item.get("tags"))
        .extracting(JsonNode::asText)
        .containsExactly("middle-east", "narcotics");
    assertThat(item.get("snippet").asText()).startsWith("Jordanian troops seized captagon pills");
  }

  @Test
  void shouldFilterTheListByTagAndPublicationDate() {
    assertThat(ids(get(web, "/api/articles?tag=middle-east").json()))
        .containsExactly(SLASHED_ID, "wire:captagon");
    assertThat(ids(get(web, "/api/articles?since=2024-05-03").json()))
        .containsExactly(SLASHED_ID, "wire:spy");
    assertThat(ids(get(web, "/api/articles?since=2024-05-02&until=2024-05-03").json()))
        .containsExactly("wire:spy", "wire:captagon");
  }

  @Test
  void shouldSearchWithTheFiltersAndMarkMatchesInTheSnippet() {
    JsonNode found = get(web, "/api/articles?q=captagon").json();
    assertThat(ids(found)).containsExactly("wire:captagon");
    assertThat(found.get("articles").get(0).get("snippet").asText()).contains("[captagon]");

    assertThat(ids(get(web, "/api/articles?q=talks").json()))
        .containsExactlyInAnyOrder(SLASHED_ID, "seeds:xi");
    assertThat(ids(get(web, "/api/articles?q=talks&tag=middle-east").json()))
        .containsExactly(SLASHED_ID);
    assertThat(ids(get(web, "/api/articles?q=talks&since=2024-05-02").json()))
        .containsExactly(SLASHED_ID);
  }

  @Test
  void shouldPageSearchResultsWithoutRepeats() {
    JsonNode first = get(web, "/api/articles?q=talks%20OR%20spy%20OR%20captagon&limit=2").json();
    JsonNode second =
        get(
                web,
                "/api/articles?q=talks%20OR%20spy%20OR%20captagon&limit=2&cursor="
                    + first.get("next").asText())
            .json();
    List<String> all = new ArrayList<>(ids(first));
    all.addAll(ids(second));
    assertThat(all).doesNotHaveDuplicates().hasSize(4);
    assertThat(second.get("next").isNull()).isTrue();
  }

  @Test
  void shouldServeOneArticleWithItsTagsAndTheEvidenceInContext() {
    JsonNode a = get(web, "/api/articles/wire:captagon").json();
    assertThat(a.get("headline").asText()).isEqualTo("Jordan seizes captagon haul");
    assertThat(a.get("byline").asText()).isEqualTo("Jane Doe");
    assertThat(a.get("url").asText()).isEqualTo("https://news.example/wire:captagon");
    assertThat(a.get("published").asText()).isEqualTo("2024-05-02T09:30:00Z");
    assertThat(a.get("source").get("id").asText()).isEqualTo("test");
    assertThat(a.get("version").asInt()).isEqualTo(1);
    assertThat(a.get("versions").asInt()).isEqualTo(1);
    assertThat(a.get("body").asText()).contains("\n\nThe captagon trade");
    assertThat(a.has("html")).as("original HTML is never served").isFalse();

    assertThat(a.get("tags"))
        .extracting(t -> t.get("id").asText())
        .containsExactly("middle-east", "narcotics"); // equal scores: by id
    JsonNode narcotics = a.get("tags").get(1);
    assertThat(narcotics.get("id").asText()).isEqualTo("narcotics");
    assertThat(narcotics.get("label").asText()).isEqualTo("Narcotics");
    JsonNode headlineEvidence = narcotics.get("evidence").get(0);
    assertThat(headlineEvidence.get("field").asText()).isEqualTo("headline");
    assertThat(headlineEvidence.get("start").asInt()).isEqualTo(14);
    assertThat(headlineEvidence.get("end").asInt()).isEqualTo(22);
    assertThat(headlineEvidence.get("text").asText()).isEqualTo("captagon");
    assertThat(headlineEvidence.get("before").asText()).isEqualTo("Jordan seizes ");
    assertThat(headlineEvidence.get("after").asText()).isEqualTo(" haul");
    JsonNode bodyEvidence = narcotics.get("evidence").get(1);
    String body = a.get("body").asText();
    assertThat(body.substring(bodyEvidence.get("start").asInt(), bodyEvidence.get("end").asInt()))
        .isEqualTo("captagon");
  }

  @Test
  void shouldServeAnArticleWhoseIdHasASlashAndSpaces() {
    var r = get(web, "/api/articles/seeds:world/xi%20meets%20blinken.txt");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("id").asText()).isEqualTo(SLASHED_ID);
  }

  @Test
  void shouldListEveryReportOfAStoryNewestFirstTheAskedForOneIncluded() {
    assertThat(get(storyWeb, "/api/articles/wire:cairo-talks").json().get("storyId").asText())
        .isEqualTo(SLASHED_ID);

    var r = get(storyWeb, "/api/stories/seeds:world/xi%20meets%20blinken.txt");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode story = r.json();
    assertThat(story.get("storyId").asText()).isEqualTo(SLASHED_ID);
    assertThat(ids(story)).containsExactly("wire:cairo-talks", SLASHED_ID);
    JsonNode item = story.get("articles").get(0);
    assertThat(item.get("headline").asText()).isEqualTo("Cairo ceasefire talks resume");
    assertThat(item.get("source").asText()).isEqualTo("test");
    assertThat(item.get("published").asText()).isEqualTo("2024-05-04T12:00:00Z");
    assertThat(item.get("withdrawn").asBoolean()).isFalse();
    assertThat(item.get("tags")).extracting(JsonNode::asText).containsExactly("middle-east");
    assertThat(item.get("snippet").asText()).isEqualTo("Delegations gathered in Cairo.");

    // An article alone in its story: the story lists just that one.
    assertThat(ids(get(storyWeb, "/api/stories/wire:spy").json())).containsExactly("wire:spy");
  }

  @Test
  void shouldAnswerAnUnknownStoryWith404Json() {
    var r = get(storyWeb, "/api/stories/nope:missing");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.json().get("error").asText()).isEqualTo("no article with story id 'nope:missing'");
    assertThat(r.json().get("storyId").asText()).isEqualTo("nope:missing");
  }

  @Test
  void shouldAnswerAnUnknownArticleWith404Json() {
    var r = get(web, "/api/articles/nope:missing");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.json().get("error").asText()).isEqualTo("no article with id 'nope:missing'");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "limit=0                         | limit  | from 1 to 100",
        "limit=abc                       | limit  | got 'abc'",
        "limit=101                       | limit  | from 1 to 100",
        "since=yesterday                 | since  | cannot read the date 'yesterday'",
        "since=2024-05-03&until=2024-05-01 | until | must be after since",
        "tag=Not%20A%20Tag               | tag    | invalid tag id 'Not A Tag'",
        "q=%21%21%21                     | q      | has no words to look for",
        "q=-doping                       | q      | only excludes words",
        "cursor=garbage                  | cursor | is not one this API returned",
        "colour=red                      | colour | unknown parameter 'colour'",
        "limit=2&limit=3                 | limit  | more than once"
      })
  void shouldRejectABadParameterWith400SayingWhatIsWrong(
      String query, String parameter, String message) {
    var r = get(web, "/api/articles?" + query);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.json().get("parameter").asText()).isEqualTo(parameter);
    assertThat(r.json().get("error").asText()).contains(message);
  }

  @Test
  void shouldRefuseASearchCursorWhenBrowsing() {
    String searchCursor = get(web, "/api/articles?q=talks&limit=1").json().get("next").asText();
    var r = get(web, "/api/articles?cursor=" + searchCursor);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("error").asText()).contains("belongs to a search");
  }

  @Test
  void shouldListTheTaxonomyTags() {
    JsonNode tags = get(web, "/api/tags").json().get("tags");
    assertThat(tags)
        .extracting(t -> t.get("id").asText())
        .containsExactly("narcotics", "middle-east", "espionage");
    assertThat(tags.get(0).get("label").asText()).isEqualTo("Narcotics");
    assertThat(tags.get(0).get("mediaTopics").get(0).asText()).isEqualTo("medtop:20000096");
  }

  @Test
  void shouldReportHealthWithTheLiveStreamOff() {
    var r = get(web, "/api/health");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("status").asText()).isEqualTo("ok");
    assertThat(r.json().get("live").asText()).isEqualTo("off");
  }

  @Test
  void shouldAnswerUnknownApiPathsWith404Json() {
    var r = get(web, "/api/nothing/here");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("error").asText()).isEqualTo("no API endpoint /api/nothing/here");
  }

  @Test
  void shouldSendTheSecurityHeadersWithPagesScriptsAndApi() {
    for (String path : List.of("/", "/app.js", "/style.css", "/api/tags", "/api/articles/nope")) {
      var r = get(web, path, "*/*");
      assertThat(r.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValueSatisfying(
              csp ->
                  assertThat(csp)
                      .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
                      .doesNotContain("unsafe-inline"));
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
    }
    var page = get(web, "/", "text/html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("<script src=\"/app.js\" defer></script>");
    assertThat(get(web, "/app.js", "*/*").contentType()).contains("javascript");
  }

  @Test
  void shouldShipAUiThatNeverParsesDataAsHtml() {
    String script = get(web, "/app.js", "*/*").body();
    assertThat(script)
        .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
    String page = get(web, "/", "text/html").body();
    assertThat(page)
        .doesNotContainPattern("<script(?![^>]*\\bsrc=)")
        .doesNotContainPattern("\\son[a-z]+=");
  }

  @Test
  void shouldExplainThatTheLiveStreamIsOffWithoutKafka() {
    var r = get(web, "/api/stream", "text/event-stream");
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.json().get("error").asText()).contains("started without Kafka");
    var bad = get(web, "/api/stream?tag=unknown-tag", "text/event-stream");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("error").asText())
        .contains("known tags: espionage, middle-east, narcotics");
    var notSse = get(web, "/api/stream", "application/json");
    assertThat(notSse.status()).isEqualTo(406);
  }

  @Test
  void shouldNameThePortWhenItIsAlreadyInUse() {
    int taken = web.port();
    assertThatThrownBy(() -> WebService.builder(store).port(taken).start())
        .isInstanceOf(WebBindException.class)
        .hasMessageContaining("127.0.0.1:" + taken)
        .hasMessageContaining("already in use");
  }

  @Test
  void shouldAnswer503WhenTheStoreCannotBeRead() {
    SqliteStore closed = SqliteStore.open(dir.resolve("closed.db"));
    closed.close();
    try (WebService broken = WebService.builder(closed).port(0).start()) {
      assertThat(get(broken, "/api/health").status()).isEqualTo(503);
      var r = get(broken, "/api/articles");
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.json().get("error").asText()).contains("store cannot be read");
    }
  }

  private static List<String> ids(JsonNode page) {
    return StreamSupport.stream(page.get("articles").spliterator(), false)
        .map(a -> a.get("id").asText())
        .toList();
  }
}
