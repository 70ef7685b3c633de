package io.newspipe.ingest.format;

import static io.newspipe.ingest.Fixtures.CLOCK;
import static io.newspipe.ingest.Fixtures.bytes;
import static io.newspipe.ingest.Fixtures.origin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.newspipe.ingest.format.validate.ValidationProblem;
import io.newspipe.ingest.format.validate.ValidationReport;
import io.newspipe.schemas.Article;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** How parsing reports validation: articles are kept, problems are logged or returned. */
class ArticleParserValidationTest {

  private static final String INVALID_NINJS =
      """
      {"uri": "urn:newspipe:test:ninjs:ferry",
       "$standard": {"name": "ninjs", "version": "1.3",
                     "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_1.3.json"},
       "headline": "Ferry service resumes after storm",
       "body_text": "The first ferry left at dawn.",
       "type": "story",
       "mime_type": "text/plain"}""";
  private static final String PACKAGE_ITEM =
      """
      <packageItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:p" standard="NewsML-G2"
          standardversion="2.35">
        <itemMeta><itemClass qcode="ninat:composite"/><provider qcode="nprov:test"/>
          <versionCreated>2024-04-26T09:30:00Z</versionCreated></itemMeta>
        <groupSet root="G1"/>
      </packageItem>""";

  private final ArticleParser parser = new ArticleParser(CLOCK);
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(ArticleParser.class);

  @BeforeEach
  void captureLog() {
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    logger.detachAppender(log);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void shouldPublishTheArticleOfAnInvalidDocumentAndWarnTheProducer() throws Exception {
    List<Article> articles = parser.parse(utf8(INVALID_NINJS), origin("ferry.json"));

    assertThat(articles)
        .singleElement()
        .extracting(Article::getHeadline)
        .isEqualTo("Ferry service resumes after storm");
    assertThat(log.list)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getLevel()).isEqualTo(Level.WARN);
              assertThat(event.getFormattedMessage())
                  .contains(
                      "/data/fixtures/ferry.json",
                      "2 problems against ninjs 1.3 (declared by the document)",
                      "$.type: the string \"story\" is not one of text, audio, video",
                      "$.mime_type",
                      "published anyway",
                      "the producer should fix the document");
            });
  }

  @Test
  void shouldNotWarnAboutValidDocuments() throws Exception {
    parser.parse(bytes("ninjs-v1-text.json"), origin("ninjs-v1-text.json"));
    parser.parse(bytes("ninjs-v3-canceled.json"), origin("ninjs-v3-canceled.json"));
    parser.parse(bytes("newsml-g2-item.xml"), origin("newsml-g2-item.xml"));
    parser.parse(bytes("rss2-feed.xml"), origin("rss2-feed.xml"));

    assertThat(log.list).isEmpty();
  }

  @Test
  void shouldReturnArticlesAndProblemsTogetherWithoutLogging() throws Exception {
    ArticleParser.Parsed parsed =
        parser.parseValidated(utf8(INVALID_NINJS), origin("ferry.json"), null, null);

    assertThat(parsed.articles()).hasSize(1);
    assertThat(parsed.validation().problems())
        .extracting(ValidationProblem::path)
        .containsExactly("$.type", "$.mime_type");
    assertThat(log.list).isEmpty();
    ArticleParser.Parsed feed =
        parser.parseValidated(bytes("rss2-feed.xml"), origin("rss2-feed.xml"), null, null);
    assertThat(feed.validation().checked()).isFalse();
  }

  @Test
  void shouldKeepDocumentsThatYieldNoArticleAParseExceptionButValidateThem() {
    assertThatThrownBy(() -> parser.parse(utf8(PACKAGE_ITEM), origin("package.xml")))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("without a newsItem");

    ValidationReport report = parser.validate(utf8(PACKAGE_ITEM), origin("package.xml"), null);
    assertThat(report.problems())
        .extracting(ValidationProblem::toString)
        .containsExactly("/packageItem/groupSet: the required element <group> is missing");
  }

  @Test
  void shouldReportUnreadableDocumentsInsteadOfThrowing() {
    ValidationReport json =
        parser.validate(
            utf8("{\"uri\": \"u\",\n\"headline\": \"x\" \"oops\"}"), origin("x.json"), null);
    assertThat(json.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("$");
              assertThat(p.message()).startsWith("not valid JSON");
            });
    ValidationReport xml =
        parser.validate(
            utf8("<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><itemMeta>"),
            origin("x.xml"),
            null);
    assertThat(xml.problems())
        .singleElement()
        .extracting(ValidationProblem::message)
        .asString()
        .startsWith("not well-formed XML");
    assertThat(parser.validate(bytes("rss2-feed.xml"), origin("f.xml"), null).checked()).isFalse();
  }

  @Test
  void shouldHoldADocumentToARequestedVersion() {
    ValidationReport empty = parser.validate(utf8("{}"), origin("empty.json"), "1.0");
    assertThat(empty.problems())
        .extracting(ValidationProblem::toString)
        .containsExactly("$: the required property \"uri\" is missing");
    ValidationReport component =
        parser.validate(utf8("{\"uri\": \"u\", \"type\": \"component\"}"), origin("c.json"), "1.0");
    assertThat(component.valid()).isFalse();
    assertThat(
            parser
                .validate(utf8("{\"uri\": \"u\", \"type\": \"component\"}"), origin("c.json"), null)
                .valid())
        .isTrue();
    assertThatThrownBy(() -> parser.validate(utf8("{\"uri\": \"u\"}"), origin("c.json"), "9.9"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'9.9' is not a ninjs version");
  }

  @Test
  void shouldValidateAStandAloneCatalog() {
    byte[] catalog =
        utf8(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <catalog xmlns="http://iptc.org/std/nar/2006-10-01/">
              <scheme alias="medtop" uri="http://cv.iptc.org/newscodes/mediatopic/"/>
              <scheme alias="broken"/>
            </catalog>""");
    assertThat(parser.validate(catalog, origin("catalog.xml"), null).problems())
        .extracting(ValidationProblem::toString)
        .containsExactly("/catalog/scheme[2]/@uri: the required attribute is missing");
  }
}
