package io.newspipe.web.api;

import io.javalin.http.Context;
import io.newspipe.store.ArticleExport;
import io.newspipe.store.ArticleFilter;
import io.newspipe.store.ArticleQueries;
import java.io.FilterOutputStream;
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
 * whole export in memory). A store failure before the first bytes left is a 503 as elsewhere; one
 * after them cannot change the status any more: the server log says why the export is short.
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
    // Flushes are left to the servlet's buffer, which commits the response only when full or at
    // the end: a store that fails at the start still gets its error status (503) instead of a
    // header row that looks like an empty export.
    OutputStream out =
        new FilterOutputStream(ctx.res().getOutputStream()) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            this.out.write(b, off, len);
          }

          @Override
          public void flush() {
            // see above
          }

          @Override
          public void close() {
            // the servlet container ends the response
          }
        };
    try (ArticleExport export = ArticleExport.open(format, out)) {
      store.export(filter, export);
    } catch (UncheckedIOException e) {
      // The client went away (or the connection broke): nothing to answer to.
      LOG.info("{} ended early: {}", ctx.path(), e.getMessage());
    } catch (RuntimeException e) {
      if (!ctx.res().isCommitted()) {
        ctx.res().reset(); // nothing sent yet: answer with the error instead
        throw e;
      }
      LOG.warn("{} failed after the response started; it ends incomplete", ctx.path(), e);
    }
  }
}
