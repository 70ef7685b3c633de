package io.newspipe.ingest.source;

import static io.newspipe.ingest.Fixtures.CLOCK;
import static io.newspipe.ingest.Fixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.newspipe.ingest.format.ArticleParser;
import io.newspipe.ingest.format.ParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySourceTest {

  private static final SourceSettings FAST =
      SourceSettings.DEFAULTS
          .withSettleTime(Duration.ofMillis(50))
          .withRescanInterval(Duration.ofMillis(200));

  @TempDir Path dir;

  private final CollectingSink sink = new CollectingSink();
  private DirectorySource source;
  private Thread watcher;

  @AfterEach
  void stop() throws InterruptedException {
    if (source != null) {
      source.close();
    }
    if (watcher != null) {
      watcher.join(2_000);
      assertThat(watcher.isAlive()).as("watcher stopped after close()").isFalse();
    }
  }

  private DirectorySource source(SourceSettings settings) {
    source = new DirectorySource(dir, "desk", settings, new ArticleParser(CLOCK), sink);
    return source;
  }

  private void startWatching() {
    watcher =
        new Thread(
            () -> {
              try {
                source.watch();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            },
            "test-watcher");
    watcher.start();
  }

  @Test
  void shouldPublishADocumentThatBreaksItsStandardsRulesRatherThanRejectIt() throws Exception {
    // a ninjs 1.0 document with a property 1.0 does not define: invalid, but readable
    Files.writeString(
        dir.resolve("ferry.json"),
        "{\"uri\": \"urn:test:ferry\", \"headline\": \"Ferry resumes\", \"mime_type\": \"x\","
            + " \"$standard\": {\"version\": \"1.3\", \"schema\":"
            + " \"http://www.iptc.org/std/ninjs/ninjs-schema_1.3.json\"}}");

    source(FAST).importExisting();

    assertThat(sink.articles)
        .singleElement()
        .satisfies(a -> assertThat(a.getHeadline()).isEqualTo("Ferry resumes"));
    assertThat(sink.rejections).isEmpty();
  }

  @Test
  void shouldImportSupportedFilesRecursivelyWithPathIds() throws Exception {
    Files.write(dir.resolve("harbour-strike.txt"), bytes("harbour-strike.txt"));
    Files.createDirectories(dir.resolve("Wire Feeds"));
    Files.write(dir.resolve("Wire Feeds/rss2-feed.xml"), bytes("rss2-feed.xml"));
    Files.write(dir.resolve("notes.pdf"), new byte[] {1, 2, 3});
    Files.write(dir.resolve(".hidden.txt"), bytes("harbour-strike.txt"));
    Files.write(dir.resolve("draft.txt~"), bytes("harbour-strike.txt"));

    int read = source(FAST).importExisting();

    assertThat(read).isEqualTo(2);
    assertThat(sink.ids()).hasSize(3).contains("desk:harbour-strike.txt");
    assertThat(sink.rejections).isEmpty();
    assertThat(source.filesRead()).isEqualTo(2);
  }

  @Test
  void shouldRejectUnparseableFileWithItsBytesAndCarryOn() throws Exception {
    Files.write(dir.resolve("a-broken.xml"), bytes("broken-feed.xml"));
    Files.write(dir.resolve("b-good.txt"), bytes("harbour-strike.txt"));

    source(FAST).importExisting();

    assertThat(sink.ids()).containsExactly("desk:b-good.txt");
    assertThat(sink.rejections).hasSize(1);
    CollectingSink.Rejection r = sink.rejections.get(0);
    assertThat(r.document()).isEqualTo(dir.resolve("a-broken.xml").toAbsolutePath().toString());
    assertThat(r.payload()).isEqualTo(bytes("broken-feed.xml"));
    assertThat(r.reason()).isInstanceOf(ParseException.class);
    assertThat(source.filesRejected()).isEqualTo(1);
  }

  @Test
  void shouldRefuseFileOverTheSizeLimitWithoutReadingItAll() throws Exception {
    Files.write(dir.resolve("huge.txt"), new byte[4096]);

    source(FAST.withMaxDocumentBytes(1000)).importExisting();

    assertThat(sink.articles).isEmpty();
    assertThat(sink.rejections).hasSize(1);
    assertThat(sink.rejections.get(0).reason())
        .isInstanceOf(DocumentTooLargeException.class)
        .hasMessageContaining("huge.txt is 4096 bytes, over the 1000-byte limit");
    assertThat(sink.rejections.get(0).payload().length)
        .isLessThanOrEqualTo(SourceSettings.DEFAULT_MAX_REJECTED_PAYLOAD_BYTES);
  }

  @Test
  void shouldCapRejectedPayloads() throws Exception {
    Files.write(dir.resolve("broken.xml"), bytes("broken-feed.xml"));

    source(new SourceSettings(1 << 20, 10, Duration.ofSeconds(1), Duration.ZERO, false))
        .importExisting();

    assertThat(sink.rejections.get(0).payload()).hasSize(10);
  }

  @Test
  void shouldFailClearlyWhenTheDirectoryIsMissing() {
    DirectorySource missing =
        new DirectorySource(dir.resolve("nope"), "desk", FAST, new ArticleParser(CLOCK), sink);

    assertThatThrownBy(missing::importExisting)
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("nope")
        .hasMessageContaining("source 'desk'")
        .hasMessageContaining("create it");
  }

  @Test
  void shouldPublishAFileDroppedWhileWatching() throws Exception {
    source(FAST).importExisting();
    startWatching();

    Path staged = dir.resolve(".incoming.tmp");
    Files.write(staged, bytes("harbour-strike.txt"));
    Files.move(staged, dir.resolve("dropped.txt"), StandardCopyOption.ATOMIC_MOVE);

    await().atMost(Duration.ofSeconds(5)).until(() -> sink.ids().contains("desk:dropped.txt"));
  }

  @Test
  void shouldRepublishAModifiedFileUnderTheSameIdButNotAnUnchangedOne() throws Exception {
    Path file = Files.write(dir.resolve("story.txt"), bytes("harbour-strike.txt"));
    source(FAST).importExisting();
    startWatching();

    // Touching without changing content is not news.
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
    Thread.sleep(400);
    assertThat(sink.articles).hasSize(1);

    Files.writeString(file, "Dock Strike Resumes\n\nWorkers walked out again.\n");
    await().atMost(Duration.ofSeconds(5)).until(() -> sink.articles.size() == 2);
    assertThat(sink.ids()).containsOnly("desk:story.txt");
    assertThat(sink.articles.get(1).getHeadline()).isEqualTo("Dock Strike Resumes");
  }

  @Test
  void shouldPickUpFilesInNewSubdirectories() throws Exception {
    source(FAST).importExisting();
    startWatching();

    Path sub = Files.createDirectories(dir.resolve("late/arrivals"));
    Files.write(sub.resolve("atom-feed.atom"), bytes("atom-feed.atom"));

    await().atMost(Duration.ofSeconds(5)).until(() -> sink.articles.size() == 2);
  }

  @Test
  void shouldStopWatchingWhenInterrupted() throws Exception {
    source(FAST);
    AtomicReference<Boolean> interruptedAfter = new AtomicReference<>();
    Thread t =
        new Thread(
            () -> {
              try {
                source.watch();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              interruptedAfter.set(Thread.currentThread().isInterrupted());
            });
    t.start();
    Thread.sleep(100);
    t.interrupt();
    t.join(2_000);

    assertThat(t.isAlive()).isFalse();
    assertThat(interruptedAfter.get()).as("interrupt flag kept").isTrue();
  }
}
