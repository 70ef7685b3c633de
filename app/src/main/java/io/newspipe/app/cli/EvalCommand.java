package io.newspipe.app.cli;

import io.newspipe.app.run.Taxonomies;
import io.newspipe.enrich.eval.EvalReport;
import io.newspipe.enrich.eval.Evaluator;
import io.newspipe.enrich.eval.LabelledItem;
import io.newspipe.enrich.tagging.Tagger;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code newspipe eval --labels FILE.jsonl}: how well the taxonomy tags a labelled set. Prints
 * precision, recall and F1 per tag and micro-averaged; {@code --explain} adds one line per wrong
 * item with the evidence that fired (false positive) or the headline that was missed (false
 * negative). Runs the same tagger as the Streams app, without Kafka.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate the taxonomy on labelled JSON lines {\"id\",\"headline\",\"body\",\"labels\":[tag"
          + " ids]}: precision, recall, F1 per tag and micro-averaged.",
      "Only the tags the file labels are evaluated (a set labelled for one tag says nothing about"
          + " the others), unless --tags names them; a file with no labels at all is evaluated"
          + " for every tag, so the 'fired' column of an all-negative set is its false-positive"
          + " rate."
    })
public final class EvalCommand implements Callable<Integer> {

  @Option(names = "--labels", paramLabel = "FILE", description = "Labelled JSON-lines file (tags).")
  Path labels;

  @Option(
      names = "--stories",
      paramLabel = "FILE",
      description =
          "Evaluate story clustering instead: JSON lines with a \"story\" label and the text"
              + " inline or a corpus \"ref\" (see --corpora).")
  Path stories;

  @Option(
      names = "--corpora",
      paramLabel = "DIR",
      description = "Directory that --stories references resolve against (e.g. ../shared/corpora).")
  Path corpora;

  @Option(
      names = "--stream",
      paramLabel = "FILE",
      description =
          "With --stories: cluster the labelled articles inside this stream of other articles"
              + " (JSON lines with the text inline, e.g. the corpus file they were drawn from) and"
              + " score the labelled ones alone, as a live stream would place them.")
  Path stream;

  @Option(
      names = "--story-similarity",
      paramLabel = "X",
      split = ",",
      description =
          "Story similarity threshold to evaluate (default: the built-in one); several,"
              + " comma-separated, print one line per threshold: what raising or lowering it"
              + " trades.")
  List<Double> storySimilarity = List.of();

  @Option(
      names = "--explain",
      description =
          "Show the evidence of each false positive and the headline of each miss; with"
              + " --stories, every wrongly joined and missed pair with its evidence.")
  boolean explain;

  @Option(
      names = "--by-part",
      description =
          "Also print recall per part of each tag's definition, for items that name their part"
              + " (\"parts\": {tag: part}); with --explain, the missed ids of each part.")
  boolean byPart;

  @Option(
      names = "--tags",
      paramLabel = "TAG",
      split = ",",
      description = "Evaluate only these tag ids (comma-separated).")
  List<String> tags = List.of();

  @Option(
      names = "--taxonomy",
      paramLabel = "FILE",
      description = "Taxonomy YAML (default: the built-in taxonomy).")
  Path taxonomy;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (stories != null) {
      return StoryEvalRun.run(stories, stream, corpora, storySimilarity, explain, spec);
    }
    if (labels == null) {
      throw new ParameterException(
          spec.commandLine(), "give --labels FILE (tags) or --stories FILE (story clusters)");
    }
    Tagger tagger = new Tagger(Taxonomies.load(taxonomy));
    List<LabelledItem> items;
    try (Reader reader = Files.newBufferedReader(labels)) {
      items = Evaluator.read(reader, labels.toString());
    }
    Set<String> only = new LinkedHashSet<>(tags);
    if (only.isEmpty()) {
      only = Evaluator.labelledTags(items);
    }
    long started = System.nanoTime();
    EvalReport report = new Evaluator(tagger).evaluate(items, only);
    double seconds = (System.nanoTime() - started) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    out.print(report.toTable(explain));
    if (byPart) {
      out.print(report.toPartTable(explain));
    }
    out.flush();
    spec.commandLine()
        .getErr()
        .printf(
            Locale.ROOT,
            "tagged %d items in %.2f s (%.0f items/s)%n",
            items.size(),
            seconds,
            items.size() / Math.max(seconds, 1e-9));
    if (!report.unknownLabels().isEmpty()) {
      spec.commandLine()
          .getErr()
          .println(
              "newspipe eval: "
                  + report.unknownLabels()
                  + " are not tags of taxonomy "
                  + tagger.taxonomy().version()
                  + "; check the spelling against `newspipe eval --help` or the taxonomy file");
      return 1;
    }
    return 0;
  }
}
