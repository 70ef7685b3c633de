package io.newspipe.ingest.format;

import static io.newspipe.ingest.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormatDetectorTest {

  @Test
  void shouldDetectFeedsByRootElementWhateverTheFileIsCalled() {
    assertThat(FormatDetector.detect(bytes("rss2-feed.xml"), "news.txt")).isEqualTo(Format.FEED);
    assertThat(FormatDetector.detect(bytes("atom-feed.atom"), null)).isEqualTo(Format.FEED);
    assertThat(FormatDetector.detect(bytes("rss1-feed.rdf"), "x.md")).isEqualTo(Format.FEED);
    assertThat(FormatDetector.detect(bytes("rss091-netscape.xml"), "x.xml")).isEqualTo(Format.FEED);
  }

  @Test
  void shouldLookPastByteOrderMarkCommentsAndProcessingInstructions() {
    String xml =
        "\uFEFF  <?xml version=\"1.0\"?>\n<!-- a <comment> -->\n"
            + "<?xml-stylesheet href=\"s.xsl\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"/>";

    assertThat(FormatDetector.detect(xml.getBytes(StandardCharsets.UTF_8), "f.xml"))
        .isEqualTo(Format.FEED);
  }

  @Test
  void shouldTreatOtherDeclaredXmlAsNotAFeed() {
    assertThat(FormatDetector.detect(bytes("not-a-feed.xml"), "x.xml")).isEqualTo(Format.OTHER_XML);
  }

  @Test
  void shouldTreatTextAsTextAndMarkdownByName() {
    assertThat(FormatDetector.detect(bytes("harbour-strike.txt"), "a.txt")).isEqualTo(Format.TEXT);
    assertThat(FormatDetector.detect(bytes("council-budget.md"), "a.md"))
        .isEqualTo(Format.MARKDOWN);
    assertThat(FormatDetector.detect(bytes("council-budget.md"), "a.xml")).isEqualTo(Format.TEXT);
    assertThat(FormatDetector.detect("<b>Bold</b> headline\n\nBody".getBytes(), "a.txt"))
        .isEqualTo(Format.TEXT);
  }

  @Test
  void shouldDetectJsonLines() {
    assertThat(FormatDetector.detect(bytes("articles.jsonl"), null)).isEqualTo(Format.JSON_LINES);
    assertThat(FormatDetector.detect("{ not json lines\n".getBytes(), null)).isEqualTo(Format.TEXT);
  }
}
