package io.newspipe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newspipe eval --stories}: labelled inline items and corpus references. */
class StoryEvalCommandTest {

  // Written for this test: two reports of one bid, and two dividend notices of different firms.
  private static final String INLINE =
      """
      {"id":"bid-1","story":"bid","published":"2024-03-01T10:00:00Z","headline":"LARKSPUR <LKS> BIDS FOR TOLAND <TOL>","body":"Larkspur Corp said it offered 31 dlrs a share in cash for Toland Inc, valuing the maker of pumps at about 420 mln dlrs."}
      {"id":"bid-2","story":"bid","published":"2024-03-01T10:30:00Z","headline":"TOLAND <TOL> GETS 31 DLR A SHARE LARKSPUR <LKS> BID","body":"Toland Inc said it received an offer of 31 dlrs a share in cash from Larkspur Corp, valuing the pump maker at about 420 mln dlrs."}
      {"id":"div-1","story":"div-1","published":"2024-03-01T11:00:00Z","headline":"ORMSBY FOODS <ORF> SETS QUARTERLY","body":"Qtly div 12 cts vs 12 cts prior Pay April 15 Record March 31"}
      {"id":"div-2","story":"div-2","published":"2024-03-01T11:05:00Z","headline":"PELL MARINE <PLM> SETS QUARTERLY","body":"Qtly div 12 cts vs 12 cts prior Pay April 15 Record March 31"}
      """;

  // INLINE as a corpus file holds it: the same articles without labels.
  private static final String UNLABELLED =
      INLINE
          .lines()
          .map(l -> l.replace("\"story\":\"bid\",", "").replaceAll("\"story\":\"div-\\d\",", ""))
          .reduce("", (a, b) -> a + b + "\n");

  // References to UNLABELLED's articles, with their labels.
  private static final String REFS =
      """
      {"ref":"wire/items.jsonl#bid-1","story":"bid"}
      {"ref":"wire/items.jsonl#bid-2","story":"bid"}
      {"ref":"wire/items.jsonl#div-1","story":"d1"}
      {"ref":"wire/items.jsonl#div-2","story":"d2"}
      """;

  @TempDir Path dir;

  private final CliRun cli = new CliRun();

  @Test
  void shouldScoreStoriesPairwiseAndBCubedAndNameTheLargest() throws Exception {
    Path file = Files.writeString(dir.resolve("stories.jsonl"), INLINE);

    int code = cli.execute("eval", "--stories", file.toString());

    assertThat(code).isZero();
    assertThat(cli.out.toString())
        .contains("4 articles (0 undated) -> 3 stories")
        .contains("pairwise  precision 1.000  recall 1.000")
        .contains("BCubed")
        .contains("largest story: bid-1, 2 articles")
        .contains("with two headlines whose tickers share none: 0");
  }

  @Test
  void shouldReadReferencedTextsFromTheCorpusDirectory() throws Exception {
    Files.writeString(
        Files.createDirectories(dir.resolve("corpora/wire")).resolve("items.jsonl"), UNLABELLED);
    Path refs = Files.writeString(dir.resolve("refs.jsonl"), REFS);

    int code =
        cli.execute(
            "eval", "--stories", refs.toString(), "--corpora", dir.resolve("corpora").toString());

    assertThat(code).isZero();
    assertThat(cli.out.toString()).contains("pairwise  precision 1.000  recall 1.000");
  }

  /**
   * Inside a stream: the labelled articles are clustered among the stream's other articles (here
   * the file they were drawn from, with a third, unlabelled report of the bid), once each, and only
   * they are scored.
   */
  @Test
  void shouldClusterLabelledArticlesInsideTheStreamAndScoreThemAlone() throws Exception {
    String third =
        "{\"id\":\"bid-3\",\"published\":\"2024-03-01T10:40:00Z\",\"headline\":\"LARKSPUR"
            + " <LKS> CONFIRMS 31 DLR BID FOR TOLAND <TOL>\",\"body\":\"Larkspur Corp confirmed its"
            + " offer of 31 dlrs a share in cash for Toland Inc, valuing the pump maker at about"
            + " 420 mln dlrs.\"}\n";
    Path stream =
        Files.writeString(
            Files.createDirectories(dir.resolve("corpora/wire")).resolve("items.jsonl"),
            UNLABELLED + third);
    Path refs = Files.writeString(dir.resolve("refs.jsonl"), REFS);

    int code =
        cli.execute(
            "eval",
            "--stories",
            refs.toString(),
            "--corpora",
            dir.resolve("corpora").toString(),
            "--stream",
            stream.toString());

    assertThat(code).isZero();
    assertThat(cli.out.toString())
        .contains("4 articles (0 undated) -> 3 stories")
        .contains("pairwise  precision 1.000  recall 1.000")
        .contains("largest story: wire/items.jsonl#bid-1, 2 articles");
    assertThat(cli.err.toString()).contains("clustered 4 articles inside a stream of 5");
  }

  @Test
  void shouldPrintOneLineOfFiguresPerThresholdWhenGivenSeveral() throws Exception {
    Path file = Files.writeString(dir.resolve("stories.jsonl"), INLINE);

    int code = cli.execute("eval", "--stories", file.toString(), "--story-similarity", "0.45,1");

    assertThat(code).isZero();
    List<String> lines = cli.out.toString().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("similarity").contains("pairwise P / R (F1)");
    assertThat(lines.get(1))
        .startsWith("0.45 ")
        .contains("1.000 / 1.000 (1.000)")
        .endsWith("1 of 1 (1.000)");
    assertThat(lines.get(2)).startsWith("1.0 ");
  }

  @Test
  void shouldRefuseAThresholdOutsideItsRangeAndExplainingSeveral() throws Exception {
    Path file = Files.writeString(dir.resolve("stories.jsonl"), INLINE);

    assertThat(cli.execute("eval", "--stories", file.toString(), "--story-similarity", "0.4,1.5"))
        .isEqualTo(2);
    assertThat(cli.err.toString()).contains("at most 1").contains("1.5");
    assertThat(
            cli.execute(
                "eval", "--stories", file.toString(), "--story-similarity", "0.4,0.5", "--explain"))
        .isEqualTo(2);
    assertThat(cli.err.toString()).contains("--explain takes one --story-similarity");
  }

  @Test
  void shouldAskForTheCorpusDirectoryWhenTheFileHoldsReferences() throws Exception {
    Path refs =
        Files.writeString(dir.resolve("refs.jsonl"), "{\"ref\":\"x/y.jsonl#a\",\"story\":\"s\"}\n");

    int code = cli.execute("eval", "--stories", refs.toString());

    assertThat(code).isNotZero();
    assertThat(cli.err.toString()).contains("--corpora");
  }

  @Test
  void shouldRefuseAReferenceThatLeavesTheCorpusDirectory() throws Exception {
    Files.createDirectories(dir.resolve("corpora"));
    Files.writeString(dir.resolve("secret.txt"), "Headline\nBody");
    Path refs =
        Files.writeString(
            dir.resolve("refs.jsonl"), "{\"ref\":\"../secret.txt\",\"story\":\"s\"}\n");

    int code =
        cli.execute(
            "eval", "--stories", refs.toString(), "--corpora", dir.resolve("corpora").toString());

    assertThat(code).isNotZero();
    assertThat(cli.err.toString()).contains("leaves");
  }
}
