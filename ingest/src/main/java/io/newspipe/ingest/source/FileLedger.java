package io.newspipe.ingest.source;

import java.util.concurrent.CompletableFuture;

/**
 * What earlier runs did with each file of a watched directory, so that a restart neither publishes
 * an unchanged file again nor dead-letters an unchanged bad file again. Keyed by source id and the
 * file's path relative to the source directory; the digest is the SHA-256 of the bytes read (or,
 * for a file that could not be read, of its size and modification time).
 *
 * <p>Implementations must be thread-safe.
 */
public interface FileLedger {

  /** The digest last handled for this file by an earlier run, or null if none is known. */
  String lastDigest(String sourceId, String relativePath);

  /**
   * Records that the file with this digest was published or dead-lettered, once {@code stored}
   * completes normally (if it fails, nothing is recorded and the next run reads the file again).
   */
  void handled(
      String sourceId,
      String relativePath,
      String uri,
      String digest,
      boolean deadLettered,
      CompletableFuture<?> stored);

  /** Remembers nothing: every run reads every file (tests, one-shot tools). */
  FileLedger NONE =
      new FileLedger() {
        @Override
        public String lastDigest(String sourceId, String relativePath) {
          return null;
        }

        @Override
        public void handled(
            String sourceId,
            String relativePath,
            String uri,
            String digest,
            boolean deadLettered,
            CompletableFuture<?> stored) {
          // nothing to remember
        }
      };
}
