package io.newspipe.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.schemas.Signal;
import io.newspipe.schemas.Source;
import io.newspipe.schemas.StoryEvent;
import io.newspipe.schemas.StoryEventKind;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.testkit.Articles;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryEventsTest {

  static TaggedArticle report(String id, String source, String story, String... tags) {
    var article =
        Articles.builder(id, "Quake off Crete", "A quake struck.")
            .setSource(Source.newBuilder().setId(source).setName(source).setFormat("text").build())
            .build();
    TaggedArticle t =
        Articles.tagged(
            article,
            java.util.Arrays.stream(tags)
                .map(Articles::tag)
                .toArray(io.newspipe.schemas.Tag[]::new));
    t.setStoryId(story);
    return t;
  }

  @Test
  void shouldCreateGrowTagAndWithdrawAStory() {
    List<StoryEvent> first = StoryEvents.events(null, "a", report("a", "wire", "s"), 1000);
    assertThat(first).extracting(StoryEvent::getKind).containsExactly(StoryEventKind.CREATED);
    assertThat(first.get(0).getSources()).containsExactly("wire");

    List<StoryEvent> second =
        StoryEvents.events(first.get(0), "b", report("b", "other", "s", "earthquake"), 2000);
    assertThat(second)
        .extracting(StoryEvent::getKind)
        .containsExactly(StoryEventKind.GREW, StoryEventKind.TAGGED);
    assertThat(second.get(0).getSourceId()).isEqualTo("other");
    assertThat(second.get(0).getSources()).containsExactly("wire", "other");
    assertThat(second.get(1).getTag()).isEqualTo("earthquake");
    assertThat(second.get(1).getReports()).containsExactly("a", "b");

    // A new version of a known report that adds nothing says nothing.
    StoryEvent state = second.get(1);
    assertThat(StoryEvents.events(state, "b", report("b", "other", "s", "earthquake"), 3000))
        .isEmpty();

    TaggedArticle kill = report("a", "wire", "s");
    kill.getArticle().setSignal(Signal.CANCELED);
    List<StoryEvent> withdrawn = StoryEvents.events(state, "a", kill, 4000);
    assertThat(withdrawn).extracting(StoryEvent::getKind).containsExactly(StoryEventKind.WITHDRAWN);
    assertThat(withdrawn.get(0).getReports()).containsExactly("b");
  }

  @Test
  void shouldCountASecondReportOfTheSameSourceAsGrowthButNotAsANewSource() {
    StoryEvent first = StoryEvents.events(null, "a", report("a", "wire", "s"), 1000).get(0);
    List<StoryEvent> again = StoryEvents.events(first, "a2", report("a2", "wire", "s"), 2000);
    assertThat(again).extracting(StoryEvent::getKind).containsExactly(StoryEventKind.GREW);
    assertThat(again.get(0).getSources()).containsExactly("wire");
  }
}
