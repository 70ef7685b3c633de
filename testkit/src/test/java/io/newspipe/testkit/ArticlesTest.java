package io.newspipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.schemas.Article;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.Topics;
import org.junit.jupiter.api.Test;

class ArticlesTest {

  @Test
  void shouldBuildAnArticleThatSurvivesAvroEncoding() {
    Article article = Articles.article("a1", "Headline", "Body");
    byte[] bytes = Topics.RAW.valueSerde().serializer().serialize("t", article);

    assertThat(Topics.RAW.valueSerde().deserializer().deserialize("t", bytes)).isEqualTo(article);
    assertThat(article.getSource().getId()).isEqualTo("test");
    assertThat(article.getVersion()).isEqualTo(1);
  }

  @Test
  void shouldHashEqualTextEquallyAndDifferentTextDifferently() {
    assertThat(Articles.article("a", "h", "b").getContentHash())
        .isEqualTo(Articles.article("z", "h", "b").getContentHash())
        .isNotEqualTo(Articles.article("a", "h", "c").getContentHash())
        .hasSize(64);
  }

  @Test
  void shouldTagAnArticle() {
    TaggedArticle tagged =
        Articles.tagged(Articles.article("a1", "h", "b"), Articles.tag("narcotics"));

    assertThat(tagged.getTags()).extracting(t -> t.getId()).containsExactly("narcotics");
    assertThat(Topics.TAGGED.valueSerde().serializer().serialize("t", tagged)).isNotEmpty();
  }
}
