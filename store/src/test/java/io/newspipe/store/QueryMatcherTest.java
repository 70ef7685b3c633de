package io.newspipe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspipe.testkit.Articles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryMatcherTest {

  static final String HEADLINE = "Jordan seizes captagon haul near Syrian border";
  static final String BODY =
      "Jordanian troops seized two million pills. The drone strike on the smugglers' depot was"
          + " reported by residents of Ramtha. Officials named the café owner.";

  static final List<String> QUERIES =
      List.of(
          "captagon",
          "seized",
          "seize",
          "\"drone strike\"",
          "\"strike drone\"",
          "captagon -ukraine",
          "captagon -syrian",
          "heroin OR captagon",
          "heroin OR cocaine",
          "cafe",
          "CAPTAGON jordan",
          "captagon AND",
          "col:captagon",
          "pills*",
          "troop");

  @Test
  void shouldMatchExactlyWhatSearchFindsInTheSqliteStore(@TempDir Path dir) {
    try (SqliteStore store = SqliteStore.open(dir.resolve("s.db"));
        QueryMatcher matcher = QueryMatcher.open()) {
      store.write(
          List.of(Articles.tagged(Articles.article("wire:a1", HEADLINE, BODY))), "g", Map.of());
      matcher.load(HEADLINE, BODY);
      int matched = 0;
      for (String q : QUERIES) {
        boolean found = !store.search(SearchQuery.of(q)).isEmpty();
        assertThat(matcher.matches(q)).as("query %s", q).isEqualTo(found);
        matched += found ? 1 : 0;
      }
      // Both outcomes are exercised, so the comparison means something.
      assertThat(matched).isBetween(3, QUERIES.size() - 3);
    }
  }

  @Test
  void shouldStemLikeTheStoreAndHonourPhrasesOrAndExclusions() {
    try (QueryMatcher matcher = QueryMatcher.open()) {
      matcher.load(HEADLINE, BODY);
      assertThat(matcher.matches("seize")).isTrue();
      assertThat(matcher.matches("\"drone strike\"")).isTrue();
      assertThat(matcher.matches("\"strike drone\"")).isFalse();
      assertThat(matcher.matches("heroin OR captagon")).isTrue();
      assertThat(matcher.matches("captagon -syrian")).isFalse();
      matcher.load("Another story", "about elections");
      assertThat(matcher.matches("captagon")).isFalse();
      assertThat(matcher.matches("election")).isTrue();
    }
  }

  @Test
  void shouldRefuseQueriesWithNothingToLookFor() {
    assertThatThrownBy(() -> QueryMatcher.validate("-ukraine"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only excludes");
    assertThatThrownBy(() -> QueryMatcher.validate("!!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no words");
    assertThat(QueryMatcher.validate("captagon")).isEqualTo("\"captagon\"");
  }
}
