package io.newspipe.ingest.source;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and timings shared by the sources.
 *
 * @param maxDocumentBytes a larger file (or stdin) is refused, not buffered
 * @param maxRejectedPayloadBytes at most this much of a rejected document is passed to {@link
 *     ArticleSink#reject}, so dead letters stay within Kafka's record size
 * @param rescanInterval how often a watched directory is re-listed in case the OS dropped a file
 *     event (WatchService can overflow, and polls slowly on some platforms)
 * @param settleTime how long a new or changed file must keep the same size and modification time
 *     before it is read, so half-written files are not published
 * @param followLinks whether symbolic links in a source directory are read; even then only links
 *     whose target lies inside the source directory are, so a source never reads outside itself
 */
public record SourceSettings(
    long maxDocumentBytes,
    int maxRejectedPayloadBytes,
    Duration rescanInterval,
    Duration settleTime,
    boolean followLinks) {

  public static final long DEFAULT_MAX_DOCUMENT_BYTES = 10L * 1024 * 1024;
  public static final int DEFAULT_MAX_REJECTED_PAYLOAD_BYTES = 1024 * 1024;

  /** Largest document any source may buffer, whatever is configured (it is held in memory). */
  public static final long MAX_DOCUMENT_BYTES_LIMIT = 1024L * 1024 * 1024;

  /**
   * 10 MiB documents, 1 MiB rejected payloads, rescan every 2 s, 300 ms settle time, symbolic links
   * not followed.
   */
  public static final SourceSettings DEFAULTS =
      new SourceSettings(
          DEFAULT_MAX_DOCUMENT_BYTES,
          DEFAULT_MAX_REJECTED_PAYLOAD_BYTES,
          Duration.ofSeconds(2),
          Duration.ofMillis(300),
          false);

  public SourceSettings {
    Objects.requireNonNull(rescanInterval, "rescanInterval");
    Objects.requireNonNull(settleTime, "settleTime");
    if (maxDocumentBytes < 1 || maxDocumentBytes > MAX_DOCUMENT_BYTES_LIMIT) {
      throw new IllegalArgumentException(
          "max document size "
              + maxDocumentBytes
              + " bytes is out of range: use 1 byte to 1 GiB (documents are held in memory)");
    }
    if (maxRejectedPayloadBytes < 0) {
      throw new IllegalArgumentException(
          "max rejected payload size must be >= 0 bytes, not " + maxRejectedPayloadBytes);
    }
    if (rescanInterval.toMillis() < 10) {
      throw new IllegalArgumentException(
          "rescan interval " + rescanInterval + " is too short: use at least 10 ms (e.g. PT2S)");
    }
    if (settleTime.isNegative()) {
      throw new IllegalArgumentException("settle time must not be negative, was " + settleTime);
    }
  }

  public SourceSettings withMaxDocumentBytes(long bytes) {
    return new SourceSettings(
        bytes, maxRejectedPayloadBytes, rescanInterval, settleTime, followLinks);
  }

  public SourceSettings withRescanInterval(Duration interval) {
    return new SourceSettings(
        maxDocumentBytes, maxRejectedPayloadBytes, interval, settleTime, followLinks);
  }

  public SourceSettings withSettleTime(Duration time) {
    return new SourceSettings(
        maxDocumentBytes, maxRejectedPayloadBytes, rescanInterval, time, followLinks);
  }

  public SourceSettings withFollowLinks(boolean follow) {
    return new SourceSettings(
        maxDocumentBytes, maxRejectedPayloadBytes, rescanInterval, settleTime, follow);
  }
}
