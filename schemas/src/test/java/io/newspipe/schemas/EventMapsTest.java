package io.newspipe.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventMapsTest {

  @Test
  void shouldRenderTaggedArticleAsPlainMapsWithIsoTimesAndWithoutNulls() {
    Map<String, Object> map = EventMaps.toMap(Samples.taggedArticle());

    @SuppressWarnings("unchecked")
    Map<String, Object> article = (Map<String, Object>) map.get("article");
    assertThat(article).containsEntry("id", "a1").doesNotContainKey("guid");
    assertThat(article).containsEntry("receivedAt", "2023-11-14T22:13:20Z");
    assertThat(article).containsEntry("signal", "USABLE");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> tags = (List<Map<String, Object>>) map.get("tags");
    assertThat(tags)
        .singleElement()
        .satisfies(
            tag -> {
              assertThat(tag).containsEntry("id", "narcotics");
              assertThat(tag.get("evidence"))
                  .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                  .singleElement()
                  .isEqualTo(
                      Map.of(
                          "field",
                          "headline",
                          "start",
                          0,
                          "end",
                          8,
                          "text",
                          "Captagon",
                          "rule",
                          "phrase:captagon"));
            });
  }
}
