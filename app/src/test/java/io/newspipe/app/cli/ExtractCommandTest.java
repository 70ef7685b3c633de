package io.newspipe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {

  private static final String PAGE =
      "<html lang='en'><head><title>Ferry strike ends</title>"
          + "<script type='application/ld+json'>{\"@type\":\"NewsArticle\","
          + "\"headline\":\"Ferry strike ends after talks\",\"author\":{\"name\":\"Kim Lee\"},"
          + "\"datePublished\":\"2024-05-01T09:00:00Z\"}</script></head><body>"
          + "<nav><a href='/'>Home</a></nav><article>"
          + "<p>The ferry strike that stranded thousands of travellers ended on Wednesday after"
          + " the union and the operator agreed on a new pay deal, both sides said.</p>"
          + "<p>Sailings resume on Thursday morning, with extra crossings added over the weekend"
          + " to clear the backlog of passengers and freight.</p></article></body></html>";

  @Test
  void shouldPrintOneJsonLinePerPlainOrGzippedFile(@TempDir Path dir) throws Exception {
    Path plain = dir.resolve("a.html");
    Files.writeString(plain, PAGE);
    Path gz = dir.resolve("b.html.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(PAGE.getBytes(StandardCharsets.UTF_8));
    }
    CliRun cli = new CliRun();

    int code =
        cli.execute(
            "extract", "--url", "https://ferries.example/n/1", plain.toString(), gz.toString());

    assertThat(code).isZero();
    String[] lines = cli.out.toString().strip().split("\n");
    assertThat(lines).hasSize(2);
    for (String line : lines) {
      JsonNode json = Json.MAPPER.readTree(line);
      assertThat(json.fieldNames())
          .toIterable()
          .containsExactly("file", "headline", "body", "byline", "published", "language");
      assertThat(json.get("headline").asText()).isEqualTo("Ferry strike ends after talks");
      assertThat(json.get("byline").asText()).isEqualTo("Kim Lee");
      assertThat(json.get("published").asText()).isEqualTo("2024-05-01T09:00:00Z");
      assertThat(json.get("language").asText()).isEqualTo("en");
      assertThat(json.get("body").asText())
          .startsWith("The ferry strike that stranded")
          .contains("\n\nSailings resume on Thursday")
          .doesNotContain("Home");
    }
    assertThat(Json.MAPPER.readTree(lines[1]).get("file").asText()).endsWith("b.html.gz");
  }

  @Test
  void shouldReportAnUnreadableFileAndStillPrintTheOthers(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("good.html");
    Files.writeString(good, PAGE);
    Path notGzip = dir.resolve("broken.html.gz");
    Files.writeString(notGzip, "this is not gzip");
    CliRun cli = new CliRun();

    int code = cli.execute("extract", notGzip.toString(), good.toString());

    assertThat(code).isEqualTo(1);
    assertThat(cli.err.toString()).contains("cannot read").contains("broken.html.gz");
    assertThat(cli.out.toString().strip().split("\n")).hasSize(1);
  }
}
