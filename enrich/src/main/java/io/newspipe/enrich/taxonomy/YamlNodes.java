package io.newspipe.enrich.taxonomy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Typed access to a composed YAML node tree. Working on nodes rather than constructed maps keeps
 * each value's line number, so every error can point at the line to fix.
 */
final class YamlNodes {

  private final String source;

  YamlNodes(String source) {
    this.source = source;
  }

  static int line(Node node) {
    return node == null ? 0 : node.getStartMark().getLine() + 1;
  }

  TaxonomyException error(Node node, String key, String problem) {
    return new TaxonomyException(source, line(node), key, problem);
  }

  /**
   * The entries of a mapping, checked against the keys allowed and required there. {@code where}
   * describes the mapping for messages, e.g. "tag 'narcotics'".
   */
  Map<String, Node> fields(
      Node node, String key, String where, Set<String> allowed, Set<String> required) {
    if (!(node instanceof MappingNode mapping)) {
      throw error(node, key, where + " must be a mapping of key: value lines, found " + kind(node));
    }
    Map<String, Node> fields = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode scalarKey)) {
        throw error(keyNode, key, "keys in " + where + " must be plain words");
      }
      String name = scalarKey.getValue();
      if (!allowed.contains(name)) {
        throw error(
            keyNode,
            name,
            "unknown key in "
                + where
                + ": allowed keys are "
                + String.join(", ", allowed.stream().sorted().toList())
                + " (check the spelling and indentation)");
      }
      if (fields.put(name, tuple.getValueNode()) != null) {
        throw error(keyNode, name, "duplicate key in " + where + ": keep only one");
      }
    }
    for (String name : required) {
      if (!fields.containsKey(name)) {
        throw error(node, name, "missing required key in " + where + ": add '" + name + ": ...'");
      }
    }
    return fields;
  }

  String string(Node node, String key) {
    if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
      throw error(node, key, "expected a non-empty text value, found " + kind(node));
    }
    return scalar.getValue().strip();
  }

  double number(Node node, String key) {
    String text = scalarText(node, key, "a number such as 1.5");
    try {
      double value = Double.parseDouble(text);
      if (!Double.isFinite(value)) {
        throw new NumberFormatException(text);
      }
      return value;
    } catch (NumberFormatException e) {
      throw error(node, key, "expected a number such as 1.5, found '" + text + "'");
    }
  }

  double positive(Node node, String key) {
    double value = number(node, key);
    if (value <= 0) {
      throw error(node, key, "must be greater than 0, found " + value);
    }
    return value;
  }

  int positiveInt(Node node, String key) {
    String text = scalarText(node, key, "a whole number such as 8");
    try {
      int value = Integer.parseInt(text);
      if (value <= 0) {
        throw error(node, key, "must be a whole number greater than 0, found " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw error(node, key, "expected a whole number such as 8, found '" + text + "'");
    }
  }

  List<Node> list(Node node, String key) {
    if (!(node instanceof SequenceNode sequence)) {
      throw error(node, key, "expected a list ([a, b] or '- ' lines), found " + kind(node));
    }
    return sequence.getValue();
  }

  List<String> strings(Node node, String key, boolean allowEmpty) {
    List<String> values = new ArrayList<>();
    for (Node item : list(node, key)) {
      values.add(string(item, key));
    }
    if (values.isEmpty() && !allowEmpty) {
      throw error(node, key, "the list is empty: give at least one value or remove the key");
    }
    return values;
  }

  private String scalarText(Node node, String key, String expected) {
    if (!(node instanceof ScalarNode scalar)) {
      throw error(node, key, "expected " + expected + ", found " + kind(node));
    }
    return scalar.getValue().strip();
  }

  private static String kind(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (node instanceof ScalarNode scalar) {
      return scalar.getValue().isBlank() ? "nothing" : "'" + scalar.getValue() + "'";
    }
    return "nothing";
  }
}
