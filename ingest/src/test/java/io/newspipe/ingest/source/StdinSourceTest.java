package io.newspipe.ingest.source;

import static io.newspipe.ingest.Fixtures.CLOCK;
import static io.newspipe.ingest.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.ingest.format.ArticleParser;
import io.newspipe.ingest.format.ParseException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StdinSourceTest {

  private final CollectingSink sink = new CollectingSink();

  private StdinSource stdin(byte[] bytes, SourceSettings settings) {
    return new StdinSource(
        new ByteArrayInputStream(bytes), "cli", settings, new ArticleParser(CLOCK));
  }

  @Test
  void shouldReadAFeedFromStdin() throws Exception {
    int accepted = stdin(bytes("atom-feed.atom"), SourceSettings.DEFAULTS).readInto(sink);

    assertThat(accepted).isEqualTo(2);
    assertThat(sink.ids()).allMatch(id -> id.startsWith("cli:"));
  }

  @Test
  void shouldRejectBadJsonLinesOneByOneAndKeepTheGoodOnes() throws Exception {
    String lines =
        "{\"headline\":\"One\",\"body\":\"First.\"}\n"
            + "{\"headline\":\"Two\"\n"
            + "\n"
            + "{\"headline\":\"Three\",\"body\":\"Third.\"}\n";
    StdinSource source = stdin(lines.getBytes(StandardCharsets.UTF_8), SourceSettings.DEFAULTS);

    int accepted = source.readInto(sink);

    assertThat(accepted).isEqualTo(2);
    assertThat(sink.articles).extracting(a -> a.getHeadline()).containsExactly("One", "Three");
    assertThat(sink.rejections).hasSize(1);
    assertThat(sink.rejections.get(0).document()).isEqualTo("stdin line 2");
    assertThat(new String(sink.rejections.get(0).payload(), StandardCharsets.UTF_8))
        .isEqualTo("{\"headline\":\"Two\"");
    assertThat(sink.rejections.get(0).reason()).isInstanceOf(ParseException.class);
    assertThat(source.rejected()).isEqualTo(1);
  }

  @Test
  void shouldRefuseOversizedInput() throws Exception {
    int accepted =
        stdin(new byte[2048], SourceSettings.DEFAULTS.withMaxDocumentBytes(1024)).readInto(sink);

    assertThat(accepted).isZero();
    assertThat(sink.rejections.get(0).reason())
        .isInstanceOf(DocumentTooLargeException.class)
        .hasMessageContaining("over the 1024-byte limit");
  }
}
