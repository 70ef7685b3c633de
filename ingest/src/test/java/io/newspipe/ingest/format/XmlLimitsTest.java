package io.newspipe.ingest.format;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class XmlLimitsTest {

  private static String nested(int depth) {
    return "<r>" + "<a>".repeat(depth - 1) + "x" + "</a>".repeat(depth - 1) + "</r>";
  }

  @Test
  void shouldAcceptNestingUpToTheBoundAndRefuseOneDeeperNamingTheDocument() {
    assertThatCode(() -> XmlLimits.check(nested(XmlLimits.MAX_DEPTH), "f.xml"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> XmlLimits.check(nested(XmlLimits.MAX_DEPTH + 1), "f.xml"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("f.xml")
        .hasMessageContaining("nest more than 256 deep");
  }

  @Test
  void shouldNotCountSelfClosingTagsCommentsCdataOrDeclarationsAsNesting() {
    String xml =
        "<?xml version=\"1.0\"?><!DOCTYPE rss><r>"
            + "<br/><img src=\"a>b\" />".repeat(1000)
            + "<!-- <a><a><a> -->".repeat(1000)
            + "<![CDATA[<a><a><a>]]>".repeat(1000)
            + "</r>";
    assertThatCode(() -> XmlLimits.check(xml, "f.xml", 3, 10_000)).doesNotThrowAnyException();
  }

  @Test
  void shouldCountUnclosedTagsOfBrokenMarkupAsNesting() {
    assertThatThrownBy(() -> XmlLimits.check("<rss><channel>" + "<b>".repeat(300), "cut.xml"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("nest more than");
  }

  @Test
  void shouldRefuseMoreElementsThanTheBound() {
    assertThatThrownBy(() -> XmlLimits.check("<r>" + "<x/>".repeat(11) + "</r>", "m.xml", 8, 10))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("more than 10 elements");
  }

  @Test
  void shouldIgnoreStrayLessThanSignsAndCutOffMarkup() {
    assertThatCode(() -> XmlLimits.check("<r>a < b <= c</r><!-- never closed", "s.xml"))
        .doesNotThrowAnyException();
  }
}
