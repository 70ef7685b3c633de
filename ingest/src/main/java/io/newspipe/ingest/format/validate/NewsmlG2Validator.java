package io.newspipe.ingest.format.validate;

import static io.newspipe.ingest.format.validate.G2Model.any;
import static io.newspipe.ingest.format.validate.G2Model.one;
import static io.newspipe.ingest.format.validate.G2Model.optional;
import static io.newspipe.ingest.format.validate.G2Model.some;
import static io.newspipe.ingest.format.validate.G2Rules.NAR;

import io.newspipe.ingest.format.validate.G2Model.Child;
import io.newspipe.ingest.format.validate.G2Model.Particle;
import io.newspipe.ingest.format.validate.G2Rules.G2Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Validates NewsML-G2 documents (items, news messages, catalogs) against the structural rules of
 * the standard ({@link G2Rules}): the root and its namespace; an item's required attributes ({@code
 * guid}, {@code standard}, {@code standardversion}) and their formats; the order and cardinality of
 * the item envelope ({@code catalogRef}/{@code catalog}, {@code itemMeta}...) and of itemMeta,
 * contentMeta, partMeta, concept, organisationDetails, catalog and the news message; required
 * attributes; typed values (date-times, truncated dates, urgency 1-9, QCodes, URIs, counts,
 * booleans); unknown elements in the NAR namespace (extensions belong in their own namespace); how
 * deeply {@code related} nests; and elements and attributes used before the version that introduced
 * them.
 *
 * <p>Which version: the one the caller requires, else the item's {@code standardversion}, else the
 * latest (2.35). Inline content ({@code inlineXML}) and elements from other namespaces are not
 * checked. Never throws on odd input; thread-safe.
 */
public final class NewsmlG2Validator {

  private static final G2Model ITEM_META =
      G2Model.of(
          true,
          one("itemClass"),
          one("provider"),
          one("versionCreated"),
          optional("firstCreated"),
          optional("embargoed"),
          optional("pubStatus"),
          optional("role"),
          optional("fileName"),
          any("generator"),
          optional("profile"),
          any("service"),
          any("title"),
          any("edNote"),
          any("memberOf"),
          any("instanceOf"),
          any("signal"),
          any("altRep"),
          any("deliverableOf"),
          any("hash"),
          any("expires"),
          any("origRep"),
          any("incomingFeedId"),
          optional("metadataCreator"),
          any("link"),
          any("itemMetaExtProperty"));
  private static final String[] ADMINISTRATIVE = {
    "located",
    "infoSource",
    "creator",
    "contributor",
    "audience",
    "exclAudience",
    "altId",
    "rating",
    "userInteraction"
  };
  private static final String[] DESCRIPTIVE_CORE = {
    "language", "keyword", "subject", "slugline", "headline", "description"
  };
  private static final String[] DESCRIPTIVE = {
    "language",
    "genre",
    "keyword",
    "subject",
    "slugline",
    "headline",
    "dateline",
    "by",
    "creditline",
    "description"
  };
  // news and package items describe their content fully; planning, concept, knowledge items less
  private static final G2Model CONTENT_META_FULL = contentMeta(DESCRIPTIVE);
  private static final G2Model CONTENT_META_CORE = contentMeta(DESCRIPTIVE_CORE);
  private static final G2Model CONTENT_META_CATALOG =
      G2Model.of(
          true,
          optional("contentCreated"),
          optional("contentModified"),
          any("creator", "contributor", "altId"));
  private static final G2Model PART_META =
      G2Model.of(
          true,
          any("icon"),
          any("timeDelim"),
          optional("regionDelim"),
          optional("role"),
          optional("urgency"),
          optional("contentCreated"),
          optional("contentModified"),
          optional("digitalSourceType"),
          any(ADMINISTRATIVE),
          any(DESCRIPTIVE),
          any("partMetaExtProperty"),
          any("signal"),
          any("edNote"),
          any("link"));
  private static final G2Model CONCEPT =
      G2Model.of(
          true,
          one("conceptId"),
          optional("type"),
          some("name"),
          any("definition", "note", "facet", "remoteInfo", "hierarchyInfo"),
          any("sameAs", "broader", "narrower", "related"),
          any("hasInstrument"),
          new Particle(
              Set.of(
                  "personDetails",
                  "organisationDetails",
                  "geoAreaDetails",
                  "POIDetails",
                  "objectDetails",
                  "eventDetails"),
              0,
              1,
              ""),
          any("conceptExtProperty"));
  private static final G2Model ORGANISATION_DETAILS =
      G2Model.of(
          true,
          optional("founded"),
          optional("dissolved"),
          any("location", "affiliation", "contactInfo", "hasInstrument"));
  private static final Map<String, G2Model> CONTAINERS =
      Map.ofEntries(
          Map.entry("itemMeta", ITEM_META),
          Map.entry("partMeta", PART_META),
          Map.entry("concept", CONCEPT),
          Map.entry("organisationDetails", ORGANISATION_DETAILS),
          Map.entry("catalog", G2Model.of(false, any("title"), some("scheme"))),
          Map.entry(
              "scheme",
              G2Model.of(false, any("sameAsScheme", "name", "definition", "note", "sameAs"))),
          Map.entry("catalogContainer", G2Model.of(false, one("catalog"))),
          Map.entry("groupSet", G2Model.of(false, some("group"))),
          Map.entry("newsMessage", G2Model.of(false, one("header"), one("itemSet"))),
          Map.entry(
              "itemSet",
              G2Model.of(false, new Particle(Set.copyOf(G2Rules.ITEMS), 1, G2Model.UNBOUNDED, ""))),
          Map.entry(
              "header",
              G2Model.of(
                  true,
                  one("sent"),
                  any("catalogRef", "catalog"),
                  optional("sender"),
                  optional("transmitId"),
                  optional("priority"),
                  optional("origin"),
                  any("timestamp", "destination", "channel", "signal", "headerExtProperty"))));
  private static final Particle CATALOGS = any("catalogRef", "catalog");
  private static final List<Particle> ENVELOPE_AFTER_CATALOGS =
      List.of(optional("hopHistory"), optional("pubHistory"), any("rightsInfo"), one("itemMeta"));
  private static final Particle DERIVED = any("derivedFrom", "derivedFromValue");
  private static final Map<String, List<Particle>> ITEM_BODIES =
      Map.of(
          "newsItem",
          List.of(
              optional("contentMeta"),
              any("partMeta"),
              any("assert"),
              any("inlineRef"),
              DERIVED,
              optional("contentSet")),
          "packageItem",
          List.of(
              optional("contentMeta"),
              any("partMeta"),
              any("assert"),
              any("inlineRef"),
              DERIVED,
              optional("groupSet")),
          "planningItem",
          List.of(
              optional("contentMeta"),
              any("assert"),
              any("inlineRef"),
              DERIVED,
              optional("newsCoverageSet")),
          "conceptItem",
          List.of(
              optional("contentMeta"),
              any("assert"),
              any("inlineRef"),
              DERIVED,
              optional("concept")),
          "knowledgeItem",
          List.of(
              optional("contentMeta"),
              any("partMeta"),
              any("assert"),
              any("inlineRef"),
              DERIVED,
              optional("conceptSet"),
              optional("schemeMeta")),
          "catalogItem",
          List.of(optional("contentMeta"), one("catalogContainer")));

  private static G2Model contentMeta(String[] descriptive) {
    return G2Model.of(
        true,
        any("icon"),
        optional("urgency"),
        optional("contentCreated"),
        optional("contentModified"),
        optional("digitalSourceType"),
        any(ADMINISTRATIVE),
        any(descriptive),
        any("contentMetaExtProperty"));
  }

  /** Validates a document as the version each item declares (the latest if none). */
  public ValidationReport validate(Document document) {
    return validate(document, null);
  }

  /**
   * Validates a parsed NewsML-G2 document.
   *
   * @param version the version (e.g. {@code "2.28"}) every item must follow, or null to use each
   *     item's {@code standardversion}
   * @throws IllegalArgumentException if {@code version} is not a major.minor version, or the
   *     document was parsed without namespaces
   */
  public ValidationReport validate(Document document, String version) {
    G2Version required = null;
    if (version != null) {
      required = G2Version.parse(version);
      if (required == null) {
        throw new IllegalArgumentException(
            "NewsML-G2 version '" + version + "' is not a version such as 2.29");
      }
    }
    Element root = document.getDocumentElement();
    if (root.getLocalName() == null) {
      throw new IllegalArgumentException(
          "the document was parsed without namespaces; NewsML-G2 needs a namespace-aware parser");
    }
    Set<String> standards = new LinkedHashSet<>();
    Problems out = new Problems("NewsML-G2");
    String path = "/" + root.getLocalName();
    if (!NAR.equals(root.getNamespaceURI())) {
      out.add(
          path,
          "is not a NewsML-G2 document: the root element must be in the namespace "
              + NAR
              + (root.getNamespaceURI() == null
                  ? ", not in none"
                  : ", not in " + root.getNamespaceURI()));
      standards.add("NewsML-G2");
    } else if (G2Rules.ITEMS.contains(root.getLocalName())) {
      standards.add(item(root, path, required, out));
    } else if (root.getLocalName().equals("newsMessage") || root.getLocalName().equals("catalog")) {
      Run run = new Run(required, null, out, standards);
      run.walk(root, path, 0);
      if (standards.isEmpty()) {
        standards.add(run.describe()); // a catalog, or a message without items
      }
    } else {
      out.add(
          path,
          "is not a NewsML-G2 document: the root must be an item ("
              + String.join(", ", G2Rules.ITEMS)
              + "), a newsMessage or a catalog");
      standards.add("NewsML-G2");
    }
    return new ValidationReport(String.join("; ", standards), out.list());
  }

  /** Validates one item; returns which rules were applied. */
  private static String item(Element item, String path, G2Version required, Problems out) {
    String standard = item.getAttribute("standard");
    G2Version declared =
        standard.isEmpty() || standard.equals("NewsML-G2")
            ? G2Version.parse(item.getAttribute("standardversion"))
            : null; // another numbering, such as NewsML-G2-dev 0.4
    // items nest no items; should a broken one hold an itemSet, its items are checked all the same
    Run run = new Run(required, declared, out, new LinkedHashSet<>());
    for (String attribute : List.of("guid", "standard", "standardversion")) {
      if (item.getAttribute(attribute).isBlank()) {
        out.add(path + "/@" + attribute, "the required attribute is missing or empty");
      }
    }
    String standardVersion = item.getAttribute("standardversion");
    if (!standardVersion.isEmpty() && !standardVersion.matches("[0-9]+\\.[0-9]+")) {
      out.add(
          path + "/@standardversion",
          "\"" + standardVersion + "\" is not a major.minor version such as 2.29");
    }
    String itemVersion = item.getAttribute("version");
    if (item.hasAttribute("version") && !itemVersion.strip().matches("\\+?0*[1-9][0-9]*")) {
      out.add(path + "/@version", "\"" + itemVersion + "\" is not a positive whole number");
    }
    run.walk(item, path, 0);
    return run.describe();
  }

  /** One item (or message, or catalog) being checked, with the version it is held to. */
  private static final class Run {

    // real items nest a few dozen levels; a limit keeps a hostile document from exhausting the
    // stack
    private static final int MAX_DEPTH = 500;

    private final G2Version requested;
    private final G2Version version;
    private final String basis;
    private final Problems out;
    private final Set<String> nested;

    /**
     * @param required the version the caller requires, or null
     * @param declared the version the item declares, or null
     * @param nested where items inside a news message record the rules applied to them
     */
    Run(G2Version required, G2Version declared, Problems out, Set<String> nested) {
      this.requested = required;
      this.version = required != null ? required : declared != null ? declared : G2Rules.LATEST;
      this.basis =
          required != null
              ? "requested"
              : declared != null
                  ? "declared by the item's standardversion"
                  : "the latest; the document declares no version";
      this.out = out;
      this.nested = nested;
    }

    String describe() {
      return "NewsML-G2 " + version + " (" + basis + ")";
    }

    void walk(Element e, String path, int relatedDepth) {
      walk(e, path, relatedDepth, 0);
    }

    private void walk(Element e, String path, int relatedDepth, int level) {
      String name = e.getLocalName();
      if (level > MAX_DEPTH) {
        out.add(path, "is nested more than " + MAX_DEPTH + " elements deep; not checked further");
        return;
      }
      G2Values.check(e, path, out);
      int depth = name.equals("related") ? relatedDepth + 1 : 0;
      int limit = version.before(G2Rules.DEEPER_RELATED) ? 2 : 3;
      if (depth == limit + 1) {
        out.add(
            path,
            "<related> may nest only "
                + limit
                + " levels deep in NewsML-G2 "
                + version
                + (limit == 2 ? " (three from 2.34 on)" : ""));
      }
      if (name.equals("inlineXML")) {
        return; // the content is another standard's (NITF, XHTML)
      }
      List<Child> children = new ArrayList<>();
      List<String> foreign = new ArrayList<>();
      sortChildren(e, path, children, foreign);
      G2Model model = model(e);
      if (model != null) {
        model.check(where(e), path, children, foreign, out);
      }
      for (Child child : children) {
        Element c = child.element();
        if (name.equals("itemSet") && G2Rules.ITEMS.contains(c.getLocalName())) {
          nested.add(item(c, child.path(), requested, out));
        } else {
          gate(c, child.path(), name);
          walk(c, child.path(), depth, level + 1);
        }
      }
    }

    /** The NAR children worth checking, and the paths of children from other namespaces. */
    private void sortChildren(Element e, String path, List<Child> children, List<String> foreign) {
      boolean lax = G2Rules.LAX_CONTAINERS.contains(e.getLocalName());
      Map<String, Integer> total = new HashMap<>();
      for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element c) {
          total.merge(c.getTagName(), 1, Integer::sum);
        }
      }
      Map<String, Integer> seen = new HashMap<>();
      for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (!(n instanceof Element c)) {
          continue;
        }
        int index = seen.merge(c.getTagName(), 1, Integer::sum);
        String childPath =
            path + "/" + c.getTagName() + (total.get(c.getTagName()) > 1 ? "[" + index + "]" : "");
        if (!NAR.equals(c.getNamespaceURI())) {
          boolean signature = G2Rules.XMLDSIG.equals(c.getNamespaceURI()) && index == 1;
          if (!signature) {
            foreign.add(childPath);
          }
        } else if (G2Rules.ELEMENTS.contains(c.getLocalName())) {
          children.add(new Child(c, childPath));
        } else if (!lax) {
          out.add(
              childPath,
              "<"
                  + c.getLocalName()
                  + "> is not a NewsML-G2 element; extension elements must be in a namespace of"
                  + " their own, not in "
                  + NAR);
        }
      }
    }

    private G2Model model(Element e) {
      String name = e.getLocalName();
      if (G2Rules.ITEMS.contains(name) && e.getParentNode() instanceof Document
          || G2Rules.ITEMS.contains(name) && isInItemSet(e)) {
        Particle catalogs =
            version.before(G2Rules.CATALOG_OPTIONAL)
                ? CATALOGS.withMin(
                    1,
                    " (NewsML-G2 "
                        + version
                        + " requires at least one; from 2.30 on it is optional)")
                : CATALOGS;
        List<Particle> envelope = new ArrayList<>();
        envelope.add(catalogs);
        envelope.addAll(ENVELOPE_AFTER_CATALOGS);
        return new G2Model(List.copyOf(envelope), false).then(ITEM_BODIES.get(name));
      }
      if (name.equals("contentMeta") && e.getParentNode() instanceof Element parent) {
        return switch (parent.getLocalName()) {
          case "newsItem", "packageItem" -> CONTENT_META_FULL;
          case "catalogItem" -> CONTENT_META_CATALOG;
          default -> CONTENT_META_CORE;
        };
      }
      return CONTAINERS.get(name);
    }

    /** How messages name an element: {@code <contentMeta> of a <catalogItem>}. */
    private static String where(Element e) {
      String where = "<" + e.getLocalName() + ">";
      return e.getLocalName().equals("contentMeta") && e.getParentNode() instanceof Element parent
          ? where + " of a <" + parent.getLocalName() + ">"
          : where;
    }

    private static boolean isInItemSet(Element e) {
      return e.getParentNode() instanceof Element parent && parent.getLocalName().equals("itemSet");
    }

    /** Elements and attributes used before the version that introduced them. */
    private void gate(Element e, String path, String parentName) {
      String name = e.getLocalName();
      G2Version since = G2Rules.ELEMENT_SINCE.get(name);
      if (since != null && version.before(since)) {
        out.add(path, "<" + name + "> " + tooNew(since));
      }
      G2Version inParent = G2Rules.CHILD_SINCE.get(parentName + "/" + name);
      if (inParent != null && version.before(inParent)) {
        out.add(path, "<" + name + "> inside <" + parentName + "> " + tooNew(inParent));
      }
      NamedNodeMap attributes = e.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr a = (Attr) attributes.item(i);
        G2Version attributeSince =
            a.getNamespaceURI() == null ? G2Rules.ATTRIBUTE_SINCE.get(a.getName()) : null;
        if (attributeSince != null && version.before(attributeSince)) {
          out.add(path + "/@" + a.getName(), "the attribute " + tooNew(attributeSince));
        }
      }
    }

    private String tooNew(G2Version since) {
      return "exists only from NewsML-G2 "
          + since
          + " on, and this document is held to NewsML-G2 "
          + version
          + " ("
          + basis
          + ")";
    }
  }
}
