package io.newspipe.app.cli;

import io.newspipe.app.config.Settings;
import io.newspipe.store.ArticleStore;
import io.newspipe.store.SearchHit;
import io.newspipe.store.SearchQuery;
import io.newspipe.store.Stores;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newspipe search}: full-text search of the store, best match first. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search headlines and bodies in the store (store.url / --store), best match first.",
      "QUERY is web-search syntax: all words must match, \"a phrase\" in order, a OR b, -word"
          + " excludes. Word forms match (seized finds seize). Withdrawn articles are hidden.",
      "  newspipe search Blinken --tag narcotics",
      "  newspipe search captagon --tag narcotics --tag middle-east --all-tags --language en",
      "  newspipe search '\"drone strike\" -ukraine' --since 2024-06-01 --json | jq .headline"
    })
public final class SearchCommand implements Callable<Integer> {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

  @Mixin ConfigOptions config;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "QUERY", arity = "1..*", description = "Words to look for.")
  List<String> words;

  @Mixin ArticleFilterOptions filter;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Hits per page, 1-" + SearchQuery.MAX_LIMIT + " (default: 20).")
  int limit = SearchQuery.DEFAULT_LIMIT;

  @Option(names = "--offset", paramLabel = "N", description = "Hits to skip (next pages).")
  int offset;

  @Option(names = "--json", description = "One JSON object per hit instead of text.")
  boolean json;

  @Override
  public Integer call() {
    SearchQuery query = query(); // a bad query is reported before the store is opened
    Settings settings = config.settings();
    String url = settings.storeUrl();
    List<SearchHit> hits;
    try (ArticleStore store = Stores.openExisting(url)) {
      hits = store.search(query);
    }
    PrintWriter out = spec.commandLine().getOut();
    for (int i = 0; i < hits.size(); i++) {
      out.println(json ? Json.line(map(hits.get(i))) : text(offset + i + 1, hits.get(i)));
    }
    if (!json && hits.isEmpty()) {
      spec.commandLine().getErr().println("no articles match in " + Stores.describe(url));
    }
    out.flush();
    return 0;
  }

  private SearchQuery query() {
    try {
      return new SearchQuery(String.join(" ", words), filter.filter(), limit, offset);
    } catch (IllegalArgumentException e) {
      // Said plainly, without the usage text, which would bury the one line that matters.
      throw new IllegalArgumentException(
          e.getMessage() + " (see 'newspipe search --help' for the query syntax)", e);
    }
  }

  static String text(int rank, SearchHit h) {
    Instant when = h.publishedAt() != null ? h.publishedAt() : h.receivedAt();
    StringBuilder s = new StringBuilder();
    s.append(rank).append(". ").append(h.headline());
    if (h.withdrawn()) {
      s.append("  (WITHDRAWN)");
    }
    s.append(System.lineSeparator())
        .append("   ")
        .append(TIME.format(when))
        .append("  ")
        .append(h.sourceId())
        .append("  ")
        .append(h.id())
        .append("  tags: ")
        .append(h.tags().isEmpty() ? "-" : String.join(", ", h.tags()));
    if (h.snippet() != null && !h.snippet().isBlank()) {
      s.append(System.lineSeparator())
          .append("   ")
          .append(h.snippet().replaceAll("\\s+", " ").strip());
    }
    return s.toString();
  }

  static Map<String, Object> map(SearchHit h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", h.id());
    m.put("version", h.version());
    m.put("headline", h.headline());
    m.put("source", h.sourceId());
    m.put("language", h.language());
    m.put("publishedAt", h.publishedAt() == null ? null : h.publishedAt().toString());
    m.put("receivedAt", h.receivedAt().toString());
    m.put("withdrawn", h.withdrawn());
    m.put("score", h.score());
    m.put("tags", h.tags());
    m.put("snippet", h.snippet());
    return m;
  }
}
