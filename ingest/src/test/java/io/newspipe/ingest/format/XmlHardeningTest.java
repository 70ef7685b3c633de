package io.newspipe.ingest.format;

import static io.newspipe.ingest.Fixtures.CLOCK;
import static io.newspipe.ingest.Fixtures.bytes;
import static io.newspipe.ingest.Fixtures.origin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.rometools.rome.io.FeedException;
import io.newspipe.schemas.Article;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile XML must neither leak local files nor exhaust memory. */
class XmlHardeningTest {

  private static final String SECRET = "TOP-SECRET-4f1c9";

  private final ArticleParser parser = new ArticleParser(CLOCK);

  @TempDir Path tmp;

  @Test
  void shouldNeverLeakALocalFileThroughAnExternalEntity() throws Exception {
    Path secret = Files.writeString(tmp.resolve("secret.txt"), SECRET);
    String xxe =
        "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE rss [ <!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\"> ]>\n"
            + "<rss version=\"2.0\"><channel><title>&xxe;</title><link>https://x.example/</link>"
            + "<description>&xxe;</description>"
            + "<item><title>Leak &xxe;</title><description>&xxe;</description></item>"
            + "</channel></rss>";

    Throwable error = catchThrowable(() -> parser.parse(utf8(xxe), origin("xxe.xml")));

    assertThat(error)
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("xxe.xml")
        .hasMessageContaining("refused")
        .hasMessageContaining("XXE");
    assertThat(error.toString()).doesNotContain(SECRET);
  }

  @Test
  void shouldNeverLoadAnExternalDtdNamedByABareDoctype() throws Exception {
    // If this DTD were loaded, &leak; would expand to the secret; since it is not, the entity is
    // undefined and the feed is rejected without the secret anywhere.
    Path secret = Files.writeString(tmp.resolve("secret.txt"), SECRET);
    Path dtd =
        Files.writeString(
            tmp.resolve("evil.dtd"), "<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">");
    String feed =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \""
            + dtd.toUri()
            + "\">\n<rss version=\"2.0\"><channel><title>T</title><link>https://x.example/</link>"
            + "<description>d</description><item><title>A &leak;</title></item></channel></rss>";

    Throwable error = null;
    List<Article> articles = List.of();
    try {
      articles = parser.parse(utf8(feed), origin("external-dtd.xml"));
    } catch (ParseException e) {
      error = e;
    }

    assertThat(String.valueOf(error)).doesNotContain(SECRET);
    assertThat(articles.toString()).doesNotContain(SECRET);
  }

  @Test
  void shouldRefuseEntityExpansionBombQuicklyWithAClearError() {
    byte[] bomb = bytes("billion-laughs.xml");

    ParseException error =
        assertTimeoutPreemptively(
            Duration.ofSeconds(2),
            () -> (ParseException) catchThrowable(() -> parser.parse(bomb, origin("laughs.xml"))));

    assertThat(error).isNotNull();
    assertThat(error.getMessage())
        .contains("laughs.xml")
        .contains("declares entities")
        .contains("entity-expansion")
        .contains("Remove the DOCTYPE");
  }

  @Test
  void shouldHaveRomeItselfRefuseDoctypesAsSecondLine() {
    // Bypasses our own pre-check: the ROME input we configure must refuse DTDs on its own.
    String bomb = new String(bytes("billion-laughs.xml"), StandardCharsets.UTF_8);

    assertThatThrownBy(() -> FeedFormat.newFeedInput().build(new StringReader(bomb)))
        .isInstanceOf(FeedException.class)
        .hasMessageContaining("DOCTYPE is disallowed");
  }

  @Test
  void shouldRefuseEntityDeclarationsHiddenAfterTheProlog() {
    String sneaky =
        "<rss version=\"2.0\"><channel><title>T</title></channel></rss>"
            + "<!DOCTYPE x [<!ENTITY a \"b\">]>";

    assertThatThrownBy(() -> parser.parse(utf8(sneaky), origin("sneaky.xml")))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("refused");
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void shouldNeverLeakALocalFileThroughNewsmlG2() throws Exception {
    Path secret = Files.writeString(tmp.resolve("secret.txt"), SECRET);
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE newsItem [ <!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\"> ]>\n<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"g\">"
            + "<contentMeta><headline>&xxe;</headline></contentMeta></newsItem>";

    Throwable error = catchThrowable(() -> parser.parse(utf8(xxe), origin("g2.xml")));

    assertThat(error).isInstanceOf(ParseException.class).hasMessageContaining("refused");
    assertThat(error.toString()).doesNotContain(SECRET);
  }

  @Test
  void shouldRefuseABillionLaughsNewsmlG2DocumentQuickly() {
    String bomb =
        new String(bytes("billion-laughs.xml"), StandardCharsets.UTF_8)
            .replace("<rss", "<newsItem")
            .replace("</rss>", "</newsItem>");

    Throwable error =
        assertTimeoutPreemptively(
            Duration.ofSeconds(2),
            () -> catchThrowable(() -> parser.parse(utf8(bomb), origin("b.xml"))));

    assertThat(error).isInstanceOf(ParseException.class).hasMessageContaining("entity-expansion");
  }

  @Test
  void shouldHaveTheNewsmlG2ParserItselfRefuseDoctypesAsSecondLine() {
    assertThatThrownBy(
            () ->
                SafeXml.parse(
                    "<!DOCTYPE n [<!ENTITY a \"b\">]><newsItem>&a;</newsItem>", "direct.xml"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("DOCTYPE");
  }
}
