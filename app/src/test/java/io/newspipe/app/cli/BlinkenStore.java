package io.newspipe.app.cli;

import static io.newspipe.testkit.Articles.builder;
import static io.newspipe.testkit.Articles.tag;
import static io.newspipe.testkit.Articles.tagged;

import io.newspipe.schemas.TaggedArticle;
import io.newspipe.store.SqliteStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The store the {@code search} and {@code export} command tests read: two Blinken reports. */
final class BlinkenStore {
  private BlinkenStore() {}

  /**
   * Writes the two reports (and {@code more}) to a new SQLite file in {@code dir}.
   *
   * @return its store URL
   */
  static String write(Path dir, TaggedArticle... more) {
    Path db = dir.resolve("newspipe.db");
    List<TaggedArticle> articles = new ArrayList<>();
    articles.add(
        tagged(
            builder("seeds:blinken", "Blinken presses Jordan on captagon", "Talks in Amman.")
                .setPublishedAt(Instant.parse("2024-06-11T09:00:00Z"))
                .build(),
            tag("narcotics"),
            tag("middle-east")));
    articles.add(
        tagged(
            builder("seeds:other", "Blinken visits Kyiv", "Aid package.")
                .setPublishedAt(Instant.parse("2024-05-01T09:00:00Z"))
                .build(),
            tag("russia-ukraine-war")));
    articles.addAll(List.of(more));
    try (SqliteStore store = SqliteStore.open(db)) {
      store.write(articles, "newspipe-sink", Map.of());
    }
    return "sqlite:" + db;
  }
}
