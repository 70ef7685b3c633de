package io.newspipe.enrich.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.enrich.tagging.RuleScore;
import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.schemas.Evidence;
import io.newspipe.schemas.Tag;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures a {@link Tagger} against labelled JSON lines ({@code {"id", "headline", "body",
 * "labels": [...]}}): per-tag precision, recall and F1, their micro average, and which items were
 * wrongly tagged or missed. Used by the regression test and by {@code newspipe eval}.
 */
public final class Evaluator {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Tagger tagger;

  public Evaluator(Tagger tagger) {
    this.tagger = tagger;
  }

  /** Reads and evaluates JSON lines; {@code source} names the input in error messages. */
  public EvalReport evaluate(Reader jsonLines, String source) {
    return evaluate(read(jsonLines, source));
  }

  /** Evaluates every taxonomy tag, and every label the items use. */
  public EvalReport evaluate(List<LabelledItem> items) {
    return evaluate(items, Set.of());
  }

  /**
   * Evaluates only {@code only} (all taxonomy tags and labels when empty). Restrict to the tags a
   * set was labelled for: a set labelled for one tag says nothing about the others, and counting
   * them would report correct tags as false positives.
   */
  public EvalReport evaluate(List<LabelledItem> items, Set<String> only) {
    Set<String> taxonomyTags = new LinkedHashSet<>(tagger.taxonomy().tagIds());
    Set<String> allTags = new LinkedHashSet<>(only.isEmpty() ? taxonomyTags : only);
    Set<String> unknown = new LinkedHashSet<>();
    for (String tag : allTags) {
      if (!taxonomyTags.contains(tag)) {
        unknown.add(tag);
      }
    }
    for (LabelledItem item : items) {
      for (String label : item.labels()) {
        if (!taxonomyTags.contains(label) && (only.isEmpty() || only.contains(label))) {
          unknown.add(label);
          allTags.add(label);
        }
      }
    }
    Map<String, Counts> counts = new LinkedHashMap<>();
    allTags.forEach(t -> counts.put(t, new Counts()));
    Map<String, Map<String, PartCounts>> parts = new LinkedHashMap<>();
    for (LabelledItem item : items) {
      Map<String, Tag> predicted = new HashMap<>();
      for (Tag tag : tagger.tag(item.headline(), item.body())) {
        predicted.put(tag.getId(), tag);
      }
      for (String tag : allTags) {
        boolean labelled = item.labels().contains(tag);
        Tag found = predicted.get(tag);
        counts
            .get(tag)
            .add(item, found, labelled, found == null && labelled ? missed(tagger, tag, item) : "");
        if (item.labels().contains(tag)) {
          parts
              .computeIfAbsent(tag, t -> new TreeMap<>())
              .computeIfAbsent(
                  item.parts().getOrDefault(tag, PartRecall.UNSPECIFIED), p -> new PartCounts())
              .add(item.id(), predicted.containsKey(tag));
        }
      }
    }
    List<PartRecall> perPart = new ArrayList<>();
    parts.forEach((tag, byPart) -> byPart.forEach((part, c) -> perPart.add(c.recall(tag, part))));
    List<TagMetrics> perTag = new ArrayList<>();
    Counts pooled = new Counts();
    counts.forEach(
        (tag, c) -> {
          perTag.add(c.metrics(tag));
          pooled.merge(c);
        });
    return new EvalReport(
        tagger.taxonomy().version(),
        items.size(),
        perTag,
        pooled.metrics("micro-average"),
        unknown,
        explanations(counts),
        perPart);
  }

  /** Why each wrong item was wrong: the evidence that fired, or the headline that was missed. */
  /** How close a missed item came: the rules' score against the threshold, the model's p. */
  private static String missed(Tagger tagger, String tag, LabelledItem item) {
    RuleScore rules =
        tagger.ruleScores(item.headline(), item.body()).stream()
            .filter(r -> r.tag().equals(tag))
            .findFirst()
            .orElse(null);
    if (rules == null) {
      return ""; // a label the taxonomy has no tag for
    }
    StringBuilder out = new StringBuilder(" (rules ");
    if (rules.vetoed()) {
      out.append("vetoed by ").append(rules.exclusions());
    } else {
      double score = Math.abs(rules.score()) < 0.005 ? 0 : rules.score(); // no "-0.00"
      out.append(String.format(Locale.ROOT, "%.2f of %.2f", score, rules.threshold()));
    }
    OptionalDouble p = tagger.modelProbability(tag, item.headline(), item.body());
    if (p.isPresent()) {
      out.append(String.format(Locale.ROOT, ", model p %.3f", p.getAsDouble()));
    } else if (tagger.taxonomy().tag(tag).map(d -> d.model() != null).orElse(false)) {
      out.append(", model not asked: none of its terms");
    }
    return out.append(')').toString();
  }

  private static Map<String, String> explanations(Map<String, Counts> counts) {
    Map<String, String> all = new LinkedHashMap<>();
    counts.forEach((tag, c) -> c.why.forEach((id, why) -> all.put(tag + "/" + id, why)));
    return all;
  }

  /** The tags labelled anywhere in {@code items}, in first-seen order. */
  public static Set<String> labelledTags(List<LabelledItem> items) {
    Set<String> tags = new LinkedHashSet<>();
    items.forEach(i -> tags.addAll(i.labels()));
    return tags;
  }

  /** Parses labelled JSON lines; blank lines are skipped, any other bad line is an error. */
  public static List<LabelledItem> read(Reader jsonLines, String source) {
    List<LabelledItem> items = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    BufferedReader reader =
        jsonLines instanceof BufferedReader b ? b : new BufferedReader(jsonLines);
    try {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        LabelledItem item = parse(line, source, number);
        if (!ids.add(item.id())) {
          throw bad(source, number, "id '" + item.id() + "' appears twice: ids must be unique");
        }
        items.add(item);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    return items;
  }

  private static LabelledItem parse(String line, String source, int number) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw bad(source, number, "not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (node == null || !node.isObject()) {
      throw bad(source, number, "expected a JSON object");
    }
    JsonNode id = node.get("id");
    JsonNode labels = node.get("labels");
    if (id == null || !id.isTextual() || id.asText().isBlank()) {
      throw bad(source, number, "missing \"id\" (a non-empty string)");
    }
    if (labels == null || !labels.isArray()) {
      throw bad(source, number, "missing \"labels\" (an array of tag ids, [] for none)");
    }
    Set<String> tags = new LinkedHashSet<>();
    for (JsonNode label : labels) {
      if (!label.isTextual()) {
        throw bad(source, number, "\"labels\" must hold strings (tag ids), found " + label);
      }
      tags.add(label.asText());
    }
    Map<String, String> parts = parts(node, source, number);
    for (String tag : parts.keySet()) {
      if (!tags.contains(tag)) {
        throw bad(source, number, "\"parts\" names " + tag + ", which is not in \"labels\"");
      }
    }
    return new LabelledItem(id.asText(), text(node, "headline"), text(node, "body"), tags, parts);
  }

  /** The optional {@code "parts": {tag: part}}: which part of a tag's definition an item is. */
  private static Map<String, String> parts(JsonNode node, String source, int number) {
    JsonNode parts = node.get("parts");
    if (parts == null || parts.isNull()) {
      return Map.of();
    }
    if (!parts.isObject()) {
      throw bad(source, number, "\"parts\" must be an object {tag id: part}");
    }
    Map<String, String> byTag = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = parts.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
        throw bad(source, number, "the part of " + e.getKey() + " must be a non-empty string");
      }
      byTag.put(e.getKey(), e.getValue().asText());
    }
    return byTag;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? "" : value.asText();
  }

  private static IllegalArgumentException bad(String source, int line, String problem) {
    return new IllegalArgumentException(
        source
            + " line "
            + line
            + ": "
            + problem
            + "; each line must be {\"id\": ..., \"headline\": ..., \"body\": ..., \"labels\": [...]}");
  }

  private static final class PartCounts {
    int found;
    final List<String> missedIds = new ArrayList<>();

    void add(String id, boolean tagged) {
      if (tagged) {
        found++;
      } else {
        missedIds.add(id);
      }
    }

    PartRecall recall(String tag, String part) {
      return new PartRecall(tag, part, found, missedIds.size(), missedIds);
    }
  }

  private static final class Counts {
    int tp;
    int fp;
    int fn;
    final List<String> fpIds = new ArrayList<>();
    final List<String> fnIds = new ArrayList<>();
    final Map<String, String> why = new LinkedHashMap<>();

    void add(LabelledItem item, Tag predicted, boolean labelled, String missDetail) {
      if (predicted != null && labelled) {
        tp++;
      } else if (predicted != null) {
        fp++;
        fpIds.add(item.id());
        why.put(item.id(), evidence(predicted));
      } else if (labelled) {
        fn++;
        fnIds.add(item.id());
        why.put(item.id(), "missed: \"" + abbreviate(item.headline()) + "\"" + missDetail);
      }
    }

    private static String evidence(Tag tag) {
      StringBuilder out = new StringBuilder("score " + tag.getScore() + ":");
      for (Evidence e : tag.getEvidence()) {
        out.append(' ')
            .append(e.getRule())
            .append("=\"")
            .append(e.getText())
            .append("\"@")
            .append(e.getField());
      }
      return out.toString();
    }

    private static String abbreviate(String text) {
      String line = text.replaceAll("\\s+", " ").strip();
      return line.length() <= 100 ? line : line.substring(0, 100) + "...";
    }

    void merge(Counts other) {
      tp += other.tp;
      fp += other.fp;
      fn += other.fn;
    }

    TagMetrics metrics(String tag) {
      return new TagMetrics(tag, tp, fp, fn, fpIds, fnIds);
    }
  }
}
