package io.newspipe.ingest.source;

import static io.newspipe.ingest.Fixtures.CLOCK;
import static io.newspipe.ingest.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.ingest.format.ArticleParser;
import io.newspipe.schemas.Article;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkImportTest {

  @TempDir Path tmp;

  private final CollectingSink sink = new CollectingSink();
  private final List<BulkImport.Counts> progress = new ArrayList<>();
  private final BulkImport bulk =
      new BulkImport(new ArticleParser(CLOCK), SourceSettings.DEFAULTS, sink);

  @Test
  void shouldImportADirectoryTreeAndReportCountsAndProgress() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("Wire Archive/2025"));
    Files.writeString(dir.resolve("a.txt"), "Headline A\n\nBody A.");
    Files.write(dir.resolve("feed.xml"), bytes("rss2-feed.xml"));
    Files.writeString(dir.resolve("bad.xml"), "<?xml version=\"1.0\"?><rss><channel>");
    Path root = tmp.resolve("Wire Archive");

    BulkImport.Counts counts = bulk.run(root, BulkImport.sourceIdFor(root), progress::add);

    assertThat(BulkImport.sourceIdFor(root)).isEqualTo("wire-archive");
    assertThat(counts.files()).isEqualTo(3);
    assertThat(counts.rejected()).isEqualTo(1);
    assertThat(counts.articles()).isEqualTo(sink.articles.size()).isGreaterThan(1);
    assertThat(counts.bytesDone()).isEqualTo(counts.bytesTotal());
    assertThat(progress).hasSize(3);
    assertThat(sink.articles).extracting(Article::getId).contains("wire-archive:2025/a.txt");
  }

  @Test
  void shouldStreamThroughZipAndTarGzArchives() throws Exception {
    Path zip = tmp.resolve("batch.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (int i = 0; i < 3; i++) {
        out.putNextEntry(new ZipEntry("day/" + i + ".txt"));
        out.write(("Zip headline " + i + "\n\nBody.").getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    Path tgz = tmp.resolve("batch.tar.gz");
    try (OutputStream file = Files.newOutputStream(tgz);
        TarArchiveOutputStream tar =
            new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
      byte[] body = "Tar headline\n\nBody.".getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry entry = new TarArchiveEntry("x/story.md");
      entry.setSize(body.length);
      tar.putArchiveEntry(entry);
      tar.write(body);
      tar.closeArchiveEntry();
    }

    BulkImport.Counts fromZip = bulk.run(zip, "batch", progress::add);
    BulkImport.Counts fromTar = bulk.run(tgz, "batch", progress::add);

    assertThat(fromZip.articles()).isEqualTo(3);
    assertThat(fromTar.articles()).isEqualTo(1);
    assertThat(sink.articles)
        .extracting(Article::getId)
        .contains("batch:day/0.txt", "batch:x/story.md");
  }
}
