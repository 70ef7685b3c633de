package io.newspipe.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspipe.schemas.ArticleHistory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class HistorySerdeTest {

  private final Serde<ArticleHistory> serde = HistorySerde.serde();

  @Test
  void shouldRoundTripAnArticleHistoryAsAvro() {
    ArticleHistory h =
        ArticleHistory.newBuilder()
            .setVersion(3)
            .setContentHash("canceled:abc")
            .setTags(List.of("narcotics", "middle-east"))
            .setTaxonomyVersion("2024.07.1")
            .build();

    byte[] bytes = serde.serializer().serialize("t", h);

    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(h);
  }

  @Test
  void shouldReadTheTextAnEarlierEnrichWroteToItsStore() {
    byte[] old = "2\tabc123\tnarcotics,middle-east".getBytes(StandardCharsets.UTF_8);

    ArticleHistory h = serde.deserializer().deserialize("t", old);

    assertThat(h.getVersion()).isEqualTo(2);
    assertThat(h.getContentHash()).isEqualTo("abc123");
    assertThat(h.getTags()).containsExactly("narcotics", "middle-east");
    assertThat(h.getTaxonomyVersion()).isNull();
    assertThat(serde.deserializer().deserialize("t", "1\th\t".getBytes(StandardCharsets.UTF_8)))
        .satisfies(untagged -> assertThat(untagged.getTags()).isEmpty());
  }

  @Test
  void shouldSayHowToRecoverFromAnEntryItCannotRead() {
    byte[] junk = "not a history".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> serde.deserializer().deserialize("t", junk))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("reset the enrich application");
  }
}
