package io.newspipe.ingest;

import io.newspipe.ingest.publish.ArticlePublisher;
import io.newspipe.ingest.source.FileLedger;
import io.newspipe.schemas.FeedState;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link FileLedger} of watched directories, kept where feed state already lives: the compacted
 * topic {@code news.ingest.state}, one record per file, keyed {@code file:<source id>:<relative
 * path>} (feed ids cannot hold ':', so the keys never meet). The value is a {@link FeedState} whose
 * {@code itemHashes} hold {@code sha256} (the digest handled) and {@code outcome} ({@code
 * published} or {@code dead-lettered}). It lives and dies with the articles it describes: a wiped
 * cluster re-reads every file, as it should.
 *
 * <p>A record is written only after the brokers acknowledged the article(s) or the dead letter it
 * describes, so a crash re-reads a file rather than losing it.
 */
final class FileStateLedger implements FileLedger {

  private static final Logger LOG = LoggerFactory.getLogger(FileStateLedger.class);
  static final String KEY_PREFIX = "file:";

  private final ArticlePublisher publisher;
  private final Supplier<Map<String, FeedState>> saved;
  private final Clock clock;
  private final Map<String, String> digests = new ConcurrentHashMap<>();
  private volatile boolean loaded;

  /** Writes the state records off the producer's I/O thread, in order. */
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "newspipe-file-state");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param saved the state topic's records by key, read when first needed
   */
  FileStateLedger(ArticlePublisher publisher, Supplier<Map<String, FeedState>> saved, Clock clock) {
    this.publisher = publisher;
    this.saved = saved;
    this.clock = clock;
  }

  static String key(String sourceId, String relativePath) {
    return KEY_PREFIX + sourceId + ":" + relativePath;
  }

  private void load() {
    if (loaded) {
      return;
    }
    synchronized (this) {
      if (!loaded) {
        int files = 0;
        for (Map.Entry<String, FeedState> e : saved.get().entrySet()) {
          String digest = e.getValue().getItemHashes().get("sha256");
          if (e.getKey().startsWith(KEY_PREFIX) && digest != null) {
            digests.putIfAbsent(e.getKey(), digest);
            files++;
          }
        }
        LOG.info("{} file(s) known from earlier runs; unchanged ones are not read again", files);
        loaded = true;
      }
    }
  }

  @Override
  public String lastDigest(String sourceId, String relativePath) {
    load();
    return digests.get(key(sourceId, relativePath));
  }

  @Override
  public void handled(
      String sourceId,
      String relativePath,
      String uri,
      String digest,
      boolean deadLettered,
      CompletableFuture<?> stored) {
    String key = key(sourceId, relativePath);
    stored.thenRunAsync(
        () -> {
          digests.put(key, digest);
          publisher.publishState(
              FeedState.newBuilder()
                  .setFeedId(key)
                  .setUrl(uri == null ? "" : uri)
                  .setItemHashes(
                      Map.of(
                          "sha256",
                          digest,
                          "outcome",
                          deadLettered ? "dead-lettered" : "published"))
                  .setItemVersions(Map.of())
                  .setPolledAt(clock.instant())
                  .build());
        },
        writer);
  }

  /**
   * Waits until every record of what was acknowledged so far has been handed to the producer; call
   * after a flush of the articles, then flush again.
   */
  void drain() {
    try {
      writer.submit(() -> {}).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("could not record which files were read ({}); they are read again next time", e);
    }
  }

  void close() {
    writer.shutdown();
  }
}
