package io.newspipe.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Typed reads of JSON fields that reject a wrong type with a message naming the field. */
final class Json {

  private Json() {}

  /** The first present string among {@code fields}, or null; a non-string value is an error. */
  static String text(JsonNode node, String where, String... fields) throws ParseException {
    for (String field : fields) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        continue;
      }
      if (!value.isTextual()) {
        throw new ParseException(where, "\"" + field + "\" must be a string");
      }
      return value.asText();
    }
    return null;
  }

  /** The array at {@code field}, an empty node if absent; any other type is an error. */
  static JsonNode array(JsonNode node, String where, String field) throws ParseException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return MissingNode.getInstance();
    }
    if (!value.isArray()) {
      throw new ParseException(where, "\"" + field + "\" must be an array");
    }
    return value;
  }
}
