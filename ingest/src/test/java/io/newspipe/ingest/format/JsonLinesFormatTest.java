package io.newspipe.ingest.format;

import static io.newspipe.ingest.Fixtures.CLOCK;
import static io.newspipe.ingest.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspipe.schemas.Article;
import io.newspipe.schemas.Subject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesFormatTest {

  private final ArticleParser parser = new ArticleParser(CLOCK);
  private final Origin stdin = Origin.stream("cli", "stdin");

  @Test
  void shouldReadOneArticlePerLineKeepingGivenIds() throws Exception {
    List<Article> articles = parser.parse(bytes("articles.jsonl"), stdin);

    assertThat(articles).hasSize(2);
    Article minister = articles.get(0);
    assertThat(minister.getId()).isEqualTo("wire:42");
    assertThat(minister.getPublishedAt()).isEqualTo(Instant.parse("2025-05-05T10:00:00Z"));
    assertThat(minister.getSubjects())
        .extracting(Subject::getName, Subject::getCode)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("Politics", null),
            org.assertj.core.api.Assertions.tuple("Government", "medtop:20000621"));
    assertThat(minister.getSource().getFormat()).isEqualTo("jsonl");

    Article storm = articles.get(1);
    assertThat(storm.getId())
        .isEqualTo(
            ArticleIds.forFeedItem(
                "cli", null, "https://jsonl.example.org/storm", "Storm Closes Airport", null));
    assertThat(storm.getLanguage()).isEqualTo("en-US");
  }

  @Test
  void shouldNameTheLineAndTheMissingField() {
    assertThatThrownBy(() -> parser.parseJsonLine("{\"body\":\"x\"}", stdin, 7))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("stdin line 7")
        .hasMessageContaining("\"headline\"");
    assertThatThrownBy(
            () ->
                parser.parseJsonLine(
                    "{\"headline\":\"h\",\"body\":\"b\",\"publishedAt\":\"yesterday\"}", stdin, 2))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("\"publishedAt\" is not a time");
  }
}
