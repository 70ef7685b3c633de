package io.newspipe.app.cli;

import static io.newspipe.testkit.Articles.builder;
import static io.newspipe.testkit.Articles.tag;
import static io.newspipe.testkit.Articles.tagged;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newspipe export} and the filters it shares with {@code search}, on a real SQLite file. */
class ExportCommandTest {

  @TempDir Path dir;
  private String storeUrl;
  private final CliRun cli = new CliRun();

  @BeforeEach
  void writeStore() {
    storeUrl =
        BlinkenStore.write(
            dir,
            tagged(
                builder("seeds:seizure", "Captagon seized, Blinken says", "In Aqaba.")
                    .setPublishedAt(Instant.parse("2024-06-10T09:00:00Z"))
                    .build(),
                tag("narcotics")));
  }

  @Test
  void shouldExportCsvWithAHeaderAndOneRowPerArticleToAFile() throws Exception {
    Path out = dir.resolve("all.csv");
    assertThat(cli.execute("export", "--store=" + storeUrl, "--out", out.toString())).isZero();

    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines.get(0))
        .isEqualTo(
            "id,version,published,received,source,language,url,headline,tags,storyId,withdrawn");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1)).startsWith("seeds:other,1,2024-05-01T09:00:00Z,");
    assertThat(lines.get(2)).contains(",\"Captagon seized, Blinken says\",narcotics,");
    assertThat(cli.err.toString()).contains("exported 3 articles to " + out);
    assertThat(Files.exists(dir.resolve("all.csv.partial"))).isFalse();
  }

  @Test
  void shouldExportWithTheSearchFilters() throws Exception {
    Path out = dir.resolve("both.jsonl");
    assertThat(
            cli.execute(
                "export",
                "--store=" + storeUrl,
                "--format=jsonl",
                "--tag",
                "narcotics",
                "--tag",
                "middle-east",
                "--all-tags",
                "--out",
                out.toString()))
        .isZero();

    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).startsWith("{\"id\":\"seeds:blinken\"");
  }

  @Test
  void shouldSearchWithSeveralTagsAnyOrAll() {
    assertThat(
            cli.execute(
                "search",
                "--store=" + storeUrl,
                "blinken",
                "--tag",
                "narcotics,russia-ukraine-war"))
        .isZero();
    assertThat(cli.out.toString()).contains("Kyiv", "Jordan", "seized");

    CliRun all = new CliRun();
    assertThat(
            all.execute(
                "search",
                "--store=" + storeUrl,
                "blinken",
                "--tag",
                "narcotics",
                "--tag",
                "middle-east",
                "--all-tags",
                "--json"))
        .isZero();
    assertThat(all.out.toString().strip().split("\n")).hasSize(1);
    assertThat(all.out.toString()).contains("seeds:blinken");
  }

  @Test
  void shouldRefuseAnUnknownFormat() {
    assertThat(cli.execute("export", "--store=" + storeUrl, "--format", "xml")).isNotZero();
    assertThat(cli.err.toString()).contains("use csv or jsonl");
  }
}
