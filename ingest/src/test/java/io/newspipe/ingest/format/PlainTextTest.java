package io.newspipe.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

  @Test
  void shouldTurnBlocksIntoParagraphsAndDropMarkup() {
    String html =
        "<h2>Title</h2><p>First <b>bold</b> and <a href=\"x\">linked</a>\n   words.</p>"
            + "<div>Second&nbsp;block &amp; more</div><ul><li>one</li><li>two</li></ul>";

    assertThat(PlainText.fromHtml(html))
        .isEqualTo("Title\n\nFirst bold and linked words.\n\nSecond block & more\n\none\n\ntwo");
  }

  @Test
  void shouldDropScriptsAndStylesEntirely() {
    assertThat(PlainText.fromHtml("<p>Text</p><script>steal()</script><style>p{}</style>"))
        .isEqualTo("Text");
  }

  @Test
  void shouldTreatDoubleLineBreakAsParagraphAndSingleAsSpace() {
    assertThat(PlainText.fromHtml("one<br>still one<br/><br/>two"))
        .isEqualTo("one still one\n\ntwo");
  }

  @Test
  void shouldKeepTableCellsApart() {
    assertThat(PlainText.fromHtml("<table><tr><td>a</td><td>b</td></tr></table>")).isEqualTo("a b");
  }

  @Test
  void shouldLeavePlainTextWithAngleBracketAlone() {
    assertThat(PlainText.fromMaybeHtml("Profits < 5% as costs rise"))
        .isEqualTo("Profits < 5% as costs rise");
    assertThat(PlainText.fromMaybeHtml("Rates &amp; Markets")).isEqualTo("Rates & Markets");
  }
}
