package io.newspipe.app.cli;

import io.newspipe.app.run.Taxonomies;
import io.newspipe.enrich.classify.LinearModel;
import io.newspipe.enrich.classify.ModelTraining;
import io.newspipe.enrich.classify.ModelTraining.Counts;
import io.newspipe.enrich.classify.ModelTraining.HeldOut;
import io.newspipe.enrich.classify.ModelTraining.LabelledSet;
import io.newspipe.enrich.eval.Evaluator;
import io.newspipe.enrich.eval.TagMetrics;
import io.newspipe.enrich.tagging.Tagger;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newspipe train --tag ID FILE...}: fits the model a taxonomy tag can be decided by (see
 * {@code model:} in the taxonomy) on labelled JSON-lines sets, or with {@code --cross-validate}
 * measures it by holding each set out in turn.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train the model of a tag (logistic regression over the article's words and what the tag's"
          + " rules found) on labelled JSON-lines files, and write it where the taxonomy's"
          + " 'model: {file: ...}' names it.",
      "With --cross-validate, hold each file out in turn (train on the others) and print"
          + " precision, recall and F1 of the rules alone and of the model, and the model's"
          + " recall per part."
    })
public final class TrainCommand implements Callable<Integer> {

  @Option(names = "--tag", required = true, paramLabel = "ID", description = "The tag to train.")
  String tag;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Labelled JSON-lines files.")
  List<Path> files;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write the model.")
  Path out;

  @Option(
      names = "--cross-validate",
      description = "Hold each file out in turn instead of writing a model.")
  boolean crossValidate;

  @Option(
      names = "--threshold",
      paramLabel = "P",
      defaultValue = "0.6",
      description =
          "Probability at which --cross-validate counts the tag as given (${DEFAULT-VALUE}).")
  double threshold;

  @Option(
      names = "--c",
      paramLabel = "C",
      description = "Inverse regularisation strength (default: " + ModelTraining.DEFAULT_C + ").")
  double c = ModelTraining.DEFAULT_C;

  @Option(
      names = "--min-count",
      paramLabel = "N",
      description =
          "Leave out features seen in fewer than N training articles (default: "
              + ModelTraining.DEFAULT_MIN_COUNT
              + ").")
  int minCount = ModelTraining.DEFAULT_MIN_COUNT;

  @Option(
      names = "--taxonomy",
      paramLabel = "FILE",
      description = "Taxonomy YAML whose rules give the features (default: the built-in one).")
  Path taxonomy;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (!crossValidate && out == null) {
      throw new ParameterException(
          spec.commandLine(), "give --out FILE for the model, or --cross-validate");
    }
    if (!(threshold > 0 && threshold < 1)) {
      throw new ParameterException(spec.commandLine(), "--threshold must be between 0 and 1");
    }
    List<LabelledSet> sets = new ArrayList<>();
    for (Path file : files) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        sets.add(
            new LabelledSet(
                file.getFileName().toString(), Evaluator.read(reader, file.toString())));
      }
    }
    ModelTraining training;
    Tagger tagger;
    try {
      tagger = new Tagger(Taxonomies.load(taxonomy));
      training = new ModelTraining(tagger, tag, c, minCount);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter console = spec.commandLine().getOut();
    if (crossValidate) {
      printCrossValidation(console, training.crossValidate(sets, threshold));
      return 0;
    }
    LinearModel model = training.fit(sets);
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      model.write(
          w,
          List.of(
              String.format(
                  Locale.ROOT,
                  "newspipe train --tag %s --c %s --min-count %d, rules of taxonomy %s",
                  tag,
                  c,
                  minCount,
                  tagger.taxonomy().version()),
              "trained on: " + String.join(" ", sets.stream().map(LabelledSet::name).toList())));
    }
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    int items = sets.stream().mapToInt(s -> s.items().size()).sum();
    console.printf(
        Locale.ROOT,
        "wrote %s: %d features from %d items in %d files%n",
        out,
        model.weights().size(),
        items,
        sets.size());
    console.flush();
    return 0;
  }

  private void printCrossValidation(PrintWriter console, List<HeldOut> results) {
    console.printf(
        Locale.ROOT,
        "%-24s %-26s %-26s%n",
        "held out",
        "rules P / R / F1",
        "model P / R / F1 (p >= " + threshold + ")");
    Counts rules = new Counts(0, 0, 0);
    Counts model = new Counts(0, 0, 0);
    for (HeldOut h : results) {
      console.printf(
          Locale.ROOT, "%-24s %-26s %-26s%n", h.set(), figures(h.rules()), figures(h.model()));
      rules = add(rules, h.rules());
      model = add(model, h.model());
    }
    console.printf(Locale.ROOT, "%-24s %-26s %-26s%n", "all", figures(rules), figures(model));
    console.println("model recall per part, each set held out:");
    for (HeldOut h : results) {
      StringBuilder line = new StringBuilder("  " + h.set() + ":");
      h.modelByPart()
          .forEach(
              (part, counts) ->
                  line.append(
                      String.format(
                          Locale.ROOT,
                          " %s %.3f (%d/%d)",
                          part,
                          counts.metrics(tag).recall(),
                          counts.tp(),
                          counts.tp() + counts.fn())));
      console.println(line);
    }
    console.flush();
  }

  private static Counts add(Counts a, Counts b) {
    return new Counts(a.tp() + b.tp(), a.fp() + b.fp(), a.fn() + b.fn());
  }

  private String figures(Counts c) {
    TagMetrics m = c.metrics(tag);
    return String.format(
        Locale.ROOT, "%.3f / %.3f / %.3f (%d fp)", m.precision(), m.recall(), m.f1(), c.fp());
  }
}
