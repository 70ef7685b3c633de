package io.newspipe.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.schemas.TaggedArticle;
import io.newspipe.testkit.Articles;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveHubTest {

  private static TaggedArticle article(String id, String... tags) {
    return Articles.tagged(
        Articles.article(id, "Headline " + id, "Body " + id),
        java.util.Arrays.stream(tags).map(Articles::tag).toArray(io.newspipe.schemas.Tag[]::new));
  }

  @Test
  void shouldGiveEachClientOnlyArticlesWithATagItFollows() {
    LiveHub hub = new LiveHub(10, 10);
    StreamClient narcotics = hub.open(Set.of("narcotics"), "a");
    StreamClient everything = hub.open(Set.of(), "b");

    hub.publish(article("n1", "narcotics", "middle-east"));
    hub.publish(article("s1", "sport"));
    hub.publish(article("u1"));

    assertThat(narcotics.queued())
        .extracting(StreamClient.Event::json)
        .singleElement()
        .asString()
        .contains("\"id\":\"n1\"");
    assertThat(everything.queued()).hasSize(3).allMatch(e -> e.name().equals("article"));
  }

  @Test
  void shouldDisconnectAClientThatFallsTooFarBehindWithoutBlockingOthers() {
    LiveHub hub = new LiveHub(10, 2);
    StreamClient slow = hub.open(Set.of(), "slow");
    StreamClient other = hub.open(Set.of("narcotics"), "other");

    for (int i = 0; i < 3; i++) {
      hub.publish(article("a" + i));
    }
    hub.publish(article("n1", "narcotics"));

    assertThat(slow.endReason()).isEqualTo("too slow");
    assertThat(hub.size()).isEqualTo(1);
    assertThat(other.endReason()).isNull();
    assertThat(other.queued()).hasSize(1);
  }

  @Test
  void shouldRefuseClientsBeyondTheLimitAndAfterClose() {
    LiveHub hub = new LiveHub(1, 4);
    StreamClient first = hub.open(Set.of(), "1");
    assertThat(hub.open(Set.of(), "2")).isNull();

    hub.remove(first);
    StreamClient again = hub.open(Set.of(), "3");
    assertThat(again).isNotNull();

    hub.close();
    assertThat(again.endReason()).isEqualTo("server stopping");
    assertThat(hub.open(Set.of(), "4")).isNull();
  }
}
