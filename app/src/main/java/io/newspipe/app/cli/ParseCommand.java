package io.newspipe.app.cli;

import io.newspipe.ingest.format.ArticleParser;
import io.newspipe.ingest.format.Origin;
import io.newspipe.ingest.format.ParseException;
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
      "Files that cannot be parsed are reported on stderr (exit code 1); the rest still print."
    })
public final class ParseCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to parse.")
  List<Path> files;

  @Option(
      names = "--source-id",
      paramLabel = "ID",
      description = "Source id used in article ids (default: file).")
  String sourceId = "file";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ArticleParser parser = new ArticleParser(Clock.systemUTC());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int failures = 0;
    for (Path file : files) {
      try {
        Path dir = file.toAbsolutePath().getParent();
        Origin origin = Origin.file(sourceId, dir, file.toAbsolutePath());
        for (Article article : parser.parse(Files.readAllBytes(file), origin)) {
          out.println(Json.line(EventMaps.toMap(article)));
        }
      } catch (ParseException e) {
        err.println("newspipe parse: " + e.getMessage());
        failures++;
      } catch (IOException e) {
        err.println("newspipe parse: cannot read " + file + ": " + e.getMessage());
        failures++;
      }
    }
    out.flush();
    return failures == 0 ? 0 : 1;
  }
}
