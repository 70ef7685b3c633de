package io.newspipe.web;

import static io.newspipe.web.WebFixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.store.SqliteStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A feed's summary HTML, stored as the source gave it, is served as plain text only. */
class ArticleSummaryTest {
  static final String HOSTILE =
      "<p>Talks <b>resume</b> &amp; <a href=\"javascript:alert(1)\">continue</a>.</p>"
          + "<script>alert('x')</script><img src=x onerror=alert(2)>"
          + "<style>body{display:none}</style><iframe src=\"https://evil.example/\">frame</iframe>";

  @TempDir static Path dir;
  static SqliteStore store;
  static WebService web;

  @BeforeAll
  static void start() {
    store = SqliteStore.open(dir.resolve("newspipe.db"));
    TaggedArticle hostile =
        WebFixtures.tagged(
            "feed:hostile", "Talks resume", "Talks resume.", Instant.parse("2024-05-01T08:00:00Z"));
    hostile.getArticle().setSummary(HOSTILE);
    TaggedArticle plain =
        WebFixtures.tagged(
            "feed:plain", "Profits", "Profits fell.", Instant.parse("2024-05-02T08:00:00Z"));
    plain.getArticle().setSummary("Profits fell 5% as costs rose");
    TaggedArticle deep =
        WebFixtures.tagged("feed:deep", "Deep", "Deep.", Instant.parse("2024-05-03T08:00:00Z"));
    deep.getArticle().setSummary("<div>".repeat(100_000) + "bottom" + "</div>".repeat(100_000));
    store.write(List.of(hostile, plain, deep), "test", Map.of());
    web = WebService.builder(store).port(0).start();
  }

  @AfterAll
  static void stop() {
    web.close();
    store.close();
  }

  @Test
  void shouldServeTheTextOfAnHtmlSummaryWithoutItsMarkupOrScripts() {
    JsonNode article = get(web, "/api/articles/feed:hostile").json();
    String summary = article.get("summary").asText();
    assertThat(summary).isEqualTo("Talks resume & continue.");
  }

  @Test
  void shouldServeAPlainSummaryUnchanged() {
    assertThat(get(web, "/api/articles/feed:plain").json().get("summary").asText())
        .isEqualTo("Profits fell 5% as costs rose");
  }

  @Test
  void shouldServeTheTextOfDeeplyNestedMarkup() {
    WebFixtures.Response r = get(web, "/api/articles/feed:deep");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("summary").asText()).isEqualTo("bottom");
  }

  @Test
  void shouldServeNoMarkupAnywhereInTheArticle() {
    String body = get(web, "/api/articles/feed:hostile").body();
    assertThat(body).doesNotContain("<script", "javascript:", "onerror", "<iframe", "<a ");
  }
}
