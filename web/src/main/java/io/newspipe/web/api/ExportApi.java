package io.newspipe.web.api;

import io.javalin.http.Context;
import io.newspipe.store.ArticleExport;
import io.newspipe.store.ArticleFilter;
import io.newspipe.store.ArticleQueries;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/articles/export?format=csv|jsonl&<the list filters>}: every article the filters
 * cover, oldest first, streamed from a store cursor straight to the response (chunked, never the
 * whole export in memory). A failure after the first bytes cannot become an error status any more:
 * the response then ends early, and the server log says why.
 */
final class ExportApi {
  private static final Logger LOG = LoggerFactory.getLogger(ExportApi.class);

  private final ArticleQueries store;

  ExportApi(ArticleQueries store) {
    this.store = store;
  }

  void handle(Context ctx) throws IOException {
    Map<String, List<String>> parameters = ctx.queryParamMap();
    FilterParameters.checkNames(parameters, Set.of("format"));
    ArticleExport.Format format;
    try {
      String text = FilterParameters.text(parameters, "format");
      format = ArticleExport.Format.parse(text == null ? "csv" : text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter("format", e.getMessage());
    }
    ArticleFilter filter = FilterParameters.parse(parameters);
    ctx.status(200);
    ctx.contentType(format.contentType());
    ctx.header("Cache-Control", "no-store");
    ctx.header(
        "Content-Disposition", "attachment; filename=\"articles." + format.extension() + "\"");
    OutputStream out = ctx.res().getOutputStream();
    try (ArticleExport export = ArticleExport.open(format, out)) {
      store.export(filter, export);
    } catch (UncheckedIOException e) {
      // The client went away (or the connection broke): nothing to answer to.
      LOG.info("{} ended early: {}", ctx.path(), e.getMessage());
      return;
    } catch (RuntimeException e) {
      LOG.warn("{} failed after the response started; it ends incomplete", ctx.path(), e);
      ctx.res().getOutputStream().close();
      return;
    }
    out.flush();
  }
}
