package io.newspipe.ingest.format.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The building blocks of the ninjs rules: types, enumerations, ranges, formats, object shapes
 * (declared, pattern-named and forbidden extra properties, required properties) and arrays, with
 * the semantics JSON Schema gives them. Messages are sentences for the producer of the document.
 */
final class JsonRules {

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private JsonRules() {}

  static Str string() {
    return new Str();
  }

  static JsonRule number() {
    return (value, path, out) -> {
      if (!value.isNumber()) {
        out.add(path, "must be a number, not " + describe(value));
      }
    };
  }

  static JsonRule integer() {
    return integer(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** An integer (a number without a fraction, as JSON Schema counts {@code 3.0}) in a range. */
  static JsonRule integer(long min, long max) {
    boolean bounded = min != Long.MIN_VALUE || max != Long.MAX_VALUE;
    return (value, path, out) -> {
      BigDecimal number = finite(value);
      if (number == null || number.stripTrailingZeros().scale() > 0) {
        out.add(
            path,
            "must be an integer"
                + (bounded ? " from " + min + " to " + max : "")
                + ", not "
                + describe(value));
      } else if (bounded
          && (number.compareTo(BigDecimal.valueOf(min)) < 0
              || number.compareTo(BigDecimal.valueOf(max)) > 0)) {
        out.add(path, "must be from " + min + " to " + max + ", not " + value.asText());
      }
    };
  }

  /** The exact value of a JSON number, or null if it is none (or an overflowing 1e400). */
  private static BigDecimal finite(JsonNode value) {
    if (!value.isNumber()
        || ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue()))) {
      return null;
    }
    return value.decimalValue();
  }

  /** Any JSON object, whatever it holds. */
  static JsonRule anyObject() {
    return (value, path, out) -> {
      if (!value.isObject()) {
        out.add(path, "must be an object, not " + describe(value));
      }
    };
  }

  static JsonRule array(JsonRule items) {
    return array(items, 0);
  }

  static JsonRule array(JsonRule items, int minItems) {
    return (value, path, out) -> {
      if (!value.isArray()) {
        out.add(path, "must be an array, not " + describe(value));
        return;
      }
      if (value.size() < minItems) {
        out.add(path, "must have at least " + minItems + " entries, not " + value.size());
      }
      for (int i = 0; i < value.size(); i++) {
        items.check(value.get(i), index(path, i), out);
      }
    };
  }

  static Obj object() {
    return new Obj();
  }

  /** A rule built on first use: for recursive shapes (an association is a whole ninjs object). */
  static JsonRule lazy(Supplier<JsonRule> rule) {
    return (value, path, out) -> rule.get().check(value, path, out);
  }

  /** An object-level rule: exactly one of two properties must be present (a oneOf of requireds). */
  static JsonRule exactlyOne(String a, String b) {
    return (value, path, out) -> {
      if (!value.isObject()) {
        return; // the type rule reports it
      }
      boolean hasA = value.has(a);
      boolean hasB = value.has(b);
      if (hasA && hasB) {
        out.add(path, "has both \"" + a + "\" and \"" + b + "\"; it must have exactly one of them");
      } else if (!hasA && !hasB) {
        out.add(path, "needs either \"" + a + "\" or \"" + b + "\"");
      }
    };
  }

  /** The path of property {@code key} of the value at {@code path}. */
  static String child(String path, String key) {
    if (PLAIN_KEY.matcher(key).matches()) {
      return path + "." + key;
    }
    return path + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  static String index(String path, int i) {
    return path + "[" + i + "]";
  }

  /** A value as a message shows it: its JSON type and, for scalars, the value itself. */
  static String describe(JsonNode value) {
    if (value.isTextual()) {
      String s = value.asText();
      return "the string \"" + (s.length() > 60 ? s.substring(0, 57) + "..." : s) + "\"";
    }
    if (value.isNumber()) {
      return "the number " + value.asText();
    }
    if (value.isBoolean()) {
      return value.asText();
    }
    if (value.isNull()) {
      return "null";
    }
    return value.isArray() ? "an array" : "an object";
  }

  /** A string, optionally one of a list, a date-time or a truncated date. */
  static final class Str implements JsonRule {

    private List<String> allowed;
    private boolean dateTime;
    private boolean truncated;

    /** Only these values (JSON Schema {@code enum}). */
    Str oneOf(String... values) {
      this.allowed = List.of(values);
      return this;
    }

    /** An RFC 3339 date-time ({@code format: date-time} where the schema asserts formats). */
    Str dateTime() {
      this.dateTime = true;
      return this;
    }

    /**
     * A date, possibly truncated to a month or a year, or a full date-time: ninjs 3's {@code
     * truncatedDateTimeType}, whose pattern {@link Lexical#isTruncatedDateTime} implements.
     */
    Str truncatedDateTime() {
      this.truncated = true;
      return this;
    }

    @Override
    public void check(JsonNode value, String path, Problems out) {
      if (!value.isTextual()) {
        out.add(path, "must be a string, not " + describe(value));
        return;
      }
      String s = value.asText();
      if (allowed != null && !allowed.contains(s)) {
        out.add(path, describe(value) + " is not one of " + String.join(", ", allowed));
      }
      if (dateTime && !Lexical.isRfc3339DateTime(s)) {
        out.add(
            path,
            describe(value)
                + " is not an RFC 3339 date-time such as 2024-04-26T09:30:00Z, which "
                + out.standard()
                + " requires");
      }
      if (truncated && !Lexical.isTruncatedDateTime(s)) {
        out.add(
            path,
            describe(value)
                + " is not a date such as 2024, 2024-06, 2024-06-01 or 2024-06-01T09:00:00Z");
      }
    }
  }

  /**
   * A JSON object: declared properties, properties named by a pattern, required properties, and
   * whether anything else is allowed ({@code additionalProperties}/{@code unevaluatedProperties}).
   * Pattern names match anywhere in the key, as JSON Schema's {@code patternProperties} do, so an
   * unanchored end allows any suffix.
   */
  static final class Obj implements JsonRule {

    private final Map<String, JsonRule> properties = new LinkedHashMap<>();
    private final Map<Pattern, JsonRule> patterns = new LinkedHashMap<>();
    private final Set<String> required = new LinkedHashSet<>();
    private final List<JsonRule> also = new ArrayList<>();
    private boolean closed;
    private String extensionHint = "";

    Obj prop(String name, JsonRule rule) {
      properties.put(name, rule);
      return this;
    }

    Obj pattern(String regex, JsonRule rule) {
      patterns.put(Pattern.compile(regex), rule);
      return this;
    }

    Obj require(String... names) {
      required.addAll(List.of(names));
      return this;
    }

    /** Properties that are neither declared nor pattern-named are errors. */
    Obj closed() {
      this.closed = true;
      return this;
    }

    /** Properties that are neither declared nor pattern-named are allowed (extension schemas). */
    Obj open() {
      this.closed = false;
      return this;
    }

    /** What an unknown property's message adds, e.g. how extension names must look. */
    Obj extensionHint(String hint) {
      this.extensionHint = hint;
      return this;
    }

    /** A further rule on the whole object, such as {@link #exactlyOne}. */
    Obj also(JsonRule rule) {
      also.add(rule);
      return this;
    }

    /** An independent copy to derive another shape from (its rules are shared, not copied). */
    Obj copy() {
      Obj o = new Obj();
      o.properties.putAll(properties);
      o.patterns.putAll(patterns);
      o.required.addAll(required);
      o.also.addAll(also);
      o.closed = closed;
      o.extensionHint = extensionHint;
      return o;
    }

    @Override
    public void check(JsonNode value, String path, Problems out) {
      if (!value.isObject()) {
        out.add(path, "must be an object, not " + describe(value));
        return;
      }
      for (String name : required) {
        if (!value.has(name)) {
          out.add(path, "the required property \"" + name + "\" is missing");
        }
      }
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        checkField(field.getKey(), field.getValue(), child(path, field.getKey()), out);
      }
      for (JsonRule rule : also) {
        rule.check(value, path, out);
      }
    }

    private void checkField(String name, JsonNode fieldValue, String fieldPath, Problems out) {
      boolean known = false;
      JsonRule declared = properties.get(name);
      if (declared != null) {
        declared.check(fieldValue, fieldPath, out);
        known = true;
      }
      for (Map.Entry<Pattern, JsonRule> p : patterns.entrySet()) {
        if (p.getKey().matcher(name).find()) {
          p.getValue().check(fieldValue, fieldPath, out);
          known = true;
        }
      }
      if (!known && closed) {
        out.add(
            fieldPath,
            out.standard() + " defines no property \"" + name + "\" here" + extensionHint);
      }
    }
  }
}
