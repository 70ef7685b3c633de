package io.newspipe.ingest.format.validate;

import java.util.Objects;

/**
 * One way a document breaks the rules of its standard.
 *
 * @param path where: a JSON path for ninjs ({@code $.places[0].geojson}), an element path for
 *     NewsML-G2 ({@code /newsItem/itemMeta/versionCreated}, {@code /newsItem/@guid})
 * @param message what is wrong, as a sentence a producer can act on
 */
public record ValidationProblem(String path, String message) {

  public ValidationProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
