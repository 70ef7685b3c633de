package io.newspipe.enrich.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.enrich.story.StoryRules;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryEvaluationTest {

  private static final long NOON = Instant.parse("1987-03-02T12:00:00Z").toEpochMilli();

  @Test
  void shouldExplainAPairByWhatItsNamesWeighInTheRules() {
    List<StoryItems.Item> items =
        List.of(
            item(
                "a1",
                "acme-plant",
                0,
                "ACME <ACM> TO BUILD PLANT IN OHIO",
                "Acme said it would build."),
            item(
                "a2",
                "acme-chief",
                5,
                "ACME <ACM> NAMES NEW CHIEF",
                "The board named a successor."),
            item("b1", "blair", 10, "Mr Blair visits flooded towns", "Mr Blair toured the valley."),
            item("b2", "blair", 15, "Storm victims get cash", "Mr Blair promised money today."));

    String explained = StoryEvaluation.explain(StoryEvaluation.run(items, StoryRules.DEFAULTS));

    assertThat(explained)
        .contains("company agrees")
        .contains("only a person agrees (does not lower the bar)")
        .doesNotContain("names agree");
  }

  private static StoryItems.Item item(
      String id, String story, int minute, String headline, String body) {
    return new StoryItems.Item(id, story, headline, body, NOON + minute * 60_000L);
  }
}
