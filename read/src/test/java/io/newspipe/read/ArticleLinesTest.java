package io.newspipe.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.schemas.Article;
import io.newspipe.schemas.Evidence;
import io.newspipe.schemas.Signal;
import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.testkit.Articles;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleLinesTest {

  private static final String BODY =
      "In a long opening sentence about the weather and the markets, officials said that border"
          + " guards seized captagon pills worth millions near the crossing on Tuesday night.";

  @Test
  void shouldShowTimeSourceHeadlineTagsAndTheEvidenceInContext() {
    int start = BODY.indexOf("captagon");
    TaggedArticle t = tagged(Signal.USABLE, 1, evidence("body", start, start + 8));

    String line =
        ArticleLines.line(
            t,
            Instant.parse("2024-06-01T12:05:00Z").toEpochMilli(),
            ArticleLines.Format.TEXT,
            List.of("narcotics"));

    assertThat(line)
        .startsWith("2024-06-01 12:05Z  test  Captagon haul seized  [middle-east, narcotics]  \"…")
        .contains("border guards seized captagon pills worth millions")
        .endsWith("…\"");
  }

  @Test
  void shouldMarkUpdatesAndWithdrawals() {
    assertThat(ArticleLines.text(tagged(Signal.UPDATE, 2), 0, List.of())).contains("  UPDATE v2  ");
    assertThat(ArticleLines.text(tagged(Signal.CANCELED, 3), 0, List.of()))
        .contains("  WITHDRAWN  ");
  }

  @Test
  void shouldMarkAnArticleThatLeftTheSubscribedTag() {
    assertThat(ArticleLines.text(tagged(Signal.UPDATE, 2), 0, List.of("espionage")))
        .contains("  UPDATE v2  LEFT espionage  ");
    assertThat(ArticleLines.text(tagged(Signal.USABLE, 1), 0, List.of("narcotics", "espionage")))
        .doesNotContain("LEFT");
    assertThat(ArticleLines.text(tagged(Signal.USABLE, 1), 0, List.of())).doesNotContain("LEFT");
    assertThat(ArticleLines.text(tagged(Signal.CANCELED, 3), 0, List.of("espionage")))
        .doesNotContain("LEFT");
  }

  @Test
  void shouldPrintTheWholeTaggedArticleAsOneJsonLine() {
    String json = ArticleLines.json(tagged(Signal.USABLE, 1));
    assertThat(json).startsWith("{\"article\":{\"id\":\"a\"").doesNotContain("\n");
  }

  private static TaggedArticle tagged(Signal signal, int version, Evidence... evidence) {
    Article a =
        Articles.builder("a", "Captagon haul seized", BODY)
            .setSignal(signal)
            .setVersion(version)
            .build();
    Tag narcotics = Articles.tag("narcotics");
    narcotics.setEvidence(List.of(evidence));
    Tag middleEast = Articles.tag("middle-east");
    middleEast.setEvidence(List.of(evidence("headline", 0, 8)));
    return Articles.tagged(a, middleEast, narcotics);
  }

  private static Evidence evidence(String field, int start, int end) {
    return Evidence.newBuilder()
        .setField(field)
        .setStart(start)
        .setEnd(end)
        .setText("x")
        .setRule("r")
        .build();
  }
}
