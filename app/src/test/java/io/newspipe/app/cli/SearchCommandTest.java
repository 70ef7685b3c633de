package io.newspipe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newspipe search} against a real SQLite store file. */
class SearchCommandTest {

  @TempDir Path dir;
  private String storeUrl;
  private final CliRun cli = new CliRun();
  private final StringWriter out = cli.out;
  private final StringWriter err = cli.err;

  @BeforeEach
  void writeStore() {
    storeUrl = BlinkenStore.write(dir);
  }

  private int run(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "search";
    all[1] = "--store=" + storeUrl;
    System.arraycopy(args, 0, all, 2, args.length);
    return cli.execute(all);
  }

  @Test
  void shouldFindTheArticleByWordAndTagAsJson() throws Exception {
    assertThat(run("Blinken", "--tag", "narcotics", "--json")).isZero();

    String[] lines = out.toString().strip().split("\n");
    assertThat(lines).hasSize(1);
    JsonNode hit = new ObjectMapper().readTree(lines[0]);
    assertThat(hit.get("id").asText()).isEqualTo("seeds:blinken");
    assertThat(hit.get("tags").toString()).contains("narcotics");
    assertThat(hit.get("publishedAt").asText()).isEqualTo("2024-06-11T09:00:00Z");
  }

  @Test
  void shouldListHitsForPeopleAndHonourTheTimeRange() {
    assertThat(run("blinken", "--since", "2024-06-01")).isZero();

    assertThat(out.toString())
        .contains("1. Blinken presses Jordan on captagon")
        .contains("2024-06-11 09:00Z")
        .contains("tags: ")
        .doesNotContain("Kyiv");
  }

  @Test
  void shouldExplainAQueryWithNothingToFindWithoutAStackTrace() {
    assertThat(run("\"*\"")).isEqualTo(1);

    assertThat(err.toString())
        .contains("has no words to look for")
        .contains("search --help")
        .doesNotContain("Exception")
        .doesNotContain("Usage:");
  }

  @Test
  void shouldAnswerSearchOperatorsTypedAsTextInsteadOfFailing() {
    assertThat(run("NEAR(blinken", "AND", "\"unclosed")).isZero();
    assertThat(err.toString()).doesNotContain("Exception").doesNotContain("SQL");
  }

  @Test
  void shouldSayWhenTheStoreDoesNotExist() {
    storeUrl = "sqlite:" + dir.resolve("missing.db");

    assertThat(run("blinken")).isEqualTo(1);

    assertThat(err.toString()).contains("no store at").contains("newspipe up");
  }
}
