package io.newspipe.ingest.format.validate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One check of a JSON value, in the spirit of a JSON Schema keyword set. {@link NinjsSchemas}
 * composes these into the rules of each ninjs version; a rule never throws, it reports.
 */
@FunctionalInterface
interface JsonRule {

  /**
   * Checks {@code value} (never null; a missing property is not checked at all).
   *
   * @param path the JSON path of {@code value}, e.g. {@code $.places[0]}
   */
  void check(JsonNode value, String path, Problems out);
}
