package io.newspipe.enrich.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.schemas.Tag;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  public EvalReport evaluate(List<LabelledItem> items) {
    Set<String> taxonomyTags = new LinkedHashSet<>(tagger.taxonomy().tagIds());
    Set<String> allTags = new LinkedHashSet<>(taxonomyTags);
    Set<String> unknown = new LinkedHashSet<>();
    for (LabelledItem item : items) {
      for (String label : item.labels()) {
        if (!taxonomyTags.contains(label)) {
          unknown.add(label);
          allTags.add(label);
        }
      }
    }
    Map<String, Counts> counts = new LinkedHashMap<>();
    allTags.forEach(t -> counts.put(t, new Counts()));
    for (LabelledItem item : items) {
      Set<String> predicted = new HashSet<>();
      for (Tag tag : tagger.tag(item.headline(), item.body())) {
        predicted.add(tag.getId());
      }
      for (String tag : allTags) {
        counts.get(tag).add(item.id(), predicted.contains(tag), item.labels().contains(tag));
      }
    }
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
        unknown);
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
    return new LabelledItem(id.asText(), text(node, "headline"), text(node, "body"), tags);
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

  private static final class Counts {
    int tp;
    int fp;
    int fn;
    final List<String> fpIds = new ArrayList<>();
    final List<String> fnIds = new ArrayList<>();

    void add(String id, boolean predicted, boolean labelled) {
      if (predicted && labelled) {
        tp++;
      } else if (predicted) {
        fp++;
        fpIds.add(id);
      } else if (labelled) {
        fn++;
        fnIds.add(id);
      }
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
