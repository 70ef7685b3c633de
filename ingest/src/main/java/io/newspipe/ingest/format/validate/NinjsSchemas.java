package io.newspipe.ingest.format.validate;

import static io.newspipe.ingest.format.validate.JsonRules.anyObject;
import static io.newspipe.ingest.format.validate.JsonRules.array;
import static io.newspipe.ingest.format.validate.JsonRules.exactlyOne;
import static io.newspipe.ingest.format.validate.JsonRules.integer;
import static io.newspipe.ingest.format.validate.JsonRules.lazy;
import static io.newspipe.ingest.format.validate.JsonRules.number;
import static io.newspipe.ingest.format.validate.JsonRules.object;
import static io.newspipe.ingest.format.validate.JsonRules.string;

import com.fasterxml.jackson.databind.JsonNode;
import io.newspipe.ingest.format.validate.JsonRules.Obj;
import java.util.EnumMap;
import java.util.Map;

/**
 * The rules of every ninjs version, written from IPTC's published JSON schemas
 * (ninjs-schema_1.0.json to 3.1.json and the two development drafts): which properties exist, their
 * types, enumerations, ranges and formats, which are required, which extension names are allowed,
 * and the shapes of nested objects. Each generation is one method that adds what later versions
 * introduced; what a version removed or renamed is simply not added.
 */
final class NinjsSchemas {

  private static final String[] PUB_STATUS = {"usable", "withheld", "canceled"};
  private static final String[] TYPES_1_0 = {
    "text", "audio", "video", "picture", "graphic", "composite"
  };
  private static final String[] TYPES_1_2 = {
    "text", "audio", "video", "picture", "graphic", "composite", "component"
  };
  private static final String[] TYPES_3 = {
    "text", "audio", "video", "picture", "graphic", "composite", "component", "event", "planning"
  };
  private static final String[] RECURRENCE_FREQUENCIES = {
    "secondly", "minutely", "hourly", "daily", "weekly", "monthly", "yearly"
  };
  private static final String EXTENSION_NAMES_1_0 =
      " (extension properties must be named body_ or description_ followed by letters, digits or"
          + " _)";
  private static final String EXTENSION_NAMES_1_3 =
      " (extension properties must be named body_, description_ or headline_ followed by letters,"
          + " digits or _)";

  private static final Map<NinjsVersion, Obj> ROOTS = new EnumMap<>(NinjsVersion.class);

  private NinjsSchemas() {}

  /** The rules of a whole document of {@code version}. */
  static synchronized Obj root(NinjsVersion version) {
    Obj root = ROOTS.get(version);
    if (root == null) {
      root =
          switch (version.generation()) {
            case 1 -> generation1(version);
            case 2 -> generation2(version);
            default -> generation3(version);
          };
      ROOTS.put(version, root);
    }
    return root;
  }

  private static JsonRule time(NinjsVersion v) {
    return v.assertsDateTime() ? string().dateTime() : string();
  }

  // ---------------------------------------------------------------- generation 1: 1.0 to 1.6

  private static Obj generation1(NinjsVersion v) {
    String keys = v.atLeast(1, 3) ? "^[a-zA-Z0-9_]+" : "^[a-zA-Z0-9]+";
    Obj root =
        object()
            .closed()
            .require("uri")
            .extensionHint(v.atLeast(1, 3) ? EXTENSION_NAMES_1_3 : EXTENSION_NAMES_1_0)
            .prop("uri", string())
            .prop("type", string().oneOf(v.atLeast(1, 2) ? TYPES_1_2 : TYPES_1_0))
            .prop("mimetype", string())
            .prop("representationtype", string().oneOf("complete", "incomplete"))
            .prop("profile", string())
            .prop("version", string())
            .prop("versioncreated", time(v))
            .prop("embargoed", time(v))
            .prop("pubstatus", string().oneOf(PUB_STATUS))
            .prop("copyrightholder", string())
            .prop("copyrightnotice", string())
            .prop("language", string())
            .prop("person", array(party1(v)))
            .prop("organisation", array(organisation1(v)))
            .prop("place", array(place1(v)))
            .prop("subject", array(subject1(v)))
            .prop("event", array(concept1()))
            .prop("object", array(concept1()))
            .prop("byline", string())
            .prop("headline", string())
            .prop("located", string())
            .prop("renditions", object().closed().pattern(keys, rendition1(v)))
            .prop("associations", object().closed().pattern(keys, lazy(() -> root(v))))
            .pattern("^description_[a-zA-Z0-9_]+", string())
            .pattern("^body_[a-zA-Z0-9_]+", string());
    if (v.atLeast(1, 1)) {
      root.prop("urgency", number()).prop("usageterms", string());
    }
    if (v.atLeast(1, 2)) {
      root.prop("firstcreated", time(v))
          .prop("ednote", string())
          .prop("infosource", array(party1(v)))
          .prop("title", string())
          .prop("slugline", string())
          .prop("charcount", number())
          .prop("wordcount", number());
    }
    if (v.atLeast(1, 3)) {
      root.prop("altids", anyObject())
          .prop(
              "trustindicator",
              array(
                  object()
                      .closed()
                      .prop("scheme", string())
                      .prop("code", string())
                      .prop("title", string())
                      .prop("href", string())))
          .prop("$standard", standard())
          .prop(
              "genre",
              array(
                  object()
                      .closed()
                      .prop("name", string())
                      .prop("scheme", string())
                      .prop("code", string())))
          .pattern("^headline_[a-zA-Z0-9_]+", string());
    }
    return later1(v, root);
  }

  private static Obj later1(NinjsVersion v, Obj root) {
    if (v.atLeast(1, 4)) {
      root.prop("contentcreated", time(v))
          .prop("expires", time(v))
          .prop("rightsinfo", rights("langid", "linkedrights", "encodedrights").open());
    }
    if (v.atLeast(1, 6)) {
      root.prop("digitalsourcetype", namedConcept());
    }
    if (v.dev()) {
      root.prop("advices", advices());
    }
    return root;
  }

  /** event and object: a concept in a scheme. */
  private static Obj concept1() {
    return object()
        .closed()
        .prop("name", string())
        .prop("rel", string())
        .prop("scheme", string())
        .prop("code", string());
  }

  /** person and infosource: a concept that can be contacted from 1.5 on. */
  private static Obj party1(NinjsVersion v) {
    Obj party = concept1();
    if (v.atLeast(1, 5)) {
      party.prop("contactinfo", array(contactInfo("postalcode")));
    }
    return party;
  }

  private static Obj organisation1(NinjsVersion v) {
    Obj symbol = object().closed().prop("ticker", string()).prop("exchange", string());
    if (v.atLeast(1, 5)) {
      symbol.prop("symboltype", string()).prop("symbol", string());
    }
    return party1(v).prop("symbols", array(symbol));
  }

  private static Obj place1(NinjsVersion v) {
    Obj place = party1(v);
    if (v.atLeast(1, 1)) {
      place.pattern("^geometry_[a-zA-Z0-9_]+", anyObject());
    }
    return place;
  }

  private static Obj subject1(NinjsVersion v) {
    Obj subject = concept1();
    if (v.atLeast(1, 5)) {
      subject
          .prop("creator", string())
          .prop("relevance", integer(0, 100))
          .prop("confidence", integer(0, 100));
    }
    return subject;
  }

  private static Obj rendition1(NinjsVersion v) {
    Obj rendition =
        object()
            .closed()
            .prop("href", string())
            .prop("mimetype", string())
            .prop("title", string())
            .prop("height", number())
            .prop("width", number())
            .prop("sizeinbytes", number());
    if (v.atLeast(1, 2)) {
      rendition.prop("duration", number()).prop("format", string());
    }
    return rendition;
  }

  // ---------------------------------------------------------------- generation 2: 2.0 to 2.2

  private static Obj generation2(NinjsVersion v) {
    boolean v21 = v.atLeast(2, 1);
    Obj root =
        object()
            .closed()
            .require("uri")
            .prop("uri", string())
            .prop("type", string().oneOf(TYPES_1_2))
            .prop("representationtype", string().oneOf("full", "partial"))
            .prop("profile", string())
            .prop("version", string())
            .prop("firstcreated", time(v))
            .prop("versioncreated", time(v))
            .prop("contentcreated", time(v))
            .prop("embargoed", time(v))
            .prop("pubstatus", string().oneOf(PUB_STATUS))
            .prop("urgency", number())
            .prop("copyrightholder", string())
            .prop("copyrightnotice", string())
            .prop("usageterms", string())
            .prop("ednote", string())
            .prop("language", string())
            .prop("descriptions", array(text("contenttype")))
            .prop(
                "bodies",
                array(text("contenttype").prop("charcount", number()).prop("wordcount", number())))
            .prop("headlines", array(text("contenttype")))
            .prop("people", array(contactable2(v21, concept())))
            .prop(
                "organisations", array(contactable2(v21, concept()).prop("symbols", symbols2(v21))))
            .prop("places", array(contactable2(v21, concept()).prop("geojson", GeoJson.RULE)))
            .prop("subjects", array(subject(v21)))
            .prop("events", array(concept()))
            .prop("objects", array(concept()))
            .prop("infosources", array(contactable2(v21, namedConcept().prop("role", string()))))
            .prop("title", string())
            .prop("by", string())
            .prop("slugline", string())
            .prop("located", string())
            .prop("renditions", array(rendition2()))
            .prop("altids", array(roleValue()))
            .prop("trustindicators", array(trustIndicator()))
            .prop("standard", standard())
            .prop("genres", array(namedConcept()))
            .prop("rightsinfo", rights("langid", "linkedrights", "encodedrights").open());
    if (v21) {
      root.prop("expires", time(v));
    }
    if (v.atLeast(2, 2)) {
      root.prop("digitalsourcetype", namedConcept());
    }
    if (v.dev()) {
      root.prop("advices", advices());
    }
    if (!v21) {
      return root.prop("associations", array(nameOrWhole(v)));
    }
    return withAssociations(root, false);
  }

  /** From 2.1 on people, organisations, places and infosources carry contact information. */
  private static Obj contactable2(boolean v21, Obj party) {
    return v21 ? party.prop("contactinfo", array(contactInfo("postalcode"))) : party;
  }

  private static JsonRule symbols2(boolean v21) {
    Obj symbol = object().closed().prop("ticker", string()).prop("exchange", string());
    if (v21) {
      symbol.prop("symboltype", string()).prop("symbol", string());
    }
    return array(symbol);
  }

  private static Obj subject(boolean scored) {
    Obj subject = concept();
    if (scored) {
      subject
          .prop("creator", string())
          .prop("relevance", integer(0, 100))
          .prop("confidence", integer(0, 100));
    }
    return subject;
  }

  private static Obj rendition2() {
    return object()
        .closed()
        .require("name")
        .prop("name", string())
        .prop("href", string())
        .prop("contenttype", string())
        .prop("title", string())
        .prop("height", number())
        .prop("width", number())
        .prop("sizeinbytes", number())
        .prop("duration", number())
        .prop("format", string());
  }

  /**
   * ninjs 2.0 associations: an object with a {@code name} (nothing else is checked then), or else a
   * complete ninjs 2.0 object.
   */
  private static JsonRule nameOrWhole(NinjsVersion v) {
    return (value, path, out) -> {
      if (value.isObject() && value.path("name").isTextual()) {
        return;
      }
      Problems whole = out.trial();
      root(v).check(value, path, whole);
      if (!whole.isEmpty()) {
        out.add(
            path,
            "an association needs a \"name\", or must be a complete "
                + out.standard()
                + " object, which it is not:");
        out.addAll(whole);
      }
    };
  }

  // ---------------------------------------------------------------- generation 3: 3.0 and 3.1

  private static Obj generation3(NinjsVersion v) {
    Obj root =
        object()
            .closed()
            .require("uri")
            .prop("uri", string())
            .prop("type", string().oneOf(TYPES_3))
            .prop("representationType", string().oneOf("full", "partial"))
            .prop("profile", string())
            .prop("version", string())
            .prop("firstCreated", time(v))
            .prop("versionCreated", time(v))
            .prop("contentCreated", time(v))
            .prop("embargoedUntil", time(v))
            .prop("pubStatus", string().oneOf(PUB_STATUS))
            .prop("urgency", integer(1, 9))
            .prop("copyrightHolder", string())
            .prop("copyrightNotice", string())
            .prop("usageTerms", string())
            .prop("edNote", string())
            .prop("language", string())
            .prop("descriptions", array(text("contentType")))
            .prop(
                "bodies",
                array(
                    text("contentType").prop("charCount", integer()).prop("wordCount", integer())))
            .prop("headlines", array(text("contentType")))
            .prop("people", array(contactable3(concept())))
            .prop("organisations", array(organisation3()))
            .prop("places", array(contactable3(concept()).prop("geoJSON", GeoJson.RULE)))
            .prop("subjects", array(subject(true)))
            .prop("events", array(concept().prop("id", string())))
            .prop("eventDetails", eventDetails(v))
            .prop("plannedCoverage", array(plannedCoverage(v)))
            .prop("objects", array(concept()))
            .prop("infoSources", array(contactable3(namedConcept().prop("role", string()))))
            .prop("title", string())
            .prop("by", string())
            .prop("slugline", string())
            .prop("located", string())
            .prop("renditions", array(rendition3()))
            .prop("altIds", array(roleValue()))
            .prop("trustIndicators", array(trustIndicator()))
            .prop("standard", standard())
            .prop("genres", array(namedConcept()))
            .prop("expires", time(v))
            .prop("rightsInfo", rights("langId", "linkedRights", "encodedRights"));
    if (v.atLeast(3, 1)) {
      root.prop("digitalSourceType", namedConcept());
    }
    return withAssociations(root, true);
  }

  private static Obj contactable3(Obj party) {
    return party.prop("contactInfo", array(contactInfo("postalCode")));
  }

  private static Obj organisation3() {
    Obj symbol =
        object()
            .closed()
            .prop("exchange", string())
            .prop("symbolType", string())
            .prop("symbol", string());
    return contactable3(concept()).prop("symbols", array(symbol));
  }

  private static Obj eventDetails(NinjsVersion v) {
    return object()
        .closed()
        .prop("eventStatus", string())
        .prop("plannedCoverageStatus", string())
        .prop("dates", dates(v))
        .prop("organiser", organisation3());
  }

  private static Obj plannedCoverage(NinjsVersion v) {
    Obj commissioned =
        object()
            .closed()
            .prop("by", string())
            .prop("on", time(v))
            .prop(
                "references",
                array(object().closed().prop("name", string()).prop("value", string())));
    return object()
        .closed()
        .prop("uri", string())
        .prop("title", string())
        .prop("pubStatus", string().oneOf(PUB_STATUS))
        .prop("type", string().oneOf(TYPES_3))
        .prop("commissioned", commissioned)
        .prop("dates", dates(v))
        .prop(
            "audiences",
            array(object().closed().prop("audience", string()).prop("significance", integer())))
        .prop("exclAudience", array(string()))
        .prop("edNote", string())
        .prop("urgency", integer(1, 9))
        .prop("language", string())
        .prop(
            "itemCount", object().closed().prop("rangeFrom", integer()).prop("rangeTo", integer()))
        .prop("wordCount", integer())
        .prop("renditions", array(rendition3()));
  }

  /**
   * When an event or coverage happens: a start (exact or expected, not both) or an end (exact or
   * expected, not both), with optional duration and recurrence.
   */
  private static Obj dates(NinjsVersion v) {
    JsonRule truncatedDate = string().truncatedDateTime();
    Obj rule =
        object()
            .closed()
            .prop("frequency", string().oneOf(RECURRENCE_FREQUENCIES))
            .prop("interval", integer())
            .prop("until", time(v))
            .prop("count", integer());
    // The schema gives recurrenceDates both "type": "array" and the string type of one truncated
    // date, which nothing can satisfy; what it means is an array of truncated dates.
    Obj recurrence =
        object()
            .closed()
            .prop("recurrenceDates", array(truncatedDate))
            .prop("recurrenceRules", array(rule));
    return object()
        .closed()
        .prop("startDate", time(v))
        .prop("endDate", time(v))
        .prop("expectedStartDate", truncatedDate)
        .prop("expectedEndDate", truncatedDate)
        .prop("expectedDuration", string())
        .prop("recurrence", recurrence)
        .also(NinjsSchemas::startOrEnd);
  }

  private static void startOrEnd(JsonNode dates, String path, Problems out) {
    boolean start = dates.has("startDate") != dates.has("expectedStartDate");
    boolean end = dates.has("endDate") != dates.has("expectedEndDate");
    if (dates.isObject() && !start && !end) {
      out.add(
          path,
          "needs exactly one of \"startDate\" and \"expectedStartDate\", or exactly one of"
              + " \"endDate\" and \"expectedEndDate\""
              + (dates.has("startDate") && dates.has("expectedStartDate")
                  ? " (it has both start dates)"
                  : ""));
    }
  }

  private static Obj rendition3() {
    return object()
        .closed()
        .require("name")
        .prop("name", string())
        .prop("href", string())
        .prop("contentType", string())
        .prop("title", string())
        .prop("width", integer())
        .prop("height", integer())
        .prop("sizeInBytes", integer())
        .prop("duration", number())
        .prop("format", string())
        .prop("aspectRatio", string())
        .prop("videoCodec", string())
        .prop("frameRate", number())
        .prop("poi", object().closed().prop("x", integer()).prop("y", integer()))
        .prop("transportProtocol", string())
        .prop("scanType", string().oneOf("progressive", "interlaced"))
        .prop("bitrate", string());
  }

  // ---------------------------------------------------------------- shared shapes

  /** From 2.0 on: a concept with a name, a relationship, a URI and a literal code. */
  private static Obj concept() {
    return object()
        .closed()
        .prop("name", string())
        .prop("rel", string())
        .prop("uri", string())
        .prop("literal", string());
  }

  /** A headline, description or body of generation 2 and 3. */
  private static Obj text(String contentType) {
    return object()
        .closed()
        .require("value")
        .prop("role", string())
        .prop(contentType, string())
        .prop("value", string());
  }

  private static Obj roleValue() {
    return object().closed().prop("role", string()).prop("value", string());
  }

  private static Obj trustIndicator() {
    return object().closed().prop("role", string()).prop("title", string()).prop("href", string());
  }

  /** {@code $standard} (1.3+) and {@code standard} (2.0+): which schema the document follows. */
  private static Obj standard() {
    return object()
        .closed()
        .prop("name", string())
        .prop("version", string())
        .prop("schema", string());
  }

  private static Obj namedConcept() {
    return object().closed().prop("name", string()).prop("uri", string()).prop("literal", string());
  }

  private static Obj rights(String langId, String linked, String encoded) {
    return object()
        .closed()
        .prop(langId, string())
        .prop(linked, string())
        .prop(encoded, string())
        .also(exactlyOne(linked, encoded));
  }

  private static Obj contactInfo(String postalCode) {
    Obj address =
        object()
            .closed()
            .prop("lines", array(string()))
            .prop("locality", string())
            .prop("area", string())
            .prop(postalCode, string())
            .prop("country", string());
    return object()
        .closed()
        .prop("type", string())
        .prop("role", string())
        .prop("lang", string())
        .prop("name", string())
        .prop("value", string())
        .prop("address", address)
        .also(exactlyOne("value", "address"));
  }

  /**
   * From 2.1 on an association is a whole ninjs object (which may have associations of its own)
   * plus its name (and from 3.0 its relationship), and needs a name and a uri.
   */
  private static Obj withAssociations(Obj root, boolean withRel) {
    Obj association = root.copy().closed().require("name", "uri").prop("name", string());
    if (withRel) {
      association.prop("rel", string());
    }
    JsonRule associations = array(association);
    association.prop("associations", associations);
    return root.prop("associations", associations);
  }

  /** The development drafts' publishing advice. */
  private static JsonRule advices() {
    Obj coded = object().closed().prop("code", string()).prop("scheme", string());
    return array(
        object()
            .closed()
            .prop("role", string().oneOf("publish"))
            .prop("environments", array(object().prop("code", string()).prop("scheme", string())))
            .prop("importance", coded)
            .prop("lifetime", coded));
  }
}
