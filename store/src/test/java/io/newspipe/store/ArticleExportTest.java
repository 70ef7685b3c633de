package io.newspipe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleExportTest {
  static final ArticleRow ROW =
      new ArticleRow(
          "wire:1",
          2,
          Instant.parse("2025-06-01T08:00:00Z"),
          Instant.parse("2025-06-01T08:01:00Z"),
          "wire",
          "de",
          "https://news.example/1",
          "Zölle, \"Streit\"\nund mehr",
          List.of("narcotics", "trade"),
          "wire:0",
          false);
  static final ArticleRow BARE =
      new ArticleRow(
          "file:2",
          1,
          null,
          Instant.parse("2025-06-02T00:00:00Z"),
          "seeds",
          null,
          null,
          "Plain",
          List.of(),
          null,
          true);

  @Test
  void shouldWriteCsvWithHeaderQuotingAndUtf8() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArticleExport export = ArticleExport.open(ArticleExport.Format.CSV, out)) {
      export.accept(ROW);
      export.accept(BARE);
    }
    String csv = out.toString(StandardCharsets.UTF_8);
    assertThat(csv)
        .startsWith(
            "id,version,published,received,source,language,url,headline,tags,storyId,withdrawn\n")
        .contains(
            "wire:1,2,2025-06-01T08:00:00Z,2025-06-01T08:01:00Z,wire,de,https://news.example/1,"
                + "\"Zölle, \"\"Streit\"\"\nund mehr\",narcotics|trade,wire:0,false\n")
        .endsWith("file:2,1,,2025-06-02T00:00:00Z,seeds,,,Plain,,,true\n");
  }

  @Test
  void shouldWriteTheHeaderEvenWithoutArticles() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ArticleExport.open(ArticleExport.Format.CSV, out).close();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "id,version,published,received,source,language,url,headline,tags,storyId,withdrawn\n");
  }

  @Test
  void shouldWriteOneJsonObjectPerLine() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArticleExport export = ArticleExport.open(ArticleExport.Format.JSONL, out)) {
      export.accept(ROW);
      export.accept(BARE);
      assertThat(export.rows()).isEqualTo(2);
    }
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n", -1);
    assertThat(lines).hasSize(3);
    assertThat(lines[2]).isEmpty();
    JsonNode first = new ObjectMapper().readTree(lines[0]);
    assertThat(first.fieldNames()).toIterable().containsExactlyElementsOf(ArticleExport.COLUMNS);
    assertThat(first.get("headline").asText()).isEqualTo(ROW.headline());
    assertThat(first.get("tags").get(1).asText()).isEqualTo("trade");
    assertThat(new ObjectMapper().readTree(lines[1]).get("published").isNull()).isTrue();
  }

  @Test
  void shouldNameTheFormatsThereAre() {
    assertThat(ArticleExport.Format.parse("JSONL")).isEqualTo(ArticleExport.Format.JSONL);
    assertThatThrownBy(() -> ArticleExport.Format.parse("xml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use csv or jsonl");
  }
}
