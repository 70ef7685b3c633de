package io.newspipe.app.cli;

import io.newspipe.enrich.eval.StoryEvaluation;
import io.newspipe.enrich.eval.StoryItems;
import io.newspipe.enrich.story.StoryRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code newspipe eval --stories FILE [--stream FILE] [--corpora DIR] [--story-similarity X[,X...]]
 * [--explain]}: story clusters against labels, alone or inside a stream of other articles; with
 * {@code --explain}, the evidence of every wrongly joined and every missed pair; with several
 * thresholds, one line of figures per threshold.
 */
final class StoryEvalRun {

  /** Merges and splits listed, and members of the largest story shown. */
  private static final int WORST = 10;

  private StoryEvalRun() {}

  static int run(
      Path file,
      Path streamFile,
      Path corpora,
      List<Double> similarities,
      boolean explain,
      CommandSpec spec)
      throws IOException {
    List<StoryItems.Item> items = read(file, corpora, spec);
    List<StoryItems.Item> stream = streamFile == null ? List.of() : read(streamFile, corpora, spec);
    List<StoryRules> settings = new ArrayList<>();
    for (double similarity : similarities) {
      try {
        settings.add(new StoryRules(StoryRules.DEFAULT_WINDOW, similarity));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "newspipe eval: " + e.getMessage(), e);
      }
    }
    if (settings.size() > 1) {
      if (explain) {
        throw new ParameterException(
            spec.commandLine(),
            "newspipe eval: --explain takes one --story-similarity, not several");
      }
      return sweep(items, stream, settings, spec);
    }
    StoryRules rules = settings.isEmpty() ? StoryRules.DEFAULTS : settings.get(0);
    StoryEvaluation.Result result = StoryEvaluation.run(items, stream, rules);
    PrintWriter out = spec.commandLine().getOut();
    out.print(StoryEvaluation.report(result, WORST));
    if (explain) {
      out.print(StoryEvaluation.explain(result));
    }
    out.flush();
    spec.commandLine()
        .getErr()
        .printf(
            Locale.ROOT,
            "clustered %d articles%s in %.2f s (%.0f articles/s; %.2f s of CPU, %.0f articles per"
                + " CPU second)%n",
            items.size(),
            stream.isEmpty() ? "" : " inside a stream of " + stream.size(),
            result.seconds(),
            result.clustered() / Math.max(result.seconds(), 1e-9),
            result.cpuSeconds(),
            result.clustered() / Math.max(result.cpuSeconds(), 1e-9));
    return 0;
  }

  // One line per threshold, the same articles each time.
  private static int sweep(
      List<StoryItems.Item> items,
      List<StoryItems.Item> stream,
      List<StoryRules> settings,
      CommandSpec spec) {
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "%-10s  %-22s  %-22s  %7s  %7s  %s%n",
        "similarity",
        "pairwise P / R (F1)",
        "BCubed P / R (F1)",
        "stories",
        "largest",
        "ticker pairs sharing one");
    for (StoryRules rules : settings) {
      StoryEvaluation.Result result = StoryEvaluation.run(items, stream, rules);
      StoryEvaluation.TickerPairs tickers = StoryEvaluation.tickerPairs(result);
      out.printf(
          Locale.ROOT,
          "%-10s  %-22s  %-22s  %7d  %7d  %d of %d (%.3f)%n",
          rules.similarity(),
          prf(result.pairwise()),
          prf(result.bcubed()),
          result.stories().size(),
          result.largest().members().size(),
          tickers.sharing(),
          tickers.marked(),
          tickers.precision());
    }
    out.flush();
    return 0;
  }

  private static String prf(StoryEvaluation.Prf prf) {
    return prf == null
        ? "-"
        : String.format(Locale.ROOT, "%.3f / %.3f (%.3f)", prf.precision(), prf.recall(), prf.f1());
  }

  private static List<StoryItems.Item> read(Path file, Path corpora, CommandSpec spec)
      throws IOException {
    List<StoryItems.Item> items;
    try (Reader reader = Files.newBufferedReader(file)) {
      items = StoryItems.read(reader, file.toString(), corpora);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "newspipe eval: " + e.getMessage(), e);
    }
    if (items.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "newspipe eval: " + file + " is empty");
    }
    return items;
  }
}
