package io.newspipe.app.cli;

import io.newspipe.ingest.format.ArticleParser;
import io.newspipe.ingest.format.Origin;
import io.newspipe.ingest.format.ParseException;
import io.newspipe.ingest.format.validate.ValidationReport;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.EventMaps;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newspipe parse FILE...}: feed/article files to Article JSON lines, without Kafka. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = {
      "Parse feed and article files (RSS, Atom, plain text, Markdown) and print one Article JSON"
          + " line per article. No Kafka needed.",
      "Files that cannot be parsed are reported on stderr (exit code 1); the rest still print.",
      "With --validate, checks ninjs and NewsML-G2 files against the rules of their standard"
          + " instead and prints one verdict per file, with every problem (exit code 1 if any"
          + " file is invalid)."
    })
public final class ParseCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to parse.")
  List<Path> files;

  @Option(
      names = "--source-id",
      paramLabel = "ID",
      description = "Source id used in article ids (default: file).")
  String sourceId = "file";

  @Option(
      names = "--validate",
      description = "Validate ninjs / NewsML-G2 files against their standard instead of printing.")
  boolean validate;

  @Option(
      names = "--standard-version",
      paramLabel = "V",
      description =
          "With --validate: the version files must follow (ninjs 1.0-3.1, NewsML-G2 2.x, e.g."
              + " 2.29); default: the version each file declares.")
  String standardVersion;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ArticleParser parser = new ArticleParser(Clock.systemUTC());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int failures = 0;
    for (Path file : files) {
      try {
        Path path = file.toAbsolutePath();
        Origin origin = Origin.file(sourceId, path.getParent(), path);
        byte[] bytes = Files.readAllBytes(file);
        boolean ok =
            validate
                ? validateOne(parser, file, bytes, origin, out)
                : printArticles(parser, bytes, origin, out);
        if (!ok) {
          failures++;
        }
      } catch (ParseException e) {
        err.println("newspipe parse: " + e.getMessage());
        failures++;
      } catch (IOException e) {
        err.println("newspipe parse: cannot read " + file + ": " + e.getMessage());
        failures++;
      } catch (IllegalArgumentException e) {
        if (!validate) {
          throw e;
        }
        err.println("newspipe parse: " + e.getMessage()); // an unknown --standard-version
        return 2;
      }
    }
    out.flush();
    return failures == 0 ? 0 : 1;
  }

  private static boolean printArticles(
      ArticleParser parser, byte[] bytes, Origin origin, PrintWriter out) throws ParseException {
    for (Article article : parser.parse(bytes, origin)) {
      out.println(Json.line(EventMaps.toMap(article)));
    }
    return true;
  }

  /** One verdict line (and a line per problem); false if the file is invalid. */
  private boolean validateOne(
      ArticleParser parser, Path file, byte[] bytes, Origin origin, PrintWriter out)
      throws ParseException {
    ValidationReport report = parser.validate(bytes, origin, standardVersion);
    if (!report.checked()) {
      parser.parse(bytes, origin); // at least it must be readable
      out.println("ok       " + file + ": readable; no published rules to validate against");
      return true;
    }
    if (report.valid()) {
      out.println("valid    " + file + ": " + report.standard());
      return true;
    }
    out.println(
        "INVALID  "
            + file
            + ": "
            + report.problems().size()
            + " problem(s) against "
            + report.standard());
    report.problems().forEach(p -> out.println("         " + p));
    return false;
  }
}
