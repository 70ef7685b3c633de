package io.newspipe.enrich.taxonomy;

import io.newspipe.enrich.classify.LinearModel;
import io.newspipe.enrich.text.Tokenizer;
import io.newspipe.schemas.EntityKind;
import io.newspipe.schemas.Topics;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads and validates taxonomy YAML; see {@code taxonomy.yaml} for the documented format. */
final class TaxonomyParser {

  private static final Set<String> TOP = Set.of("version", "defaults", "gazetteer", "tags");
  private static final Set<String> DEFAULTS = Set.of("fieldWeights");
  private static final Set<String> FIELDS = Set.of("headline", "subheadline", "body");
  private static final Set<String> PLACE =
      Set.of("name", "kind", "regions", "aliases", "ambiguous");
  private static final Set<String> TAG =
      Set.of(
          "id",
          "label",
          "description",
          "mediaTopics",
          "threshold",
          "fieldWeights",
          "phrases",
          "near",
          "places",
          "exclusions",
          "model");
  private static final Set<String> MODEL = Set.of("file", "threshold", "when");
  private static final Set<String> MODEL_REQUIRED = Set.of("file", "threshold");
  private static final Set<String> PHRASES = Set.of("weight", "terms");
  private static final Set<String> NEAR = Set.of("id", "any", "within", "of", "weight");
  private static final Set<String> NEAR_PATTERN = Set.of("any", "within", "of");
  private static final Set<String> PLACES =
      Set.of(
          "regions",
          "weight",
          "ambiguousWeight",
          "leadWeight",
          "leadWords",
          "repeat",
          "listWeight");
  private static final Set<String> EXCLUSION = Set.of("id", "terms", "near", "effect", "weight");
  private static final Map<String, Double> DEFAULT_FIELD_WEIGHTS =
      Map.of("headline", 2.0, "subheadline", 1.5, "body", 1.0);

  /** Reads a model file named in the taxonomy; null when the taxonomy has no place for files. */
  interface ModelFiles {
    LinearModel read(String file) throws IOException;
  }

  private final String source;
  private final YamlNodes yaml;
  private final ModelFiles models;

  TaxonomyParser(String source, ModelFiles models) {
    this.source = source;
    this.yaml = new YamlNodes(source);
    this.models = models;
  }

  Taxonomy parse(Reader reader) {
    Node root = compose(reader);
    Map<String, Node> top = yaml.fields(root, null, "the taxonomy", TOP, Set.of("version", "tags"));
    String version = yaml.string(top.get("version"), "version");
    Map<String, Double> defaultWeights = DEFAULT_FIELD_WEIGHTS;
    if (top.containsKey("defaults")) {
      Map<String, Node> defaults =
          yaml.fields(top.get("defaults"), "defaults", "defaults", DEFAULTS, Set.of());
      if (defaults.containsKey("fieldWeights")) {
        defaultWeights = fieldWeights(defaults.get("fieldWeights"), DEFAULT_FIELD_WEIGHTS);
      }
    }
    List<Place> gazetteer = new ArrayList<>();
    if (top.containsKey("gazetteer")) {
      Set<String> names = new HashSet<>();
      for (Node node : yaml.list(top.get("gazetteer"), "gazetteer")) {
        Place place = place(node);
        if (!names.add(place.name())) {
          throw yaml.error(node, "name", "gazetteer entry '" + place.name() + "' is listed twice");
        }
        gazetteer.add(place);
      }
    }
    Set<String> regions = new HashSet<>();
    gazetteer.forEach(p -> regions.addAll(p.regions()));
    List<TagDefinition> tags = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Node node : yaml.list(top.get("tags"), "tags")) {
      TagDefinition tag = tag(node, defaultWeights, regions);
      if (!ids.add(tag.id())) {
        throw yaml.error(node, "id", "tag id '" + tag.id() + "' is used twice: ids must be unique");
      }
      tags.add(tag);
    }
    if (tags.isEmpty()) {
      throw yaml.error(top.get("tags"), "tags", "the taxonomy defines no tags: add at least one");
    }
    return new Taxonomy(source, version, tags, gazetteer);
  }

  private Node compose(Reader reader) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    try {
      Node root = new Yaml(new SafeConstructor(options)).compose(reader);
      if (root == null) {
        throw new TaxonomyException(
            source, 0, null, "the file is empty: it needs 'version' and 'tags'");
      }
      return root;
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new TaxonomyException(
          source, line, null, "not valid YAML (" + e.getProblem() + "): fix the syntax there", e);
    } catch (YAMLException e) {
      throw new TaxonomyException(source, 0, null, "not valid YAML: " + e.getMessage(), e);
    }
  }

  private Place place(Node node) {
    Map<String, Node> f =
        yaml.fields(node, "gazetteer", "a gazetteer entry", PLACE, Set.of("name", "aliases"));
    String name = yaml.string(f.get("name"), "name");
    String where = "gazetteer entry '" + name + "'";
    EntityKind kind = EntityKind.PLACE;
    if (f.containsKey("kind")) {
      String text = yaml.string(f.get("kind"), "kind");
      try {
        kind = EntityKind.valueOf(text.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw yaml.error(
            f.get("kind"),
            "kind",
            where + ": kind must be PLACE, PERSON or ORGANISATION, found '" + text + "'");
      }
    }
    Set<String> regions =
        f.containsKey("regions")
            ? Set.copyOf(yaml.strings(f.get("regions"), "regions", true))
            : Set.of();
    List<String> aliases = terms(f.get("aliases"), "aliases", false);
    List<String> ambiguous =
        f.containsKey("ambiguous") ? terms(f.get("ambiguous"), "ambiguous", true) : List.of();
    return new Place(name, kind, regions, aliases, ambiguous);
  }

  private TagDefinition tag(
      Node node, Map<String, Double> defaultWeights, Set<String> knownRegions) {
    Map<String, Node> f =
        yaml.fields(node, "tags", "a tag", TAG, Set.of("id", "label", "threshold"));
    String id = yaml.string(f.get("id"), "id");
    try {
      Topics.tag(id);
    } catch (IllegalArgumentException e) {
      throw yaml.error(f.get("id"), "id", e.getMessage());
    }
    String where = "tag '" + id + "'";
    Map<String, Double> weights =
        f.containsKey("fieldWeights")
            ? fieldWeights(f.get("fieldWeights"), defaultWeights)
            : defaultWeights;
    List<PhraseRule> phrases = new ArrayList<>();
    if (f.containsKey("phrases")) {
      for (Node group : yaml.list(f.get("phrases"), "phrases")) {
        Map<String, Node> g =
            yaml.fields(group, "phrases", "a phrase group of " + where, PHRASES, PHRASES);
        double weight = yaml.positive(g.get("weight"), "weight");
        for (String term : terms(g.get("terms"), "terms", false)) {
          phrases.add(new PhraseRule(term, weight));
        }
      }
    }
    List<NearRule> near = new ArrayList<>();
    if (f.containsKey("near")) {
      Set<String> nearIds = new HashSet<>();
      for (Node rule : yaml.list(f.get("near"), "near")) {
        Map<String, Node> n = yaml.fields(rule, "near", "a near rule of " + where, NEAR, NEAR);
        NearRule parsed =
            nearRule(n, yaml.string(n.get("id"), "id"), yaml.positive(n.get("weight"), "weight"));
        if (!nearIds.add(parsed.id())) {
          throw yaml.error(
              n.get("id"), "id", "near rule id '" + parsed.id() + "' is used twice in " + where);
        }
        near.add(parsed);
      }
    }
    PlaceRule places =
        f.containsKey("places") ? places(f.get("places"), where, knownRegions) : null;
    if (phrases.isEmpty() && near.isEmpty() && places == null) {
      throw yaml.error(
          node, "phrases", where + " has no rules: give it phrases, near rules or places");
    }
    List<Exclusion> exclusions = new ArrayList<>();
    if (f.containsKey("exclusions")) {
      for (Node rule : yaml.list(f.get("exclusions"), "exclusions")) {
        exclusions.add(exclusion(rule, where));
      }
    }
    TagModel model = f.containsKey("model") ? model(f.get("model"), where) : null;
    return new TagDefinition(
        id,
        yaml.string(f.get("label"), "label"),
        f.containsKey("description") ? yaml.string(f.get("description"), "description") : "",
        f.containsKey("mediaTopics") ? mediaTopics(f.get("mediaTopics")) : List.of(),
        yaml.positive(f.get("threshold"), "threshold"),
        weights,
        phrases,
        near,
        places,
        exclusions,
        model);
  }

  private TagModel model(Node node, String where) {
    Map<String, Node> m =
        yaml.fields(node, "model", "the model of " + where, MODEL, MODEL_REQUIRED);
    String file = yaml.string(m.get("file"), "file");
    double threshold = yaml.positive(m.get("threshold"), "threshold");
    if (threshold >= 1) {
      throw yaml.error(
          m.get("threshold"), "threshold", "a model threshold is a probability below 1");
    }
    if (file.startsWith("/") || file.contains("..") || file.contains("\\")) {
      throw yaml.error(
          m.get("file"),
          "file",
          "model file '" + file + "' must be a path inside the taxonomy's directory");
    }
    if (models == null) {
      throw yaml.error(
          m.get("file"),
          "file",
          "a taxonomy read from text has no directory to find model file '" + file + "' in");
    }
    try {
      return new TagModel(file, threshold, models.read(file), when(m.get("when")));
    } catch (IOException | RuntimeException e) {
      throw yaml.error(m.get("file"), "file", "cannot read model file '" + file + "': " + e);
    }
  }

  /**
   * A model's {@code when} terms: a list whose items are terms or lists of terms (so a list the
   * rules already name can be reused by its YAML alias, {@code [*electoral, campaign]}).
   */
  private List<String> when(Node node) {
    if (node == null) {
      return List.of();
    }
    List<String> when = new ArrayList<>();
    for (Node item : yaml.list(node, "when")) {
      if (item instanceof SequenceNode) {
        when.addAll(terms(item, "when", false));
      } else {
        String term = yaml.string(item, "when");
        if (Tokenizer.normalisedWords(term).isEmpty()) {
          throw yaml.error(
              item, "when", "'" + term + "' has no letters or digits, so it can never match");
        }
        when.add(term);
      }
    }
    if (when.isEmpty()) {
      throw yaml.error(node, "when", "the list is empty: give at least one term or remove the key");
    }
    return when;
  }

  private NearRule nearRule(Map<String, Node> n, String id, double weight) {
    return new NearRule(
        id,
        terms(n.get("any"), "any", false),
        terms(n.get("of"), "of", false),
        yaml.positiveInt(n.get("within"), "within"),
        weight);
  }

  private Exclusion exclusion(Node node, String where) {
    String what = "an exclusion of " + where;
    Map<String, Node> e = yaml.fields(node, "exclusions", what, EXCLUSION, Set.of("id", "effect"));
    String id = yaml.string(e.get("id"), "id");
    if (e.containsKey("terms") == e.containsKey("near")) {
      throw yaml.error(
          node, "terms", what + " ('" + id + "') needs exactly one of 'terms' or 'near'");
    }
    String effect = yaml.string(e.get("effect"), "effect");
    boolean veto;
    if (effect.equals("veto")) {
      veto = true;
      if (e.containsKey("weight")) {
        throw yaml.error(
            e.get("weight"),
            "weight",
            "a veto removes the tag outright and takes no weight: remove 'weight' or use 'effect: subtract'");
      }
    } else if (effect.equals("subtract")) {
      veto = false;
      if (!e.containsKey("weight")) {
        throw yaml.error(
            node, "weight", "'effect: subtract' needs 'weight: N', the score to take away");
      }
    } else {
      throw yaml.error(
          e.get("effect"), "effect", "effect must be 'veto' or 'subtract', found '" + effect + "'");
    }
    double weight = veto ? 0 : yaml.positive(e.get("weight"), "weight");
    List<String> terms = e.containsKey("terms") ? terms(e.get("terms"), "terms", false) : List.of();
    NearRule near = null;
    if (e.containsKey("near")) {
      Map<String, Node> n =
          yaml.fields(
              e.get("near"),
              "near",
              "the near pattern of exclusion '" + id + "'",
              NEAR_PATTERN,
              NEAR_PATTERN);
      near = nearRule(n, id, weight);
    }
    return new Exclusion(id, terms, near, veto, weight);
  }

  private PlaceRule places(Node node, String where, Set<String> knownRegions) {
    Map<String, Node> p =
        yaml.fields(node, "places", "places of " + where, PLACES, Set.of("regions", "weight"));
    Set<String> regions = Set.copyOf(yaml.strings(p.get("regions"), "regions", false));
    for (String region : regions) {
      if (!knownRegions.contains(region)) {
        throw yaml.error(
            p.get("regions"),
            "regions",
            "no gazetteer entry has region '"
                + region
                + "': add it to some entries' regions or fix the spelling");
      }
    }
    double weight = yaml.positive(p.get("weight"), "weight");
    double ambiguous =
        p.containsKey("ambiguousWeight")
            ? yaml.positive(p.get("ambiguousWeight"), "ambiguousWeight")
            : weight / 4;
    double lead =
        p.containsKey("leadWeight") ? yaml.positive(p.get("leadWeight"), "leadWeight") : weight;
    int leadWords =
        p.containsKey("leadWords") ? yaml.positiveInt(p.get("leadWords"), "leadWords") : 0;
    double repeat = p.containsKey("repeat") ? yaml.positive(p.get("repeat"), "repeat") : 0.5;
    if (repeat > 1) {
      throw yaml.error(
          p.get("repeat"),
          "repeat",
          "repeat must be between 0 and 1 (each further mention counts this times the one before)");
    }
    double list =
        p.containsKey("listWeight") ? yaml.positive(p.get("listWeight"), "listWeight") : weight;
    return new PlaceRule(regions, weight, ambiguous, lead, leadWords, repeat, list);
  }

  private Map<String, Double> fieldWeights(Node node, Map<String, Double> defaults) {
    Map<String, Node> f = yaml.fields(node, "fieldWeights", "fieldWeights", FIELDS, Set.of());
    Map<String, Double> weights = new LinkedHashMap<>(defaults);
    f.forEach((field, value) -> weights.put(field, yaml.positive(value, field)));
    return weights;
  }

  private List<String> mediaTopics(Node node) {
    List<String> codes = yaml.strings(node, "mediaTopics", true);
    for (String code : codes) {
      if (!code.matches("medtop:\\d{8}")) {
        throw yaml.error(
            node,
            "mediaTopics",
            "'" + code + "' is not an IPTC Media Topic code: write it as medtop:NNNNNNNN");
      }
    }
    return codes;
  }

  /** A list of terms, each of which must contain at least one word the tokenizer keeps. */
  private List<String> terms(Node node, String key, boolean allowEmpty) {
    List<String> terms = yaml.strings(node, key, allowEmpty);
    for (String term : terms) {
      if (Tokenizer.normalisedWords(term).isEmpty()) {
        throw yaml.error(
            node, key, "'" + term + "' has no letters or digits, so it can never match: remove it");
      }
    }
    return terms;
  }
}
