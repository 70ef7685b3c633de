package io.newspipe.ingest.source;

import static io.newspipe.ingest.Fixtures.CLOCK;
import static io.newspipe.ingest.Fixtures.bytes;
import static io.newspipe.ingest.Hostile.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.newspipe.ingest.Hostile;
import io.newspipe.ingest.format.ArticleParser;
import io.newspipe.schemas.Article;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * The hostile-input corpus for files: each class of bad input is dropped into a watched directory,
 * must end as a dead letter with a reason, as published articles, or as a skip with one log line,
 * and a normal article dropped afterwards must still be published: one file never stops the source.
 * Large inputs are generated here, never committed. The HTTP classes are in {@code HostileFeedsIT}.
 */
class HostileFilesTest {

  private static final SourceSettings FAST =
      SourceSettings.DEFAULTS
          .withSettleTime(Duration.ofMillis(50))
          .withRescanInterval(Duration.ofMillis(200));

  @TempDir Path dir;
  @TempDir Path outside;

  private final CollectingSink sink = new CollectingSink();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private DirectorySource source;
  private Thread watcher;

  /** What a hostile file must come to. */
  enum Outcome {
    DEAD_LETTERED,
    PUBLISHED,
    SKIPPED
  }

  /** Writes the hostile file(s) into the source directory (and may use the outside directory). */
  interface Setup {
    Path write(Path dir, Path outside) throws Exception;
  }

  @BeforeEach
  void captureLog() {
    log.start();
    ((Logger) LoggerFactory.getLogger(DirectorySource.class)).addAppender(log);
  }

  @AfterEach
  void stop() throws InterruptedException {
    ((Logger) LoggerFactory.getLogger(DirectorySource.class)).detachAppender(log);
    if (source != null) {
      source.close();
    }
    if (watcher != null) {
      watcher.join(5_000);
      assertThat(watcher.isAlive()).as("watcher stopped after close()").isFalse();
    }
  }

  static Stream<Arguments> classes() {
    return Stream.of(xmlClasses(), textClasses(), fileSystemClasses()).flatMap(c -> c);
  }

  private static Stream<Arguments> xmlClasses() {
    return Stream.of(
        hostile(
            "nested RSS description 100k deep",
            Outcome.DEAD_LETTERED,
            "nest more than",
            (d, o) -> write(d, "deep.rss", Hostile.nestedRss(Hostile.DEEP))),
        hostile(
            "nested Atom xhtml content 100k deep",
            Outcome.DEAD_LETTERED,
            "nest more than",
            (d, o) -> write(d, "deep.atom", Hostile.nestedAtom(Hostile.DEEP))),
        hostile(
            "unclosed tags 100k deep (lenient reader)",
            Outcome.DEAD_LETTERED,
            "nest more than",
            (d, o) -> write(d, "open.xml", Hostile.unclosedNesting(Hostile.DEEP))),
        hostile(
            "escaped HTML nested 100k deep",
            Outcome.PUBLISHED,
            "Escaped deep item",
            (d, o) -> write(d, "escaped.rss", Hostile.escapedNestedHtml(Hostile.DEEP))),
        hostile(
            "100k items",
            Outcome.DEAD_LETTERED,
            "more than 250000 elements",
            (d, o) -> write(d, "many.rss", Hostile.manyItems(100_000))),
        hostile(
            "XXE external entity",
            Outcome.DEAD_LETTERED,
            "declares entities",
            (d, o) ->
                write(
                    d,
                    "xxe.xml",
                    utf8(
                        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY"
                            + " x SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel><title>&x;"
                            + "</title></channel></rss>"))),
        hostile(
            "billion laughs",
            Outcome.DEAD_LETTERED,
            "declares entities",
            (d, o) -> write(d, "lol.xml", bytes("billion-laughs.xml"))),
        hostile(
            "external DTD never fetched",
            Outcome.PUBLISHED,
            "Good story",
            (d, o) ->
                write(
                    d,
                    "dtd.rss",
                    utf8(
                        "<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM"
                            + " \"http://127.0.0.1:9/evil.dtd\"><rss version=\"2.0\"><channel><title>T</title>"
                            + "<item><guid>d1</guid><title>Good story</title></item></channel></rss>"))),
        hostile(
            "XInclude of a local file",
            Outcome.PUBLISHED,
            "Included",
            (d, o) ->
                write(
                    d,
                    "xinclude.rss",
                    utf8(
                        "<?xml version=\"1.0\"?><rss version=\"2.0\""
                            + " xmlns:xi=\"http://www.w3.org/2001/XInclude\"><channel><title>T</title><item>"
                            + "<guid>x1</guid><title>Included</title><description><xi:include"
                            + " href=\"file:///etc/passwd\" parse=\"text\"/></description></item></channel>"
                            + "</rss>"))));
  }

  private static Stream<Arguments> textClasses() {
    return Stream.of(
        hostile(
            "empty file", Outcome.DEAD_LETTERED, "", (d, o) -> write(d, "empty.txt", new byte[0])),
        hostile(
            "whitespace only",
            Outcome.DEAD_LETTERED,
            "",
            (d, o) -> write(d, "blank.md", utf8(" \n\n\t\n"))),
        hostile(
            "binary bytes", Outcome.DEAD_LETTERED, "", (d, o) -> write(d, "noise.txt", noise())),
        hostile(
            "invalid UTF-8 text",
            Outcome.DEAD_LETTERED,
            "UTF-8",
            (d, o) ->
                write(
                    d,
                    "latin1.txt",
                    "Caf\u00e9 r\u00e9sum\u00e9\n\nBody.".getBytes(StandardCharsets.ISO_8859_1))),
        hostile(
            "wrong charset declared (UTF-16 said, UTF-8 sent)",
            Outcome.DEAD_LETTERED,
            "",
            (d, o) ->
                write(
                    d,
                    "charset.xml",
                    utf8(
                        "<?xml version=\"1.0\" encoding=\"UTF-16\"?>"
                            + "<rss version=\"2.0\"><channel><title>T</title><item><guid>c1</guid><title>"
                            + "Charset</title></item></channel></rss>"))),
        hostile(
            "50 MB file (generated, sparse)",
            Outcome.DEAD_LETTERED,
            "over the 10485760-byte limit",
            (d, o) -> sparse(d.resolve("huge.txt"), 50L * 1024 * 1024)),
        hostile(
            "deep JSON (ninjs) 100k deep",
            Outcome.DEAD_LETTERED,
            "",
            (d, o) -> write(d, "deep.json", Hostile.deepJson(Hostile.DEEP))),
        hostile(
            "HTML page saved as .xml",
            Outcome.DEAD_LETTERED,
            "not a feed",
            (d, o) ->
                write(
                    d,
                    "page.xml",
                    utf8("<!DOCTYPE html><html><body><p>Hi</p></body>" + "</html>"))),
        hostile(
            "control characters in XML",
            Outcome.PUBLISHED,
            "Controlled",
            (d, o) ->
                write(
                    d,
                    "ctrl.rss",
                    utf8(
                        "<?xml version=\"1.0\"?><rss version=\"2.0\">"
                            + "<channel><title>T</title><item><guid>k1</guid><title>Controlled\u0001\u0007"
                            + "</title></item></channel></rss>"))),
        hostile(
            "cut-off feed",
            Outcome.PUBLISHED,
            "",
            (d, o) -> write(d, "cut.rss", bytes("cut-off-feed.xml"))));
  }

  private static Stream<Arguments> fileSystemClasses() {
    return Stream.of(
        hostile(
            "odd file names",
            Outcome.PUBLISHED,
            "",
            (d, o) -> {
              write(d, "-leading dash.txt", utf8("Dash\n\nBody one."));
              write(d, "new\nline.txt", utf8("Newline\n\nBody two."));
              write(d, "\u202Eevil\u202Ctxt.md", utf8("Bidi\n\nBody three."));
              return write(d, "x".repeat(240) + ".txt", utf8("Long\n\nBody four."));
            }),
        hostile(
            "symlink to a file outside the source",
            Outcome.SKIPPED,
            "symbolic link",
            (d, o) ->
                Files.createSymbolicLink(
                    d.resolve("passwd.txt"), write(o, "secret.txt", utf8("Secret\n\nroot:x:0:0")))),
        hostile(
            "symlink to a directory outside the source",
            Outcome.SKIPPED,
            "symbolic link",
            (d, o) -> {
              write(o, "secret.txt", utf8("Secret\n\nroot:x:0:0"));
              return Files.createSymbolicLink(d.resolve("etc"), o);
            }),
        hostile(
            "FIFO named like an article",
            Outcome.SKIPPED,
            "not a regular file",
            (d, o) -> fifo(d.resolve("pipe.txt"))),
        hostile(
            "gzip file named .xml",
            Outcome.DEAD_LETTERED,
            "",
            (d, o) -> write(d, "zipped.xml", gzip(Hostile.goodRss("z1", "Zipped")))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("classes")
  void shouldContainEachHostileFileAndKeepPublishingAfterIt(
      String name, Outcome outcome, String clue, Setup setup) throws Exception {
    Path hostile = setup.write(dir, outside);
    source = new DirectorySource(dir, "desk", FAST, new ArticleParser(CLOCK), sink);
    source.importExisting();
    startWatching();

    switch (outcome) {
      case DEAD_LETTERED -> {
        assertThat(sink.rejections).as(name).hasSize(1);
        CollectingSink.Rejection r = sink.rejections.get(0);
        assertThat(r.document()).isEqualTo(hostile.toAbsolutePath().toString());
        assertThat(r.reason().getMessage())
            .contains(hostile.getFileName().toString())
            .contains(clue);
        assertThat(sink.articles).as(name).isEmpty();
      }
      case PUBLISHED -> {
        assertThat(sink.rejections).as(name).isEmpty();
        assertThat(sink.articles).as(name).isNotEmpty();
        assertThat(sink.articles.stream().map(Article::getHeadline).toList())
            .anySatisfy(h -> assertThat(h).contains(clue));
        assertThat(sink.articles.stream().map(a -> String.valueOf(a.getBody())).toList())
            .noneSatisfy(b -> assertThat(b).contains("root:x:0:0"));
      }
      default -> {
        assertThat(sink.rejections).as(name).isEmpty();
        assertThat(sink.articles).as(name).isEmpty();
        assertThat(logLines())
            .filteredOn(e -> e.getFormattedMessage().contains(hostile.toString()))
            .as("one line names the skipped path")
            .hasSize(1)
            .allSatisfy(e -> assertThat(e.getFormattedMessage()).contains(clue));
      }
    }

    LoggerFactory.getLogger(HostileFilesTest.class)
        .info(
            "hostile class '{}': {} ({})",
            name,
            outcome,
            sink.rejections.isEmpty()
                ? sink.articles.size() + " article(s)"
                : sink.rejections.get(0).reason().getMessage());
    int before = sink.articles.size();
    write(dir, "after.txt", utf8("Normal story after the hostile one\n\nIt is published."));
    await().atMost(Duration.ofSeconds(10)).until(() -> sink.ids().contains("desk:after.txt"));
    assertThat(sink.articles).hasSize(before + 1);
    if (outcome == Outcome.SKIPPED) {
      Thread.sleep(FAST.rescanInterval().toMillis() * 3); // several rescans: still one line
      assertThat(logLines())
          .filteredOn(e -> e.getFormattedMessage().contains(hostile.toString()))
          .hasSize(1);
      assertThat(sink.articles).hasSize(before + 1);
    }
  }

  /**
   * The captured lines so far. The watcher thread appends while the test reads; logback appends
   * under the appender's monitor, so a copy taken under it is consistent.
   */
  private List<ILoggingEvent> logLines() {
    synchronized (log) {
      return new ArrayList<>(log.list);
    }
  }

  private void startWatching() {
    watcher =
        new Thread(
            () -> {
              try {
                source.watch();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            "hostile-watcher");
    watcher.start();
  }

  private static Arguments hostile(String name, Outcome outcome, String clue, Setup setup) {
    return Arguments.of(name, outcome, clue, setup);
  }

  private static Path write(Path dir, String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private static Path sparse(Path file, long size) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size);
    }
    return file;
  }

  private static Path fifo(Path file) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
    assertThat(p.waitFor()).as("mkfifo").isZero();
    return file;
  }

  private static byte[] noise() {
    byte[] b = new byte[64 * 1024];
    new Random(42).nextBytes(b);
    return b;
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    var out = new java.io.ByteArrayOutputStream();
    try (var gz = new java.util.zip.GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }
}
