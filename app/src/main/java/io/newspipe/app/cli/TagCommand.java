package io.newspipe.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.newspipe.app.run.Taxonomies;
import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.schemas.EventMaps;
import io.newspipe.schemas.Tag;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newspipe tag}: JSON lines {@code {id, headline, body}} in, {@code {id, tags:[...]}} out,
 * with the same tagger the Streams app runs. No Kafka involved.
 */
@Command(
    name = "tag",
    mixinStandardHelpOptions = true,
    description = {
      "Tag JSON lines {\"id\",\"headline\",\"body\"} from FILEs or stdin; print"
          + " {\"id\",\"tags\":[{id,label,score,confidence,mediaTopics,evidence}]} lines.",
      "Lines that are not valid JSON are reported on stderr and skipped (exit code 1)."
    })
public final class TagCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", description = "JSON-lines files (default: stdin).")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--taxonomy",
      paramLabel = "FILE",
      description = "Taxonomy YAML (default: the built-in taxonomy).")
  Path taxonomy;

  @Option(
      names = "--timing",
      description = "Print on stderr how long tagging took (for benchmarks).")
  boolean timing;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Tagger tagger = new Tagger(Taxonomies.load(taxonomy));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int failures = 0;
    long started = System.nanoTime();
    if (files.isEmpty()) {
      failures +=
          tagLines(
              "stdin",
              new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
              tagger,
              out,
              err);
    }
    for (Path file : files) {
      try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        failures += tagLines(file.toString(), reader, tagger, out, err);
      }
    }
    out.flush();
    if (timing) {
      double seconds = (System.nanoTime() - started) / 1e9;
      err.printf(
          Locale.ROOT, "newspipe tag: %.2f s (taxonomy loaded and every line tagged)%n", seconds);
    }
    return failures == 0 ? 0 : 1;
  }

  static int tagLines(
      String name, BufferedReader reader, Tagger tagger, PrintWriter out, PrintWriter err)
      throws IOException {
    int failures = 0;
    int lineNo = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = Json.MAPPER.readTree(line);
      } catch (JsonProcessingException e) {
        err.printf(
            "%s:%d: not a JSON object (%s); line skipped%n", name, lineNo, e.getOriginalMessage());
        failures++;
        continue;
      }
      if (!node.isObject()) {
        err.printf(
            "%s:%d: expected a JSON object with headline and body; line skipped%n", name, lineNo);
        failures++;
        continue;
      }
      List<Tag> tags = tagger.tag(node.path("headline").asText(""), node.path("body").asText(""));
      Map<String, Object> result = new LinkedHashMap<>();
      result.put(
          "id", node.has("id") ? Json.MAPPER.treeToValue(node.get("id"), Object.class) : lineNo);
      result.put("tags", tags.stream().map(EventMaps::toMap).toList());
      out.println(Json.line(result));
    }
    return failures;
  }
}
