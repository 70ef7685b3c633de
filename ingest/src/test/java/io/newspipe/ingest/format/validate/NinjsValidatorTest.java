package io.newspipe.ingest.format.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NinjsValidatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final NinjsValidator validator = new NinjsValidator();

  private ValidationReport check(String version, String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return validator.validate(
          List.of(node), version == null ? null : NinjsVersion.of(version).orElseThrow());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> problems(String version, String json) {
    return check(version, json).problems().stream().map(ValidationProblem::toString).toList();
  }

  @Nested
  class TypesRequiredAndEnumerations {

    @Test
    void shouldAcceptTheSmallestDocumentOfEveryVersion() {
      for (NinjsVersion v : NinjsVersion.values()) {
        assertThat(problems(v.label(), "{\"uri\": \"urn:x\"}")).as(v.label()).isEmpty();
      }
    }

    @Test
    void shouldRequireAUriInEveryVersion() {
      for (NinjsVersion v : NinjsVersion.values()) {
        assertThat(problems(v.label(), "{\"headline\": \"x\"}").toString())
            .as(v.label())
            .contains("the required property \"uri\" is missing");
      }
    }

    @Test
    void shouldReportAWrongJsonTypeWithThePathAndTheValue() {
      assertThat(problems("1.0", "{\"uri\": \"u\", \"profile\": 42}"))
          .containsExactly("$.profile: must be a string, not the number 42");
      assertThat(problems("1.2", "{\"uri\": \"u\", \"ednote\": {\"text\": \"x\"}}"))
          .containsExactly("$.ednote: must be a string, not an object");
      assertThat(problems("2.1", "{\"uri\": \"u\", \"headlines\": \"x\"}"))
          .containsExactly("$.headlines: must be an array, not the string \"x\"");
    }

    @Test
    void shouldCheckEnumerationsAsEachVersionDefinesThem() {
      assertThat(problems("1.0", "{\"uri\": \"u\", \"pubstatus\": \"cancelled\"}"))
          .containsExactly(
              "$.pubstatus: the string \"cancelled\" is not one of usable, withheld, canceled");
      String component = "{\"uri\": \"u\", \"type\": \"component\"}";
      assertThat(problems("1.1", component)).hasSize(1);
      assertThat(problems("1.2", component)).isEmpty();
      assertThat(problems("2.0", "{\"uri\": \"u\", \"representationtype\": \"complete\"}"))
          .hasSize(1); // 2.0 says full or partial
      assertThat(problems("3.0", "{\"uri\": \"u\", \"type\": \"planning\"}")).isEmpty();
    }

    @Test
    void shouldHoldUrgencyToIntegersFromOneToNineFromNinjs3On() {
      assertThat(problems("3.0", "{\"uri\": \"u\", \"urgency\": 0.1}"))
          .containsExactly("$.urgency: must be an integer from 1 to 9, not the number 0.1");
      assertThat(problems("3.0", "{\"uri\": \"u\", \"urgency\": 11}"))
          .containsExactly("$.urgency: must be from 1 to 9, not 11");
      assertThat(problems("3.0", "{\"uri\": \"u\", \"urgency\": 9.0}")).isEmpty();
      assertThat(problems("3.0", "{\"uri\": \"u\", \"urgency\": 1e400}")).hasSize(1);
      assertThat(problems("3.0", "{\"uri\": \"u\", \"urgency\": 100000000000000000000001}"))
          .containsExactly("$.urgency: must be from 1 to 9, not 100000000000000000000001");
      assertThat(problems("2.2", "{\"uri\": \"u\", \"urgency\": 0.1}")).isEmpty(); // a number
    }

    @Test
    void shouldHoldSubjectScoresToZeroToHundred() {
      assertThat(
              problems(
                  "2.1", "{\"uri\": \"u\", \"subjects\": [{\"name\": \"x\", \"relevance\": 101}]}"))
          .containsExactly("$.subjects[0].relevance: must be from 0 to 100, not 101");
    }
  }

  @Nested
  class DateTimes {

    @Test
    void shouldNotCheckDateTimeFormatsWhereTheSchemaDraftLeavesThemUnchecked() {
      assertThat(problems("1.0", "{\"uri\": \"u\", \"versioncreated\": \"Last Tuesday\"}"))
          .isEmpty();
      assertThat(problems("1.2", "{\"uri\": \"u\", \"firstcreated\": \"2019-10-08T12:00:00\"}"))
          .isEmpty();
      assertThat(problems("2.0", "{\"uri\": \"u\", \"embargoed\": \"soon\"}")).isEmpty();
    }

    @Test
    void shouldRequireRfc3339DateTimesFromDraft7SchemasOn() {
      assertThat(problems("1.5", "{\"uri\": \"u\", \"versioncreated\": \"Last Tuesday\"}"))
          .singleElement()
          .asString()
          .contains("$.versioncreated", "not an RFC 3339 date-time", "ninjs 1.5");
      assertThat(problems("3.1", "{\"uri\": \"u\", \"versionCreated\": \"2024-02-30T10:00:00Z\"}"))
          .hasSize(1);
      assertThat(problems("3.1", "{\"uri\": \"u\", \"versionCreated\": \"2024-04-26T09:30:00Z\"}"))
          .isEmpty();
      assertThat(
              problems(
                  "2.1", "{\"uri\": \"u\", \"versioncreated\": \"2024-04-26T09:30:00.5+02:00\"}"))
          .isEmpty();
    }

    @Test
    void shouldAcceptTruncatedExpectedDatesInNinjs3Events() {
      String dates =
          """
          {"uri": "u", "type": "event",
           "eventDetails": {"dates": {"expectedStartDate": "%s"}}}""";
      assertThat(problems("3.0", dates.formatted("2024"))).isEmpty();
      assertThat(problems("3.0", dates.formatted("2024-06"))).isEmpty();
      assertThat(problems("3.0", dates.formatted("2024-06-01T09:00:00Z"))).isEmpty();
      assertThat(problems("3.0", dates.formatted("February 29th 2024")))
          .singleElement()
          .asString()
          .startsWith("$.eventDetails.dates.expectedStartDate: the string \"February 29th 2024\"");
    }

    @Test
    void shouldRequireExactlyOneStartOrExactlyOneEndForEventDates() {
      String both =
          """
          {"uri": "u", "eventDetails": {"dates":
            {"startDate": "2023-07-11T09:00:00Z", "expectedStartDate": "2023-07-12"}}}""";
      assertThat(problems("3.0", both))
          .singleElement()
          .asString()
          .contains("$.eventDetails.dates", "exactly one", "(it has both start dates)");
      String bothStartsButOneEnd =
          """
          {"uri": "u", "eventDetails": {"dates":
            {"startDate": "2023-07-11T09:00:00Z", "expectedStartDate": "2023-07-12",
             "endDate": "2023-07-11T17:00:00Z"}}}""";
      assertThat(problems("3.0", bothStartsButOneEnd)).isEmpty();
    }
  }

  @Nested
  class ExtraPropertiesAndExtensionNames {

    @Test
    void shouldRejectPropertiesTheVersionDoesNotDefine() {
      assertThat(problems("1.0", "{\"uri\": \"u\", \"mime_type\": \"text/plain\"}"))
          .singleElement()
          .asString()
          .startsWith("$.mime_type: ninjs 1.0 defines no property \"mime_type\" here")
          .contains("body_ or description_");
      assertThat(problems("1.0", "{\"uri\": \"u\", \"usageterms\": \"x\"}")).hasSize(1);
      assertThat(problems("1.1", "{\"uri\": \"u\", \"usageterms\": \"x\"}")).isEmpty();
      assertThat(problems("3.0", "{\"uri\": \"u\", \"random\": 1}")).hasSize(1);
    }

    @Test
    void shouldAcceptExtensionNamesThatStartWithAllowedCharactersAsJsonSchemaDoes() {
      // patternProperties match anywhere: "^body_[a-zA-Z0-9_]+" accepts any suffix after one
      String json =
          """
          {"uri": "u", "body_text": "x", "description_caption_xhtml": "y",
           "body_test-bad-characters-#$^": "z"}""";
      assertThat(problems("1.3", json)).isEmpty();
    }

    @Test
    void shouldRejectBadlyNamedExtensions() {
      assertThat(problems("1.0", "{\"uri\": \"u\", \"description_*&^%\": \"x\"}"))
          .singleElement()
          .asString()
          .startsWith("$['description_*&^%']: ");
      assertThat(problems("1.3", "{\"uri\": \"u\", \"headline_\": \"x\"}")).hasSize(1);
      assertThat(problems("1.3", "{\"uri\": \"u\", \"headline_ééé\": \"x\"}")).hasSize(1);
      assertThat(problems("1.2", "{\"uri\": \"u\", \"headline_main\": \"x\"}")).hasSize(1);
      assertThat(problems("1.3", "{\"uri\": \"u\", \"headline_main\": \"x\"}")).isEmpty();
      assertThat(problems("1.0", "{\"uri\": \"u\", \"body_extra\": 42}"))
          .containsExactly("$.body_extra: must be a string, not the number 42");
    }

    @Test
    void shouldAllowOwnTopLevelPropertiesInDocumentsOfANinjsExtensionSchema() {
      String json =
          """
          {"uri": "u", "foofoo": "ours",
           "standard": {"name": "TTNINJS", "version": "2.1",
                        "schema": "https://tt.se/spec/ttninjs/ttninjs-schema_2.1.json"},
           "urgency": "high"}""";
      ValidationReport report = check(null, json);
      assertThat(report.problems())
          .extracting(ValidationProblem::path)
          .containsExactly("$.urgency"); // ninjs' own properties are still checked
      assertThat(report.standard()).contains("ninjs 2.1", "extended by https://tt.se/");
    }
  }

  @Nested
  class NestedShapes {

    @Test
    void shouldValidateNinjs1AssociationsAsWholeNinjsObjects() {
      String json =
          """
          {"uri": "u", "associations": {"first": {"uri": "a", "incorrect": "x"},
                                         "second": {"headline": "no uri"}}}""";
      assertThat(problems("1.5", json))
          .hasSize(2)
          .anyMatch(p -> p.startsWith("$.associations.first.incorrect: "))
          .anyMatch(p -> p.startsWith("$.associations.second: the required property \"uri\""));
      assertThat(
              problems("1.0", "{\"uri\": \"u\", \"associations\": {\"-bad\": {\"uri\": \"a\"}}}"))
          .hasSize(1);
    }

    @Test
    void shouldAcceptANamedNinjs20AssociationOrElseRequireAWholeNinjsObject() {
      assertThat(
              problems(
                  "2.0",
                  "{\"uri\": \"u\", \"associations\": [{\"name\": \"logo\", \"anything\": 1}]}"))
          .isEmpty();
      assertThat(problems("2.0", "{\"uri\": \"u\", \"associations\": [{\"uri\": \"a\"}]}"))
          .isEmpty();
      assertThat(
              problems(
                  "2.0", "{\"uri\": \"u\", \"associations\": [{\"uri\": \"a\", \"junk\": 1}]}"))
          .hasSize(2)
          .first()
          .asString()
          .contains("needs a \"name\", or must be a complete ninjs 2.0 object");
    }

    @Test
    void shouldRequireNameAndUriOfAssociationsFromNinjs21On() {
      assertThat(problems("2.1", "{\"uri\": \"u\", \"associations\": [{\"uri\": \"a\"}]}"))
          .containsExactly("$.associations[0]: the required property \"name\" is missing");
      assertThat(problems("3.0", "{\"uri\": \"u\", \"associations\": [{\"name\": \"n\"}]}"))
          .containsExactly("$.associations[0]: the required property \"uri\" is missing");
      String nested =
          """
          {"uri": "u", "associations": [{"name": "n", "uri": "a", "rel": "r",
            "associations": [{"name": "m", "uri": "b", "bad": 1}]}]}""";
      assertThat(problems("3.0", nested))
          .singleElement()
          .asString()
          .startsWith("$.associations[0].associations[0].bad: ");
    }

    @Test
    void shouldRequireExactlyOneOfLinkedAndEncodedRights() {
      String both =
          "{\"uri\": \"u\", \"rightsinfo\": {\"linkedrights\": \"l\", \"encodedrights\": \"e\"}}";
      assertThat(problems("1.4", both))
          .containsExactly(
              "$.rightsinfo: has both \"linkedrights\" and \"encodedrights\"; it must have exactly"
                  + " one of them");
      assertThat(problems("2.1", "{\"uri\": \"u\", \"rightsinfo\": {\"langid\": \"x\"}}"))
          .containsExactly("$.rightsinfo: needs either \"linkedrights\" or \"encodedrights\"");
      assertThat(problems("3.0", "{\"uri\": \"u\", \"rightsInfo\": {\"linkedRights\": \"l\"}}"))
          .isEmpty();
    }

    @Test
    void shouldCheckContactInformationFromVersionsThatHaveIt() {
      String contact =
          """
          {"uri": "u", "people": [{"name": "A", "contactinfo":
            [{"type": "phone", "value": "1", "address": {"locality": "x"}}]}]}""";
      assertThat(problems("2.1", contact))
          .singleElement()
          .asString()
          .startsWith("$.people[0].contactinfo[0]: has both \"value\" and \"address\"");
      assertThat(problems("2.0", contact))
          .singleElement()
          .asString()
          .startsWith("$.people[0].contactinfo: ninjs 2.0 defines no property");
    }

    @Test
    void shouldCheckAltIdsGenresAndDigitalSourceTypePerGeneration() {
      assertThat(problems("1.3", "{\"uri\": \"u\", \"altids\": {\"mySystem\": \"A1\"}}")).isEmpty();
      assertThat(problems("1.3", "{\"uri\": \"u\", \"altids\": \"A1\"}")).hasSize(1);
      assertThat(
              problems(
                  "2.1", "{\"uri\": \"u\", \"altids\": [{\"role\": \"r\", \"value\": \"v\"}]}"))
          .isEmpty();
      assertThat(problems("1.3", "{\"uri\": \"u\", \"genre\": \"Fact Check\"}"))
          .containsExactly("$.genre: must be an array, not the string \"Fact Check\"");
      assertThat(problems("1.6", "{\"uri\": \"u\", \"digitalsourcetype\": \"bad\"}")).hasSize(1);
      assertThat(problems("3.1", "{\"uri\": \"u\", \"digitalSourceType\": {\"uri\": \"x\"}}"))
          .isEmpty();
    }

    @Test
    void shouldValidateGeoJsonOfPlaces() {
      String point =
          "{\"uri\": \"u\", \"places\": [{\"name\": \"T\", \"geojson\": {\"type\": \"Point\","
              + " \"coordinates\": [35, 39]}}]}";
      assertThat(problems("2.0", point)).isEmpty();
      String noType = "{\"uri\": \"u\", \"places\": [{\"geojson\": {\"coordinates\": [35, 39]}}]}";
      assertThat(problems("2.0", noType))
          .containsExactly("$.places[0].geojson: the required GeoJSON member \"type\" is missing");
      String badRing =
          """
          {"uri": "u", "places": [{"geoJSON": {"type": "Polygon",
            "coordinates": [[[0, 0], [1, 0], [0, 0]]]}}]}""";
      assertThat(problems("3.0", badRing))
          .containsExactly(
              "$.places[0].geoJSON.coordinates[0]: must have at least 4 entries, not 3");
      String feature =
          """
          {"uri": "u", "places": [{"geojson": {"type": "Feature", "properties": null,
            "geometry": {"type": "LineString", "coordinates": [[0, 0], ["a", 1]]}}}]}""";
      assertThat(problems("2.1", feature))
          .containsExactly(
              "$.places[0].geojson.geometry.coordinates[1][0]: must be a number, not the string"
                  + " \"a\"");
    }

    @Test
    void shouldCheckDevelopmentDraftAdvice() {
      String advice = "{\"uri\": \"u\", \"advices\": [{\"importance\": {\"code\": \"useful\"}}]}";
      assertThat(problems("1.x-dev", advice)).isEmpty();
      assertThat(problems("2.x-dev", advice)).isEmpty();
      assertThat(problems("2.1", advice)).hasSize(1);
      assertThat(
              problems("2.x-dev", "{\"uri\": \"u\", \"advices\": [{\"lifetime\": {\"name\": 1}}]}"))
          .containsExactly(
              "$.advices[0].lifetime.name: ninjs 2.x-dev defines no property \"name\" here");
    }
  }

  @Nested
  class VersionChoice {

    @Test
    void shouldHoldADocumentToTheVersionItDeclares() {
      String json =
          """
          {"$standard": {"name": "ninjs", "version": "1.3",
                         "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_1.3.json"},
           "uri": "u", "contentcreated": "2024-01-01T00:00:00Z"}""";
      ValidationReport report = check(null, json);
      assertThat(report.standard()).isEqualTo("ninjs 1.3 (declared by the document)");
      assertThat(report.problems())
          .singleElement()
          .extracting(ValidationProblem::path)
          .isEqualTo("$.contentcreated"); // a 1.4 property
    }

    @Test
    void shouldAcceptAnUndeclaredDocumentThatSomeVersionAccepts() {
      // "component" and infosource arrived in 1.2; nothing says the document is 1.0
      ValidationReport report =
          check(
              null,
              "{\"uri\": \"u\", \"type\": \"component\", \"infosource\": [{\"name\": \"x\"}]}");
      assertThat(report.valid()).isTrue();
      assertThat(report.standard()).startsWith("ninjs 1.6 (the closest version");
    }

    @Test
    void shouldReportAnUndeclaredInvalidDocumentAgainstTheVersionItFitsBest() {
      ValidationReport report =
          check(null, "{\"uri\": \"u\", \"headline\": \"h\", \"pubstatus\": \"cancelled\"}");
      assertThat(report.standard()).startsWith("ninjs 1.6");
      assertThat(report.problems())
          .extracting(ValidationProblem::path)
          .containsExactly("$.pubstatus");
    }

    @Test
    void shouldReadTheVersionFromAJsonSchemaStyleDeclarationButReportIt() {
      String json =
          """
          {"$schema": "https://www.iptc.org/std/ninjs/ninjs-schema_2.0.json",
           "uri": "u", "expires": "2025-01-01T00:00:00Z"}""";
      ValidationReport report = check(null, json);
      assertThat(report.standard()).startsWith("ninjs 2.0 (declared by the document)");
      assertThat(report.problems())
          .extracting(ValidationProblem::path)
          .containsExactly("$.$schema", "$.expires"); // 2.0 has neither
    }

    @Test
    void shouldIgnoreADeclarationThatContradictsItsOwnKey() {
      // "standard" is a 2.x key; a 1.3 schema named in it is not believed
      String json =
          """
          {"standard": {"schema": "http://www.iptc.org/std/ninjs/ninjs-schema_1.3.json"},
           "uri": "u", "headlines": [{"value": "h"}]}""";
      assertThat(check(null, json).valid()).isTrue();
    }

    @Test
    void shouldPreferTheRequestedVersionOverTheDeclaredOne() {
      String json =
          """
          {"standard": {"version": "2.2",
                        "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"},
           "uri": "u", "eventDetails": {}}""";
      assertThat(check(null, json).valid()).isFalse(); // 2.2 has no eventDetails
      assertThat(check("3.0", json).valid()).isTrue();
      assertThat(check("3.0", json).standard()).isEqualTo("ninjs 3.0 (requested)");
    }

    @Test
    void shouldReadVersionNames() {
      assertThat(NinjsVersion.of("ninjs 2.1")).contains(NinjsVersion.V2_1);
      assertThat(NinjsVersion.of("1.x_dev")).contains(NinjsVersion.V1_DEV);
      assertThat(NinjsVersion.of("4.0")).isEmpty();
      assertThat(NinjsVersion.V3_1.label()).isEqualTo("3.1");
    }
  }

  @Nested
  class OddInput {

    @Test
    void shouldValidateEveryItemOfACollectionWithItsIndexInThePath() {
      ValidationReport report =
          check("3.0", "[{\"uri\": \"a\"}, {\"uri\": \"b\", \"urgency\": 10}, 5]");
      assertThat(report.problems())
          .extracting(ValidationProblem::path)
          .containsExactly("$[1].urgency", "$[2]");
      assertThat(report.problems().get(1).message())
          .isEqualTo("a ninjs document must be a JSON object, not the number 5");
    }

    @Test
    void shouldReportNonObjectsInsteadOfThrowing() {
      for (String odd : List.of("null", "\"text\"", "true", "[]", "{\"uri\": null}")) {
        ValidationReport report = check(null, odd);
        assertThat(report.checked()).as(odd).isTrue();
      }
      assertThat(check(null, "[]").valid()).isTrue(); // an empty collection has nothing wrong
      assertThat(check(null, "{\"uri\": null}").problems())
          .extracting(ValidationProblem::message)
          .allMatch(m -> m.equals("must be a string, not null"));
    }

    @Test
    void shouldSummariseTheFirstProblemsOnOneLine() {
      ValidationReport report =
          check("1.0", "{\"uri\": \"u\", \"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4}");
      assertThat(report.summary(2))
          .startsWith("4 problems against ninjs 1.0 (requested): $.a: ")
          .endsWith("; and 2 more");
    }
  }
}
