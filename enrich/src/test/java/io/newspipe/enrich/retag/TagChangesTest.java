package io.newspipe.enrich.retag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagChangesTest {

  @Test
  void shouldCountArticlesThatGainedOrLostEachTagAgainstTheirLatestPreviousVersion() {
    TagChanges changes = new TagChanges();
    changes.before("a", 1, 10, List.of("middle-east"));
    changes.before("a", 2, 20, List.of("middle-east", "narcotics")); // latest before
    changes.before("b", 1, 10, List.of());
    changes.after("a", 1, 100, List.of("middle-east"));
    changes.after("a", 2, 100, List.of("narcotics", "whaling")); // latest after
    changes.after("b", 1, 100, List.of("whaling"));

    assertThat(changes.byTag())
        .containsExactly(
            java.util.Map.entry("middle-east", new TagChanges.Count(0, 1)),
            java.util.Map.entry("whaling", new TagChanges.Count(2, 0)));
    assertThat(changes.articles()).isEqualTo(2);
    assertThat(changes.changedArticles()).isEqualTo(2);
  }
}
