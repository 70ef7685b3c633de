package io.newspipe.ingest.format.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class NewsmlG2ValidatorTest {

  private static final String NAR = "xmlns=\"http://iptc.org/std/nar/2006-10-01/\"";
  private static final String ITEM_META =
      """
      <itemMeta>
        <itemClass qcode="ninat:text"/>
        <provider qcode="nprov:test"/>
        <versionCreated>2024-04-26T09:30:00Z</versionCreated>
      </itemMeta>""";

  private final NewsmlG2Validator validator = new NewsmlG2Validator();

  private static Document xml(String text) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      return f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A news item of {@code version} holding {@code body} after a catalogRef. */
  private static String newsItem(String version, String body) {
    return "<newsItem "
        + NAR
        + " guid=\"urn:test:1\" version=\"1\" standard=\"NewsML-G2\" standardversion=\""
        + version
        + "\">\n<catalogRef href=\"http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_39.xml\"/>\n"
        + body
        + "\n</newsItem>";
  }

  private List<String> problems(String document) {
    return problems(document, null);
  }

  private List<String> problems(String document, String version) {
    return validator.validate(xml(document), version).problems().stream()
        .map(ValidationProblem::toString)
        .toList();
  }

  @Nested
  class TheItemEnvelope {

    @Test
    void shouldAcceptAMinimalNewsItem() {
      ValidationReport report = validator.validate(xml(newsItem("2.35", ITEM_META)));
      assertThat(report.problems()).isEmpty();
      assertThat(report.standard())
          .isEqualTo("NewsML-G2 2.35 (declared by the item's standardversion)");
    }

    @Test
    void shouldRequireGuidStandardAndAWellFormedStandardVersion() {
      String item = "<newsItem " + NAR + " standardversion=\"v2\">" + ITEM_META + "</newsItem>";
      assertThat(problems(item))
          .contains(
              "/newsItem/@guid: the required attribute is missing or empty",
              "/newsItem/@standard: the required attribute is missing or empty",
              "/newsItem/@standardversion: \"v2\" is not a major.minor version such as 2.29");
    }

    @Test
    void shouldRequireItemMetaWithItsRequiredChildrenInOrder() {
      assertThat(problems(newsItem("2.35", "")))
          .containsExactly("/newsItem: the required element <itemMeta> is missing");
      String noProvider =
          """
          <itemMeta><itemClass qcode="ninat:text"/>
            <versionCreated>2024-04-26T09:30:00Z</versionCreated></itemMeta>""";
      assertThat(problems(newsItem("2.35", noProvider)))
          .containsExactly("/newsItem/itemMeta: the required element <provider> is missing");
      String outOfOrder =
          """
          <itemMeta><itemClass qcode="ninat:text"/><provider qcode="p:x"/>
            <versionCreated>2024-04-26T09:30:00Z</versionCreated>
            <pubStatus qcode="stat:usable"/><firstCreated>2024-04-26T09:00:00Z</firstCreated>
          </itemMeta>""";
      assertThat(problems(newsItem("2.35", outOfOrder)))
          .singleElement()
          .asString()
          .startsWith("/newsItem/itemMeta/firstCreated: <firstCreated> is out of order");
    }

    @Test
    void shouldRequireACatalogBeforeNewsmlG2230Only() {
      String noCatalog =
          "<newsItem "
              + NAR
              + " guid=\"g\" standard=\"NewsML-G2\" standardversion=\"%s\">"
              + ITEM_META
              + "</newsItem>";
      assertThat(problems(noCatalog.formatted("2.29")))
          .singleElement()
          .asString()
          .contains("the required element <catalog> or <catalogRef> is missing");
      assertThat(problems(noCatalog.formatted("2.30"))).isEmpty();
      assertThat(problems(noCatalog.formatted("2.35"), "2.29")).hasSize(1); // requested version
    }

    @Test
    void shouldRejectItemChildrenOutOfPlaceOrRepeated() {
      String twice = ITEM_META + "<contentMeta/><contentMeta/>";
      assertThat(problems(newsItem("2.35", twice)))
          .containsExactly(
              "/newsItem/contentMeta[2]: <contentMeta> may appear only once in <newsItem>");
      assertThat(problems(newsItem("2.35", ITEM_META + "<schemeMeta uri=\"http://x/\"/>")))
          .containsExactly("/newsItem/schemeMeta: <schemeMeta> is not allowed in <newsItem>");
    }
  }

  @Nested
  class ElementsAndExtensions {

    @Test
    void shouldRejectUnknownElementsInTheNewsmlNamespaceButAcceptForeignExtensions() {
      String body =
          ITEM_META
              + """
              <contentMeta xmlns:x="http://example.com/ext">
                <headline>H</headline><bylineFancy>no such thing</bylineFancy><x:mine>ok</x:mine>
              </contentMeta>""";
      assertThat(problems(newsItem("2.35", body)))
          .singleElement()
          .asString()
          .startsWith(
              "/newsItem/contentMeta/bylineFancy: <bylineFancy> is not a NewsML-G2 element");
    }

    @Test
    void shouldNotLookInsideInlineXmlContent() {
      String body =
          ITEM_META
              + "<contentSet><inlineXML contenttype=\"application/nitf+xml\">"
              + "<nitf><body><p uri=\"%\">text</p></body></nitf></inlineXML></contentSet>";
      assertThat(problems(newsItem("2.35", body))).isEmpty();
    }

    @Test
    void shouldOnlyAllowContentMetaChildrenTheItemTypeHas() {
      String catalogItem =
          "<catalogItem "
              + NAR
              + " guid=\"g\" standard=\"NewsML-G2\" standardversion=\"2.33\">"
              + ITEM_META
              + "<contentMeta><digitalSourceType qcode=\"d:x\"/></contentMeta>"
              + "<catalogContainer><catalog><scheme alias=\"a\" uri=\"http://a/\"/></catalog>"
              + "</catalogContainer></catalogItem>";
      assertThat(problems(catalogItem))
          .containsExactly(
              "/catalogItem/contentMeta/digitalSourceType: <digitalSourceType> is not allowed in"
                  + " <contentMeta> of a <catalogItem>");
      String newsItem = ITEM_META + "<contentMeta><digitalSourceType qcode=\"d:x\"/></contentMeta>";
      assertThat(problems(newsItem("2.33", newsItem))).isEmpty();
    }

    @Test
    void shouldRequireAttributesElementsCannotDoWithout() {
      String body = ITEM_META + "<contentMeta><language/></contentMeta>";
      assertThat(problems(newsItem("2.35", body)))
          .containsExactly(
              "/newsItem/contentMeta/language/@tag: the required attribute is missing");
    }

    @Test
    void shouldCheckConceptsOfConceptItems() {
      String conceptItem =
          "<conceptItem "
              + NAR
              + " guid=\"g\" standard=\"NewsML-G2\" standardversion=\"2.35\">"
              + ITEM_META
              + "<concept><name>No id</name></concept></conceptItem>";
      assertThat(problems(conceptItem))
          .containsExactly("/conceptItem/concept: the required element <conceptId> is missing");
    }
  }

  @Nested
  class Values {

    @Test
    void shouldCheckDatesTimesAndUrgency() {
      String body =
          """
          <itemMeta><itemClass qcode="ninat:text"/><provider qcode="p:x"/>
            <versionCreated>yesterday</versionCreated><embargoed/>
            <expires>2024-13-01</expires></itemMeta>
          <contentMeta><urgency>0</urgency><contentCreated>2024-04</contentCreated></contentMeta>""";
      assertThat(problems(newsItem("2.35", body)))
          .containsExactly(
              "/newsItem/itemMeta/versionCreated: \"yesterday\" is not a date and time such as"
                  + " 2024-04-26T09:30:00Z",
              "/newsItem/itemMeta/expires: \"2024-13-01\" is not a date (and optional time) such"
                  + " as 2024-04-26",
              "/newsItem/contentMeta/urgency: \"0\" is not a whole number from 1 to 9");
    }

    @Test
    void shouldCheckQcodesUrisAndTypedAttributes() {
      String body =
          ITEM_META
              + """
              <contentMeta>
                <subject qcode="medtop04000000" confidence="101"/>
                <subject qcode="medtop:04000000" uri="http://cv.iptc.org/newscodes/x%zz"/>
                <headline modified="next week" custom="yes">H</headline>
              </contentMeta>""";
      assertThat(problems(newsItem("2.35", body)))
          .containsExactlyInAnyOrder(
              "/newsItem/contentMeta/subject[1]/@qcode: \"medtop04000000\" is not a QCode: a"
                  + " scheme alias, a colon and a code, without spaces",
              "/newsItem/contentMeta/subject[1]/@confidence: \"101\" is not a whole number from 0"
                  + " to 100",
              "/newsItem/contentMeta/subject[2]/@uri: \"http://cv.iptc.org/newscodes/x%zz\" is not"
                  + " a URI reference (a % must start an escape such as %20; one # at most)",
              "/newsItem/contentMeta/headline/@modified: \"next week\" is not a date (and optional"
                  + " time) such as 2024-04-26T09:30:00Z",
              "/newsItem/contentMeta/headline/@custom: \"yes\" is not true or false");
    }

    @Test
    void shouldLimitHowDeeplyRelatedNests() {
      String chain =
          ITEM_META
              + "<assert qcode=\"a:b\"><POIDetails><address><country qcode=\"c:c\">"
              + "<related qcode=\"r:1\"><related qcode=\"r:2\"><related qcode=\"r:3\">%s"
              + "</related></related></related></country></address></POIDetails></assert>";
      assertThat(problems(newsItem("2.34", chain.formatted("")))).isEmpty();
      assertThat(problems(newsItem("2.33", chain.formatted(""))))
          .singleElement()
          .asString()
          .contains("may nest only 2 levels deep in NewsML-G2 2.33 (three from 2.34 on)");
      assertThat(problems(newsItem("2.34", chain.formatted("<related qcode=\"r:4\"/>"))))
          .singleElement()
          .asString()
          .startsWith(
              "/newsItem/assert/POIDetails/address/country/related/related/related/related:");
    }
  }

  @Nested
  class Versions {

    private static final String AFFILIATION =
        ITEM_META
            + "<assert qcode=\"o:1\"><organisationDetails>"
            + "<affiliation type=\"cpnat:organisation\" qcode=\"o:2\"/>"
            + "</organisationDetails></assert>";

    @Test
    void shouldReportWhatAVersionDoesNotHaveYet() {
      assertThat(problems(newsItem("2.29", AFFILIATION))).isEmpty();
      assertThat(problems(newsItem("2.28", AFFILIATION)))
          .containsExactly(
              "/newsItem/assert/organisationDetails/affiliation: <affiliation> inside"
                  + " <organisationDetails> exists only from NewsML-G2 2.29 on, and this document"
                  + " is held to NewsML-G2 2.28 (declared by the item's standardversion)");
      String metadataCreator =
          """
          <itemMeta><itemClass qcode="ninat:text"/><provider qcode="p:x"/>
            <versionCreated>2024-04-26T09:30:00Z</versionCreated>
            <metadataCreator qcode="p:me"/></itemMeta>""";
      assertThat(problems(newsItem("2.27", metadataCreator))).hasSize(1);
      assertThat(problems(newsItem("2.28", metadataCreator))).isEmpty();
    }

    @Test
    void shouldReportAttributesUsedBeforeTheirVersion() {
      String catalog =
          "<catalog "
              + NAR
              + "><scheme alias=\"qc\" uri=\"http://x/\" schemeretired=\"2020-04-15\"/></catalog>";
      assertThat(problems(catalog)).isEmpty(); // a catalog declares no version: the latest
      assertThat(problems(catalog, "2.28"))
          .containsExactly(
              "/catalog/scheme/@schemeretired: the attribute exists only from NewsML-G2 2.29 on,"
                  + " and this document is held to NewsML-G2 2.28 (requested)");
    }

    @Test
    void shouldHoldTheItemToTheRequestedVersionOverItsOwn() {
      assertThat(validator.validate(xml(newsItem("2.29", AFFILIATION)), "2.28").valid()).isFalse();
      assertThatThrownBy(() -> validator.validate(xml(newsItem("2.29", ITEM_META)), "latest"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'latest' is not a version such as 2.29");
    }

    @Test
    void shouldUseTheLatestRulesForAnotherStandardsNumbering() {
      String dev =
          "<newsItem "
              + NAR
              + " guid=\"g\" standard=\"NewsML-G2-dev\" standardversion=\"0.4\">"
              + ITEM_META
              + "</newsItem>";
      ValidationReport report = validator.validate(xml(dev));
      assertThat(report.valid()).isTrue(); // 0.4 of the draft is not NewsML-G2 0.4
      assertThat(report.standard()).startsWith("NewsML-G2 2.35");
    }
  }

  @Nested
  class Documents {

    @Test
    void shouldValidateEveryItemOfANewsMessageAsItsOwnVersion() {
      String message =
          "<newsMessage "
              + NAR
              + "><header><sent>2024-04-26T09:30:00Z</sent></header><itemSet>"
              + newsItem("2.29", ITEM_META).replace(" " + NAR, "")
              + newsItem("2.35", "").replace(" " + NAR, "")
              + "</itemSet></newsMessage>";
      ValidationReport report = validator.validate(xml(message));
      assertThat(report.problems())
          .extracting(ValidationProblem::toString)
          .containsExactly(
              "/newsMessage/itemSet/newsItem[2]: the required element <itemMeta> is missing");
      assertThat(report.standard()).contains("NewsML-G2 2.29", "NewsML-G2 2.35");
    }

    @Test
    void shouldRequireTheNewsMessageHeaderAndItsSentTime() {
      String message =
          "<newsMessage " + NAR + "><header><sent>now</sent></header><itemSet/></newsMessage>";
      assertThat(problems(message))
          .containsExactly(
              "/newsMessage/header/sent: \"now\" is not a date and time such as"
                  + " 2024-04-26T09:30:00Z",
              "/newsMessage/itemSet: the required element <catalogItem> or <conceptItem> or"
                  + " <knowledgeItem> or <newsItem> or <packageItem> or <planningItem> is missing");
      assertThat(problems("<newsMessage " + NAR + "><itemSet/></newsMessage>"))
          .contains("/newsMessage: the required element <header> is missing");
    }

    @Test
    void shouldCheckItemsEvenWhereNoItemMayBe() {
      String body = ITEM_META + "<itemSet><newsItem guid=\"x\"/></itemSet>";
      assertThat(problems(newsItem("2.35", body)))
          .contains(
              "/newsItem/itemSet: <itemSet> is not allowed in <newsItem>",
              "/newsItem/itemSet/newsItem/@standard: the required attribute is missing or empty");
    }

    @Test
    void shouldStopAtAbsurdNestingInsteadOfExhaustingTheStack() {
      String deep = "<span>".repeat(5_000) + "x" + "</span>".repeat(5_000);
      String body = ITEM_META + "<contentMeta><headline>" + deep + "</headline></contentMeta>";
      assertThat(problems(newsItem("2.35", body)))
          .singleElement()
          .asString()
          .endsWith("is nested more than 500 elements deep; not checked further");
    }

    @Test
    void shouldRejectRootsThatAreNotNewsmlG2() {
      assertThat(problems("<newsItem guid=\"g\"/>"))
          .singleElement()
          .asString()
          .contains("must be in the namespace http://iptc.org/std/nar/2006-10-01/, not in none");
      assertThat(problems("<rss " + NAR + "/>"))
          .singleElement()
          .asString()
          .contains("the root must be an item");
    }
  }
}
