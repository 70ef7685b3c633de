package io.newspipe.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleIdsTest {

  private static final Instant T = Instant.parse("2025-03-14T09:30:00Z");

  @Test
  void shouldDeriveTheSameFeedItemIdEveryTime() {
    String id = ArticleIds.forFeedItem("wire", "guid-1", "https://x/1", "Title", T);

    assertThat(id).isEqualTo(ArticleIds.forFeedItem("wire", "guid-1", "https://x/1", "Title", T));
    assertThat(id).matches("wire:[0-9a-f]{16}");
  }

  @Test
  void shouldPreferGuidThenLinkThenTitleAndTime() {
    String byGuid = ArticleIds.forFeedItem("wire", "guid-1", "https://x/1", "A", T);

    assertThat(ArticleIds.forFeedItem("wire", "guid-1", "https://x/other", "B", null))
        .as("a guid identifies the item even if link and title change")
        .isEqualTo(byGuid);
    assertThat(ArticleIds.forFeedItem("wire", " ", "https://x/1", "A", T))
        .isEqualTo(ArticleIds.forFeedItem("wire", null, "https://x/1", "changed", null))
        .isNotEqualTo(byGuid);
    assertThat(ArticleIds.forFeedItem("wire", null, null, "A", T))
        .isNotEqualTo(ArticleIds.forFeedItem("wire", null, null, "A", T.plusSeconds(1)));
  }

  @Test
  void shouldScopeIdsBySource() {
    assertThat(ArticleIds.forFeedItem("a", "g", null, null, null))
        .startsWith("a:")
        .isNotEqualTo(ArticleIds.forFeedItem("b", "g", null, null, null));
    assertThat(ArticleIds.forFile("a", "x.txt")).isNotEqualTo(ArticleIds.forFile("b", "x.txt"));
  }

  @Test
  void shouldKeepPlainFileNamesAsTheyAlwaysWere() {
    assertThat(ArticleIds.forFile("seeds", "blinken-meets-xi.txt"))
        .isEqualTo("seeds:blinken-meets-xi.txt");
    assertThat(ArticleIds.forFile("seeds", "world/2024_06/xi.v2.txt"))
        .isEqualTo("seeds:world/2024_06/xi.v2.txt");
    assertThat(ArticleIds.forFile("seeds", "sub\\dir\\x.txt")).isEqualTo("seeds:sub/dir/x.txt");
  }

  @Test
  void shouldSlugOtherPathsWithAHashOfTheExactPath() {
    assertThat(ArticleIds.forFile("seeds", "World News/Blinken Meets Xi.TXT"))
        .matches("seeds:world-news/blinken-meets-xi~[0-9a-f]{16}\\.txt");
    assertThat(ArticleIds.forFile("seeds", "Über  Café -- (draft).md"))
        .matches("seeds:uber-cafe-draft-~[0-9a-f]{16}\\.md");
    assertThat(ArticleIds.forFile("seeds", "???")).matches("seeds:unnamed~[0-9a-f]{16}");
    assertThat(ArticleIds.forFile("seeds", "README")).isEqualTo("seeds:readme~" + hashOf("README"));
  }

  @Test
  void shouldGiveNamesThatSlugAlikeDifferentIdsStableAcrossCalls() {
    String a = ArticleIds.forFile("s", "Foo Bar.txt");
    String b = ArticleIds.forFile("s", "foo-bar.txt");
    String c = ArticleIds.forFile("s", "FOO  BAR.TXT");

    assertThat(List.of(a, b, c)).doesNotHaveDuplicates();
    assertThat(b).isEqualTo("s:foo-bar.txt");
    assertThat(a).isEqualTo(ArticleIds.forFile("s", "Foo Bar.txt"));
  }

  private static String hashOf(String path) {
    return ArticleIds.shortHash("path:" + path);
  }

  @Test
  void shouldRejectSourceIdsThatWouldMangleArticleIds() {
    assertThat(ArticleIds.requireValidSourceId("seeds-2.a_b")).isEqualTo("seeds-2.a_b");
    assertThatThrownBy(() -> ArticleIds.requireValidSourceId("Seeds:1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Seeds:1'")
        .hasMessageContaining("lower-case");
  }
}
