package io.newspipe.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspipe.schemas.TopicSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagCatalogTest {

  private final TagCatalog catalog =
      new TagCatalog(
          List.of("narcotics", "middle-east"),
          List.of("news.tags.whaling", "news.articles.raw", "other.news.tags.x"),
          TopicSet.DEFAULT);

  @Test
  void shouldKnowTaxonomyTagsAndTagsThatHaveATopic() {
    assertThat(catalog.known()).containsExactly("middle-east", "narcotics", "whaling");
  }

  @Test
  void shouldRejectAnUnknownTagListingTheKnownOnes() {
    assertThatThrownBy(() -> catalog.check(List.of("narcotics", "narcotic")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown tag 'narcotic'")
        .hasMessageContaining("Known tags: middle-east, narcotics, whaling");
  }
}
