package io.newspipe.ingest.publish;

import static io.newspipe.ingest.publish.ArticlePublisherTest.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.schemas.Article;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecordTimestampsTest {

  private static final Instant RECEIVED = Instant.parse("2025-06-01T12:00:00Z");

  @Test
  void shouldPreferPublishedThenUpdatedThenReceived() {
    Instant published = Instant.parse("2025-03-14T09:30:00Z");
    Instant updated = Instant.parse("2025-03-15T09:30:00Z");
    Article a = article("x", published);

    assertThat(RecordTimestamps.of(a)).isEqualTo(published.toEpochMilli());
    a.setUpdatedAt(updated);
    a.setPublishedAt(null);
    assertThat(RecordTimestamps.of(a)).isEqualTo(updated.toEpochMilli());
    a.setUpdatedAt(null);
    assertThat(RecordTimestamps.of(a)).isEqualTo(RECEIVED.toEpochMilli());
  }

  @Test
  void shouldFallBackToReceivedForTimesKafkaWouldRefuse() {
    assertThat(RecordTimestamps.of(article("x", Instant.parse("1969-07-20T20:17:00Z"))))
        .isEqualTo(RECEIVED.toEpochMilli());
    assertThat(RecordTimestamps.of(article("x", RECEIVED.plusSeconds(3 * 3600))))
        .isEqualTo(RECEIVED.toEpochMilli());
    assertThat(RecordTimestamps.of(article("x", RECEIVED.plusSeconds(60))))
        .isEqualTo(RECEIVED.plusSeconds(60).toEpochMilli());
  }
}
