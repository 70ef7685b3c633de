package io.newspipe.app.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.app.broker.HangingTransactions.Open;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class HangingTransactionsTest {
  private static final TopicPartition BANDS = new TopicPartition("story-bands-changelog", 0);
  private static final TopicPartition STORIES = new TopicPartition("news.stories", 1);

  private static Open open(TopicPartition tp, long producerId) {
    return new Open(
        tp, new ProducerState(producerId, 7, 10, 0L, OptionalInt.of(0), OptionalLong.of(55)));
  }

  @Test
  void shouldCallHangingATransactionWhoseProducerTheCoordinatorDoesNotListAsOpen() {
    assertThat(HangingTransactions.hanging(List.of(open(BANDS, 3)), Map.of()))
        .containsExactly(open(BANDS, 3));
  }

  @Test
  void shouldCallHangingAPartitionMissingFromItsProducersOpenTransaction() {
    List<Open> found =
        HangingTransactions.hanging(
            List.of(open(BANDS, 3), open(STORIES, 3)), Map.of(3L, Set.of(STORIES)));

    assertThat(found).containsExactly(open(BANDS, 3));
  }

  @Test
  void shouldProbeEveryPartitionOfTheTransactionLogOnce() {
    List<String> probes = HangingTransactions.probeIds(50);

    assertThat(probes).hasSize(50).doesNotHaveDuplicates();
    for (int p = 0; p < 50; p++) {
      assertThat(Utils.abs(probes.get(p).hashCode()) % 50).isEqualTo(p);
    }
  }

  @Test
  void shouldLeaveToTheCoordinatorEveryTransactionItTracks() {
    List<Open> found =
        HangingTransactions.hanging(
            List.of(open(BANDS, 3), open(STORIES, 4)),
            Map.of(3L, Set.of(BANDS), 4L, Set.of(STORIES, BANDS)));

    assertThat(found).isEmpty();
  }
}
