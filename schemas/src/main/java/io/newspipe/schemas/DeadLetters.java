package io.newspipe.schemas;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;

/**
 * Header names carried by every record on {@link Topics#DLQ}. The value is the original bytes and
 * the key the original key; these headers say which stage rejected it, why, and where it came from,
 * so an operator can fix the cause and re-publish the payload.
 */
public final class DeadLetters {

  private DeadLetters() {}

  public static final String STAGE = "newspipe.dlq.stage";
  public static final String EXCEPTION = "newspipe.dlq.exception";
  public static final String MESSAGE = "newspipe.dlq.message";
  public static final String SOURCE_TOPIC = "newspipe.dlq.source.topic";
  public static final String SOURCE_PARTITION = "newspipe.dlq.source.partition";
  public static final String SOURCE_OFFSET = "newspipe.dlq.source.offset";
  public static final String SOURCE = "newspipe.dlq.source";
  public static final String TIME = "newspipe.dlq.time";

  /** Adds the reason headers to a dead letter. {@code origin} may be null (e.g. for a feed). */
  public static Headers describe(
      Headers headers,
      String stage,
      Throwable error,
      String sourceTopic,
      Integer partition,
      Long offset) {
    put(headers, STAGE, stage);
    put(headers, EXCEPTION, error.getClass().getName());
    put(headers, MESSAGE, String.valueOf(error.getMessage()));
    if (sourceTopic != null) {
      put(headers, SOURCE_TOPIC, sourceTopic);
    }
    if (partition != null) {
      put(headers, SOURCE_PARTITION, partition.toString());
    }
    if (offset != null) {
      put(headers, SOURCE_OFFSET, offset.toString());
    }
    put(headers, TIME, Instant.now().toString());
    return headers;
  }

  public static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a header as UTF-8, or null when absent. */
  public static String get(Headers headers, String name) {
    var header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
