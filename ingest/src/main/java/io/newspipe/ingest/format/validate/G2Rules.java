package io.newspipe.ingest.format.validate;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The NewsML-G2 rules {@link NewsmlG2Validator} applies, written from IPTC's XML Schema
 * (NewsML-G2_2.35-spec-All-Power.xsd and the change notes in it) and the structure matrix: the
 * element vocabulary of the NAR namespace, the content models of the item envelope and its main
 * containers, typed values, and which elements and attributes which version introduced.
 */
final class G2Rules {

  static final String NAR = "http://iptc.org/std/nar/2006-10-01/";
  static final String XMLDSIG = "http://www.w3.org/2000/09/xmldsig#";
  static final G2Version LATEST = new G2Version(2, 35);

  /** Every element name the NAR namespace defines (deprecated ones included). */
  static final Set<String> ELEMENTS =
      Set.of(
          "POIDetails",
          "a",
          "access",
          "accessStatus",
          "accountable",
          "action",
          "address",
          "affiliation",
          "altId",
          "altLoc",
          "altRep",
          "area",
          "assert",
          "assignedTo",
          "audience",
          "bag",
          "bit",
          "born",
          "br",
          "broader",
          "by",
          "capacity",
          "catalog",
          "catalogContainer",
          "catalogItem",
          "catalogRef",
          "ceasedToExist",
          "channel",
          "circle",
          "concept",
          "conceptExtProperty",
          "conceptId",
          "conceptItem",
          "conceptRef",
          "conceptSet",
          "confirmation",
          "contactInfo",
          "contentCreated",
          "contentMeta",
          "contentMetaExtProperty",
          "contentModified",
          "contentSet",
          "contributor",
          "copyrightHolder",
          "copyrightNotice",
          "country",
          "created",
          "creator",
          "creditline",
          "dataMining",
          "dateline",
          "dates",
          "definition",
          "deliverableOf",
          "deliveredItemRef",
          "delivery",
          "derivedFrom",
          "derivedFromValue",
          "description",
          "destination",
          "details",
          "died",
          "digitalSourceType",
          "dissolved",
          "duration",
          "edNote",
          "email",
          "embargoed",
          "end",
          "event",
          "eventDetails",
          "eventStatus",
          "events",
          "exDate",
          "exRule",
          "exclAudience",
          "expires",
          "facet",
          "facetConcept",
          "fax",
          "fileName",
          "firstCreated",
          "founded",
          "g2contentType",
          "generator",
          "genre",
          "geoAreaDetails",
          "group",
          "groupExtProperty",
          "groupRef",
          "groupSet",
          "hasInstrument",
          "hash",
          "header",
          "headerExtProperty",
          "headline",
          "hierarchyInfo",
          "hop",
          "hopHistory",
          "icon",
          "im",
          "incomingFeedId",
          "infoSource",
          "inline",
          "inlineData",
          "inlineRef",
          "inlineXML",
          "instanceOf",
          "itemClass",
          "itemCount",
          "itemMeta",
          "itemMetaExtProperty",
          "itemRef",
          "itemSet",
          "keyword",
          "knowledgeItem",
          "language",
          "line",
          "link",
          "locality",
          "located",
          "location",
          "mainConcept",
          "memberOf",
          "metadataCreator",
          "name",
          "narrower",
          "newsContentCharacteristics",
          "newsCoverage",
          "newsCoverageExtProperty",
          "newsCoverageSet",
          "newsCoverageStatus",
          "newsItem",
          "newsMessage",
          "note",
          "objectDetails",
          "occurStatus",
          "openHours",
          "organisationDetails",
          "organiser",
          "origRep",
          "origin",
          "packageItem",
          "partMeta",
          "partMetaExtProperty",
          "participant",
          "participationRequirement",
          "party",
          "personDetails",
          "phone",
          "planning",
          "planningExtProperty",
          "planningItem",
          "polygon",
          "position",
          "postalCode",
          "priority",
          "profile",
          "provider",
          "pubHistory",
          "pubStatus",
          "published",
          "publishedExtProperty",
          "rDate",
          "rRule",
          "rating",
          "rb",
          "regionDelim",
          "registration",
          "related",
          "remoteContent",
          "remoteContentExtProperty",
          "remoteInfo",
          "rightsExpressionData",
          "rightsExpressionXML",
          "rightsInfo",
          "rightsInfoExtProperty",
          "role",
          "rp",
          "rt",
          "ruby",
          "sameAs",
          "sameAsScheme",
          "scheduled",
          "scheme",
          "schemeMeta",
          "schemeMetaExtProperty",
          "sender",
          "sent",
          "service",
          "signal",
          "slugline",
          "span",
          "start",
          "subject",
          "timeDelim",
          "timestamp",
          "title",
          "transmitId",
          "type",
          "urgency",
          "usageTerms",
          "userInteraction",
          "versionCreated",
          "web",
          "worldRegion");

  static final List<String> ITEMS =
      List.of(
          "newsItem", "packageItem", "planningItem", "conceptItem", "knowledgeItem", "catalogItem");

  /**
   * Elements whose content is "any element, processed laxly": an unknown NAR element directly
   * inside them is not an error (assert and the link types).
   */
  static final Set<String> LAX_CONTAINERS =
      Set.of("assert", "link", "itemRef", "deliverableOf", "remoteInfo", "deliveredItemRef");

  /** The version that introduced an element (from the schema's change notes). */
  static final Map<String, G2Version> ELEMENT_SINCE =
      Map.ofEntries(
          Map.entry("rating", new G2Version(2, 11)),
          Map.entry("userInteraction", new G2Version(2, 11)),
          Map.entry("derivedFrom", new G2Version(2, 12)),
          Map.entry("hasInstrument", new G2Version(2, 12)),
          Map.entry("expires", new G2Version(2, 17)),
          Map.entry("schemeMeta", new G2Version(2, 17)),
          Map.entry("origRep", new G2Version(2, 20)),
          Map.entry("incomingFeedId", new G2Version(2, 20)),
          Map.entry("rightsExpressionXML", new G2Version(2, 23)),
          Map.entry("rightsExpressionData", new G2Version(2, 23)),
          Map.entry("worldRegion", new G2Version(2, 23)),
          Map.entry("pubHistory", new G2Version(2, 24)),
          Map.entry("published", new G2Version(2, 24)),
          Map.entry("mainConcept", new G2Version(2, 26)),
          Map.entry("facetConcept", new G2Version(2, 26)),
          Map.entry("metadataCreator", new G2Version(2, 28)),
          Map.entry("derivedFromValue", new G2Version(2, 28)),
          Map.entry("digitalSourceType", new G2Version(2, 33)),
          Map.entry("dataMining", new G2Version(2, 34)),
          Map.entry("eventStatus", new G2Version(2, 35)));

  /** The version that allowed an element inside a parent it was not allowed in before. */
  static final Map<String, G2Version> CHILD_SINCE =
      Map.of(
          "organisationDetails/affiliation", new G2Version(2, 29),
          "concept/hasInstrument", new G2Version(2, 31));

  /** The version that introduced an attribute. */
  static final Map<String, G2Version> ATTRIBUTE_SINCE =
      Map.ofEntries(
          Map.entry("colourdepth", new G2Version(2, 13)),
          Map.entry("pubconstraint", new G2Version(2, 14)),
          Map.entry("pubconstrainturi", new G2Version(2, 14)),
          Map.entry("layoutorientation", new G2Version(2, 14)),
          Map.entry("layoutorientationuri", new G2Version(2, 14)),
          Map.entry("confirmationstatus", new G2Version(2, 24)),
          Map.entry("confirmationstatusuri", new G2Version(2, 24)),
          Map.entry("contenttypestandardversion", new G2Version(2, 25)),
          Map.entry("contenttypevariantstandardversion", new G2Version(2, 25)),
          Map.entry("formatstandardversion", new G2Version(2, 25)),
          Map.entry("schemecreated", new G2Version(2, 29)),
          Map.entry("schememodified", new G2Version(2, 29)),
          Map.entry("schemeretired", new G2Version(2, 29)),
          Map.entry("residrefformat", new G2Version(2, 30)),
          Map.entry("residrefformaturi", new G2Version(2, 30)),
          Map.entry("authoritystatus", new G2Version(2, 32)),
          Map.entry("authoritystatusuri", new G2Version(2, 32)));

  /** Since 2.30 an item needs no catalogRef or catalog. */
  static final G2Version CATALOG_OPTIONAL = new G2Version(2, 30);

  /** How deeply related elements may nest: two levels, three from 2.34. */
  static final G2Version DEEPER_RELATED = new G2Version(2, 34);

  /** Attributes an element cannot do without. */
  static final Map<String, List<String>> REQUIRED_ATTRIBUTES =
      Map.ofEntries(
          Map.entry("catalogRef", List.of("href")),
          Map.entry("scheme", List.of("alias", "uri")),
          Map.entry("schemeMeta", List.of("uri")),
          Map.entry("language", List.of("tag")),
          Map.entry("hasInstrument", List.of("symbol")),
          Map.entry("groupSet", List.of("root")),
          Map.entry("groupRef", List.of("idref")),
          Map.entry("inlineRef", List.of("idrefs")),
          Map.entry("rating", List.of("value", "scalemin", "scalemax")),
          Map.entry("userInteraction", List.of("interactions")),
          Map.entry("timeDelim", List.of("start", "end")),
          Map.entry("derivedFromValue", List.of("sourceidref", "idrefs")),
          Map.entry("rightsExpressionXML", List.of("langid")),
          Map.entry("rightsExpressionData", List.of("langid", "enctype")));

  /** Attributes holding dates with an optional time ({@code DateOptTimeType}). */
  static final Set<String> DATE_ATTRIBUTES =
      Set.of(
          "modified",
          "validfrom",
          "validto",
          "generated",
          "created",
          "retired",
          "schemecreated",
          "schememodified",
          "schemeretired");

  /** Attributes holding a count or rank ({@code xs:nonNegativeInteger}). */
  static final Set<String> COUNT_ATTRIBUTES =
      Set.of("rank", "size", "charcount", "wordcount", "linecount", "pagecount");

  /** Attributes holding a confidence or relevance from 0 to 100 ({@code Int100Type}). */
  static final Set<String> PERCENT_ATTRIBUTES = Set.of("confidence", "relevance");

  /** Attributes holding an {@code xs:boolean}. */
  static final Set<String> BOOLEAN_ATTRIBUTES = Set.of("custom", "hascontent");

  /** Attributes holding a URI (or a space-separated list of them) beside those named *uri. */
  static final Set<String> URI_ATTRIBUTES = Set.of("href", "url", "additionalInfo", "langid");

  private G2Rules() {}

  /** A NewsML-G2 version: 2.29 and the like. */
  record G2Version(int major, int minor) implements Comparable<G2Version> {

    /** {@code "2.29"}, or null if {@code text} is not a major.minor version. */
    static G2Version parse(String text) {
      if (text == null || !text.strip().matches("[0-9]{1,4}\\.[0-9]{1,4}")) {
        return null;
      }
      String[] parts = text.strip().split("\\.");
      return new G2Version(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    boolean before(G2Version other) {
      return compareTo(other) < 0;
    }

    @Override
    public int compareTo(G2Version o) {
      return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
      return major + "." + minor;
    }
  }
}
