package io.newspipe.enrich.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.newspipe.enrich.story.StoryRules;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

  @Test
  void shouldCountTheTickerMarkedPairsOfAStoryAndThoseThatShareATicker() {
    List<StoryItems.Item> items =
        List.of(
            item("a1", null, 0, "ACME <ACM> TO BUY BOLT <BLT>", "Acme agreed to buy Bolt."),
            item("a2", null, 1, "BOLT <BLT> AGREES TO ACME BUYOUT", "Bolt agreed to Acme's bid."),
            item("a3", null, 2, "CAPE <CPE> SETS PAYOUT", "Cape set its payout."),
            item("a4", null, 3, "ACME TO BUY BOLT", "No mark in this headline."));
    var stories =
        List.of(
            new StoryEvaluation.Story("s1", List.of(items.get(0), items.get(1), items.get(3))),
            new StoryEvaluation.Story("s2", List.of(items.get(2))));
    assertThat(StoryEvaluation.tickerPairs(unlabelled(items, stories)))
        .isEqualTo(new StoryEvaluation.TickerPairs(1, 1));

    var mixed = unlabelled(items, List.of(new StoryEvaluation.Story("s", items)));
    // a1-a2 share BLT and ACM; a1-a3 and a2-a3 share nothing.
    var pairs = StoryEvaluation.tickerPairs(mixed);
    assertThat(pairs).isEqualTo(new StoryEvaluation.TickerPairs(3, 1));
    assertThat(pairs.precision()).isCloseTo(1.0 / 3, offset(1e-9));
    assertThat(StoryEvaluation.report(mixed, 3))
        .contains(
            "pairs of one story whose headlines both carry tickers: 3, sharing one: 1 (0.333)");
  }

  // A result of given stories, without labels or timings.
  private static StoryEvaluation.Result unlabelled(
      List<StoryItems.Item> items, List<StoryEvaluation.Story> stories) {
    return new StoryEvaluation.Result(
        items, Map.of(), stories, null, null, 0, 0, 0, items.size(), 0, 0, Map.of());
  }

  private static StoryItems.Item item(
      String id, String story, int minute, String headline, String body) {
    return new StoryItems.Item(id, story, headline, body, NOON + minute * 60_000L);
  }
}
