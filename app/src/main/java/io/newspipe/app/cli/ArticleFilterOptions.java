package io.newspipe.app.cli;

import io.newspipe.read.Dates;
import io.newspipe.store.ArticleFilter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The article filters {@code search} and {@code export} share, as the web API takes them: several
 * tags (any, or all with {@code --all-tags}), source, language, publication range, withdrawn.
 */
public final class ArticleFilterOptions {

  @Option(
      names = "--tag",
      paramLabel = "ID",
      split = ",",
      description = "Only articles with this tag; repeat (or a,b) for any of several tags.")
  List<String> tags = List.of();

  @Option(names = "--all-tags", description = "With several --tag: articles with all of them.")
  boolean allTags;

  @Option(names = "--source", paramLabel = "ID", description = "Only articles from this source.")
  String source;

  @Option(names = "--language", paramLabel = "LANG", description = "Only articles in LANG (en).")
  String language;

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description = "Only articles published since DATE (2024-06-01, 2024-06-01T08:00Z).")
  String since;

  @Option(
      names = "--until",
      paramLabel = "DATE",
      description = "Only articles published before DATE (a day counts whole).")
  String until;

  @Option(names = "--include-withdrawn", description = "Also withdrawn (killed) articles.")
  boolean includeWithdrawn;

  /**
   * @throws IllegalArgumentException for a malformed date or an empty range
   */
  ArticleFilter filter() {
    Set<String> tagIds = new LinkedHashSet<>();
    tags.stream().map(String::strip).filter(t -> !t.isEmpty()).forEach(tagIds::add);
    return new ArticleFilter(
        since == null ? null : Dates.since(since),
        until == null ? null : Dates.until(until),
        tagIds,
        allTags ? ArticleFilter.TagMatch.ALL : ArticleFilter.TagMatch.ANY,
        source,
        language,
        includeWithdrawn);
  }
}
