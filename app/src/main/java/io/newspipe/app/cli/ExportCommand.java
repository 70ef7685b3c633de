package io.newspipe.app.cli;

import io.newspipe.store.ArticleExport;
import io.newspipe.store.ArticleFilter;
import io.newspipe.store.ArticleStore;
import io.newspipe.store.Stores;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newspipe export}: the stored articles the filters cover, as CSV or JSON Lines. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export the stored articles (store.url / --store) the filters cover, oldest first, as CSV"
          + " (with a header row) or JSON Lines, streamed: memory does not grow with the store.",
      "Columns: id, version, published, received, source, language, url, headline, tags (a|b in"
          + " CSV), storyId, withdrawn. Withdrawn articles are left out unless"
          + " --include-withdrawn.",
      "  newspipe export --tag narcotics --since 2024-06-01 > narcotics.csv",
      "  newspipe export --format jsonl --tag a --tag b --all-tags --out both.jsonl"
    })
public final class ExportCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Mixin ArticleFilterOptions filter;

  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "csv (default) or jsonl.",
      defaultValue = "csv")
  String format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write to FILE (replaced only when the export is complete) instead of stdout.")
  Path out;

  @Override
  public Integer call() throws IOException {
    ArticleExport.Format chosen = ArticleExport.Format.parse(format);
    ArticleFilter articles = filter.filter(); // bad filters are reported before the store opens
    String url = config.settings().storeUrl();
    long rows;
    try (ArticleStore store = Stores.openExisting(url)) {
      if (out == null) {
        OutputStream stdout = new BufferedOutputStream(System.out, 1 << 16);
        rows = write(store, articles, chosen, stdout);
        stdout.flush();
      } else {
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        try (OutputStream file =
            new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
          rows = write(store, articles, chosen, file);
        } catch (IOException | RuntimeException e) {
          Files.deleteIfExists(partial);
          throw e;
        }
        Files.move(
            partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    }
    spec.commandLine()
        .getErr()
        .println(
            "exported "
                + rows
                + " articles"
                + (out == null ? "" : " to " + out)
                + " from "
                + Stores.describe(url));
    return 0;
  }

  private static long write(
      ArticleStore store, ArticleFilter articles, ArticleExport.Format format, OutputStream to)
      throws IOException {
    try (ArticleExport export = ArticleExport.open(format, to)) {
      store.export(articles, export);
      return export.rows();
    }
  }
}
