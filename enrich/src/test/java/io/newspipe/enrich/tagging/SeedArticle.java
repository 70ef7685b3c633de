package io.newspipe.enrich.tagging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed article of the repository ({@code seeds/blinken-meets-xi.txt}), as headline and body.
 */
public record SeedArticle(String headline, String body) {

  public static final Path FILE = Path.of("..", "seeds", "blinken-meets-xi.txt");

  /** Headline is the first line; body the paragraphs after it, minus the closing copyright line. */
  public static SeedArticle load() {
    try {
      List<String> lines = new ArrayList<>(Files.readAllLines(FILE, StandardCharsets.UTF_8));
      String headline = lines.remove(0).strip();
      while (!lines.isEmpty()
          && (lines.get(lines.size() - 1).isBlank()
              || lines.get(lines.size() - 1).startsWith("Copyright"))) {
        lines.remove(lines.size() - 1);
      }
      return new SeedArticle(headline, String.join("\n", lines).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the seed article " + FILE.toAbsolutePath() + ": run tests from enrich/", e);
    }
  }
}
