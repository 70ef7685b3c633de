package io.newspipe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private final CliRun cli = new CliRun();
  private final StringWriter out = cli.out;
  private final StringWriter err = cli.err;

  private int run(String... args) {
    return cli.execute(args);
  }

  private List<JsonNode> outputLines() throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }

  @Test
  void shouldTagJsonLinesWithEvidenceThatPointsIntoTheText() throws Exception {
    Path input = dir.resolve("in.jsonl");
    String body = "Jordanian troops seized millions of captagon pills smuggled from Syria.";
    Files.writeString(
        input,
        "{\"id\":\"x\",\"headline\":\"Captagon haul seized\",\"body\":\""
            + body
            + "\"}\n"
            + "{\"id\":\"y\",\"headline\":\"Rates on hold\",\"body\":\"The bank held rates.\"}\n");

    int code = run("tag", input.toString());

    assertThat(code).isZero();
    List<JsonNode> lines = outputLines();
    assertThat(lines).hasSize(2);
    JsonNode tagged = lines.get(0);
    assertThat(tagged.get("id").asText()).isEqualTo("x");
    JsonNode narcotics = tagged.get("tags").get(0);
    assertThat(narcotics.get("id").asText()).isEqualTo("narcotics");
    assertThat(narcotics.get("score").asDouble()).isPositive();
    for (JsonNode e : narcotics.get("evidence")) {
      String text = e.get("field").asText().equals("headline") ? "Captagon haul seized" : body;
      assertThat(text.substring(e.get("start").asInt(), e.get("end").asInt()))
          .isEqualTo(e.get("text").asText());
    }
    assertThat(lines.get(1).get("tags")).isEmpty();
  }

  @Test
  void shouldReportABadLineAndStillTagTheRest() throws Exception {
    Path input = dir.resolve("in.jsonl");
    Files.writeString(
        input, "not json\n{\"id\":2,\"headline\":\"Fentanyl seizure\",\"body\":\"\"}\n");

    int code = run("tag", input.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("in.jsonl:1").contains("line skipped");
    assertThat(outputLines())
        .singleElement()
        .satisfies(n -> assertThat(n.get("id").asInt()).isEqualTo(2));
  }

  @Test
  void shouldParseTheSeedIntoOneArticleJsonLine() throws Exception {
    int code = run("parse", "../seeds/blinken-meets-xi.txt");

    assertThat(code).isZero();
    JsonNode article = outputLines().get(0);
    assertThat(article.get("headline").asText()).isEqualTo("Blinken Meets China’s President Xi");
    assertThat(article.get("id").asText()).isEqualTo("file:blinken-meets-xi.txt");
    assertThat(article.get("rights").asText()).startsWith("Copyright 2024");
    assertThat(article.get("body").asText()).doesNotContain("Copyright 2024");
  }

  @Test
  void shouldExplainAFileThatIsNotAnArticle() throws Exception {
    Path broken = dir.resolve("broken.xml");
    Files.writeString(broken, "<rss version=\"2.0\"><channel><item><title>cut off");

    int code = run("parse", broken.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("broken.xml");
    assertThat(out.toString()).isBlank();
  }

  @Test
  void shouldValidateNinjsFilesAndListEachProblem() throws Exception {
    Path good = dir.resolve("good.json");
    Files.writeString(
        good,
        "{\"uri\": \"urn:x:1\", \"type\": \"text\", \"pubstatus\": \"usable\","
            + " \"headline\": \"Port reopens\", \"body_text\": \"Ships move again.\"}\n");
    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad,
        "{\"uri\": \"urn:x:2\", \"type\": \"text\", \"pubstatus\": \"commissioned\","
            + " \"urgency\": \"high\", \"headline\": \"Vote\", \"body_text\": \"Counted.\"}\n");

    int code =
        run("parse", "--validate", "--standard-version", "1.3", good.toString(), bad.toString());

    assertThat(code).isEqualTo(1);
    assertThat(out.toString())
        .contains("valid    " + good + ": ninjs 1.3")
        .contains("INVALID  " + bad)
        .contains("$.pubstatus")
        .contains("$.urgency")
        .doesNotContain("\"headline\""); // a verdict, not article JSON
  }

  @Test
  void shouldNameTheBadSettingAndExitWithConfigErrorCode() {
    Path config = dir.resolve("newspipe.yaml");
    int code;
    try {
      Files.writeString(config, "topics:\n  partitions: many\n");
      code = run("sink", "--config", config.toString());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("topics.partitions");
  }
}
