package io.newspipe.ingest.format;

import static io.newspipe.ingest.Fixtures.CLOCK;
import static io.newspipe.ingest.Fixtures.NOW;
import static io.newspipe.ingest.Fixtures.bytes;
import static io.newspipe.ingest.Fixtures.origin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspipe.ingest.Fixtures;
import io.newspipe.schemas.Article;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextFormatTest {

  private final ArticleParser parser = new ArticleParser(CLOCK);

  private Article parseOne(byte[] bytes, Origin origin) throws ParseException {
    List<Article> articles = parser.parse(bytes, origin);
    assertThat(articles).hasSize(1);
    return articles.get(0);
  }

  @Test
  void shouldReadSeedArticleWithHeadlineParagraphsAndRights() throws Exception {
    Path seed = Fixtures.SEED;
    Article a = parseOne(Files.readAllBytes(seed), Origin.file("seeds", seed.getParent(), seed));

    assertThat(a.getHeadline()).isEqualTo("Blinken Meets China’s President Xi");
    assertThat(a.getRights()).isEqualTo("Copyright 2024,"); // the seed's line, verbatim
    assertThat(a.getBody().split("\n\n")).hasSize(5);
    assertThat(a.getBody())
        .startsWith("( – The United States’ relationship with China is complicated.")
        .contains("“totally unacceptable.”")
        .endsWith("Do you think these meetings will help the US/China relationship?")
        .doesNotContain("Copyright");
    assertThat(a.getId()).isEqualTo("seeds:blinken-meets-xi.txt");
    assertThat(a.getVersion()).isEqualTo(1);
    assertThat(a.getLanguage()).isNull();
    assertThat(a.getSource().getId()).isEqualTo("seeds");
    assertThat(a.getSource().getName()).isEqualTo("seeds");
    assertThat(a.getSource().getFormat()).isEqualTo("text");
    assertThat(a.getSource().getUrl()).startsWith("file:/").endsWith("/seeds/blinken-meets-xi.txt");
    assertThat(a.getReceivedAt()).isEqualTo(NOW);
    assertThat(a.getContentHash()).matches("[0-9a-f]{64}");
  }

  @Test
  void shouldJoinWrappedLinesAndDropLeadingBlankLinesAndLowerCaseCopyrightMark() throws Exception {
    Article a = parseOne(bytes("harbour-strike.txt"), origin("harbour-strike.txt"));

    assertThat(a.getHeadline()).isEqualTo("Dock Workers End Strike at Northport Harbour");
    assertThat(a.getBody())
        .isEqualTo(
            "NORTHPORT – Dock workers at Northport harbour voted on Tuesday to end a nine-day"
                + " strike after the port authority agreed to a new shift schedule.\n\n"
                + "The agreement, reached late on Monday, restores overtime pay for night crews"
                + " and adds two rest days a month.\n\n"
                + "Shipping companies said the first container vessels would berth on"
                + " Wednesday.");
    assertThat(a.getRights()).isEqualTo("(c) 2025 Newspipe Test Fixtures");
  }

  @Test
  void shouldIgnoreByteOrderMarkAndWindowsLineEndings() throws Exception {
    byte[] plain = bytes("harbour-strike.txt");
    String crlf = new String(plain, StandardCharsets.UTF_8).replace("\n", "\r\n");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] withBom = concat(bom, crlf.getBytes(StandardCharsets.UTF_8));

    Article unix = parseOne(plain, origin("harbour-strike.txt"));
    Article windows = parseOne(withBom, origin("harbour-strike.txt"));

    assertThat(windows.getHeadline()).isEqualTo(unix.getHeadline());
    assertThat(windows.getBody()).isEqualTo(unix.getBody());
    assertThat(windows.getContentHash()).isEqualTo(unix.getContentHash());
  }

  @Test
  void shouldStripMarkdownHeadingMarkFromHeadline() throws Exception {
    Article a = parseOne(bytes("council-budget.md"), origin("council-budget.md"));

    assertThat(a.getHeadline()).isEqualTo("City Council Approves *Library* Budget");
    assertThat(a.getBody().split("\n\n")).hasSize(2);
    assertThat(a.getRights()).isNull();
    assertThat(a.getId()).isEqualTo("test:council-budget.md");
  }

  @Test
  void shouldKeepHashMarkInPlainTextHeadline() throws Exception {
    Article a =
        parseOne("# 1 in the charts\n\nBody.".getBytes(StandardCharsets.UTF_8), origin("x.txt"));

    assertThat(a.getHeadline()).isEqualTo("# 1 in the charts");
  }

  @Test
  void shouldAcceptHeadlineOnlyArticleAndCopyrightSymbol() throws Exception {
    Article a =
        parseOne(
            "Breaking: Bridge Reopens\n\n© Fixture Wire 2025\n".getBytes(StandardCharsets.UTF_8),
            origin("flash.txt"));

    assertThat(a.getBody()).isEmpty();
    assertThat(a.getRights()).isEqualTo("© Fixture Wire 2025");
  }

  @Test
  void shouldRejectEmptyFileNamingIt() {
    assertThatThrownBy(
            () -> parser.parse(" \n\n \n".getBytes(StandardCharsets.UTF_8), origin("e.txt")))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("/data/fixtures/e.txt")
        .hasMessageContaining("empty");
  }

  @Test
  void shouldRejectTextThatIsNotUtf8WithAFix() {
    byte[] latin1 = "Caf\u00e9 Society\n\nBody".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> parser.parse(latin1, origin("latin1.txt")))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("latin1.txt")
        .hasMessageContaining("not valid UTF-8")
        .hasMessageContaining("save the file as UTF-8");
  }

  @Test
  void shouldGiveStreamArticlesAnIdFromTheirHeadline() throws Exception {
    byte[] text = "Headline From Stdin\n\nBody.".getBytes(StandardCharsets.UTF_8);

    Article first = parseOne(text, Origin.stream("cli", "stdin"));
    Article second = parseOne(text, Origin.stream("cli", "stdin"));

    assertThat(first.getId()).startsWith("cli:").isEqualTo(second.getId());
    assertThat(first.getSource().getUrl()).isNull();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
