package io.newspipe.ingest.format.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.newspipe.ingest.format.validate.JsonRules.Obj;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates IPTC ninjs documents against the rules of their version ({@link NinjsSchemas}): types
 * of known properties, required properties, enumerations, ranges, date-time formats where the
 * version asserts them, forbidden or badly named extra properties, and the shapes of nested objects
 * (associations, renditions, rights, contact information, GeoJSON, event dates...).
 *
 * <p>Which version: the one the caller requires, else the one the document declares in {@code
 * $standard} (1.3+) or {@code standard} (2.0+) when that declaration fits the document's generation
 * (or, lacking both, in a JSON Schema style {@code $schema} naming an IPTC ninjs schema, which
 * ninjs itself does not define and so reports), else the version the document fits best (it is
 * valid if any version accepts it; a document without a declaration cannot be held to one version).
 * A document that declares a non-IPTC schema (a ninjs extension such as TT's ttninjs) is held to
 * the ninjs version it extends, but may add top-level properties of its own.
 *
 * <p>Never throws on odd input; thread-safe.
 */
public final class NinjsValidator {

  private static final Pattern IPTC_SCHEMA =
      Pattern.compile(
          "iptc\\.org/std(-dev)?/ninjs/ninjs-schema(?:-dev_[0-9.]+_v|_)([0-9]+)\\.([0-9]+)\\.json");
  private static final Pattern VERSION_PREFIX = Pattern.compile("^([0-9]+\\.[0-9]+)");
  // newest first, drafts last: a tie in the number of problems reports against the newest release
  private static final List<NinjsVersion> BEST_FIT_ORDER =
      List.of(
          NinjsVersion.V3_1,
          NinjsVersion.V3_0,
          NinjsVersion.V2_2,
          NinjsVersion.V2_1,
          NinjsVersion.V2_0,
          NinjsVersion.V1_6,
          NinjsVersion.V1_5,
          NinjsVersion.V1_4,
          NinjsVersion.V1_3,
          NinjsVersion.V1_2,
          NinjsVersion.V1_1,
          NinjsVersion.V1_0,
          NinjsVersion.V2_DEV,
          NinjsVersion.V1_DEV);

  private final Map<NinjsVersion, Obj> extended = new EnumMap<>(NinjsVersion.class);

  /** Validates one parsed JSON value as its declared or best-fitting version. */
  public ValidationReport validate(JsonNode document) {
    return validate(List.of(document), null);
  }

  /**
   * Validates the JSON values of one document: a ninjs object, an array of them, or several values
   * one after the other (one per line). Items of an array or of several values get paths {@code
   * $[0]}, {@code $[1]}...
   *
   * @param version the version every item must follow, or null to use what each declares or fits
   */
  public ValidationReport validate(List<JsonNode> values, NinjsVersion version) {
    List<JsonNode> items = new ArrayList<>();
    for (JsonNode value : values) {
      if (value.isArray()) {
        value.forEach(items::add);
      } else {
        items.add(value);
      }
    }
    boolean many = items.size() != 1 || values.get(0).isArray();
    Set<String> standards = new LinkedHashSet<>();
    List<ValidationProblem> problems = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Outcome item = item(items.get(i), many ? "$[" + i + "]" : "$", version);
      standards.add(item.standard());
      problems.addAll(item.problems().list());
    }
    String standard =
        standards.isEmpty()
            ? "ninjs (an empty collection: nothing to check)"
            : String.join("; ", standards);
    return new ValidationReport(standard, problems);
  }

  /** The rules applied to one item and what they found. */
  private record Outcome(String standard, Problems problems) {}

  private Outcome item(JsonNode document, String path, NinjsVersion required) {
    if (!document.isObject()) {
      Problems p = new Problems("ninjs");
      p.add(path, "a ninjs document must be a JSON object, not " + JsonRules.describe(document));
      return new Outcome("ninjs", p);
    }
    Declaration declared = Declaration.of(document);
    List<NinjsVersion> candidates;
    String basis;
    if (required != null) {
      candidates = List.of(required);
      basis = "requested";
    } else if (declared.version().isPresent()) {
      candidates = List.of(declared.version().get());
      basis = "declared by the document";
    } else {
      candidates = BEST_FIT_ORDER;
      basis = "the closest version; the document declares none";
    }
    Outcome best = null;
    for (NinjsVersion v : candidates) {
      Problems p = new Problems(v.toString());
      rules(v, declared.extension() != null).check(document, path, p);
      Outcome outcome = new Outcome(v + " (" + basis + declared.extensionNote() + ")", p);
      if (p.isEmpty()) {
        return outcome;
      }
      if (best == null || p.size() < best.problems().size()) {
        best = outcome;
      }
    }
    return best;
  }

  private synchronized Obj rules(NinjsVersion version, boolean extension) {
    if (!extension) {
      return NinjsSchemas.root(version);
    }
    return extended.computeIfAbsent(version, v -> NinjsSchemas.root(v).copy().open());
  }

  /**
   * What a document says it follows. {@code $standard} belongs to generation 1 and {@code standard}
   * to generations 2 and 3; a declaration that contradicts its own key is ignored.
   *
   * @param version the IPTC ninjs version declared, if any
   * @param extension the non-IPTC schema the document declares (a ninjs extension), or null
   */
  private record Declaration(Optional<NinjsVersion> version, String extension) {

    static Declaration of(JsonNode document) {
      boolean generation1 = document.has("$standard");
      JsonNode standard = generation1 ? document.get("$standard") : document.get("standard");
      if (standard == null || !standard.isObject()) {
        // JSON Schema's own convention; ninjs does not define "$schema", but it says the version
        JsonNode schema = document.get("$schema");
        Matcher iptc =
            schema != null && schema.isTextual() ? IPTC_SCHEMA.matcher(schema.asText()) : null;
        return new Declaration(
            iptc != null && iptc.find() ? version(iptc) : Optional.empty(), null);
      }
      String schema = text(standard, "schema");
      String extension = null;
      Optional<NinjsVersion> version;
      Matcher iptc = schema == null ? null : IPTC_SCHEMA.matcher(schema);
      if (iptc != null && iptc.find()) {
        version = version(iptc);
      } else {
        extension = schema;
        String named = text(standard, "version");
        Matcher m = VERSION_PREFIX.matcher(named == null ? "" : named.strip());
        version = m.find() ? NinjsVersion.of(m.group(1)) : Optional.empty();
      }
      boolean fits = version.isPresent() && (version.get().generation() == 1) == generation1;
      return new Declaration(fits ? version : Optional.empty(), extension);
    }

    /** The version named by a match of {@link #IPTC_SCHEMA}. */
    private static Optional<NinjsVersion> version(Matcher iptcSchema) {
      return NinjsVersion.of(
          iptcSchema.group(1) != null
              ? iptcSchema.group(2) + ".x-dev"
              : iptcSchema.group(2) + "." + iptcSchema.group(3));
    }

    String extensionNote() {
      return extension == null
          ? ""
          : "; extended by " + extension + ", whose own top-level properties are not checked";
    }

    private static String text(JsonNode node, String field) {
      JsonNode value = node.get(field);
      return value != null && value.isTextual() ? value.asText() : null;
    }
  }
}
