package io.newspipe.bench;

import io.newspipe.schemas.EventTypes;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.store.ArticleStore;
import io.newspipe.store.Stores;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills a store with N articles for the export measurement ({@code bench/export-memory}): the
 * articles of {@link SinkThroughput#article} (about 2 KB of body, 2 tags with evidence, 2 entities,
 * stories of 10), written straight through the store in batches, without Kafka.
 *
 * <pre>
 * java -cp ... io.newspipe.bench.ExportFill --articles 100000 --store sqlite:/tmp/export.db
 * </pre>
 */
public final class ExportFill {
  private static final int BATCH = 1000;

  private ExportFill() {}

  public static void main(String[] args) {
    EventTypes.trust();
    int articles = 100_000;
    String url = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--articles" -> articles = Integer.parseInt(args[++i]);
        case "--store" -> url = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (url == null) {
      throw new IllegalArgumentException("give --store sqlite:PATH or a PostgreSQL URL");
    }
    long start = System.nanoTime();
    try (ArticleStore store = Stores.open(url)) {
      List<TaggedArticle> batch = new ArrayList<>(BATCH);
      for (int i = 0; i < articles; i++) {
        batch.add(SinkThroughput.article(i));
        if (batch.size() == BATCH || i == articles - 1) {
          store.write(batch, "bench-export", Map.of());
          batch.clear();
        }
      }
      System.out.printf(
          "filled %s with %d articles in %.1f s (%d stored)%n",
          Stores.describe(url), articles, (System.nanoTime() - start) / 1e9, store.articleCount());
    }
  }
}
