package io.newspipe.enrich.topology;

import io.newspipe.schemas.DeadLetters;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records that cannot be decoded (random bytes, an unknown schema fingerprint) or that fail
 * while being tagged to the dead-letter topic, and lets the stream carry on. Uses Kafka Streams'
 * native dead-letter support (KIP-1034: handlers return the records to write, and Streams writes
 * them in the same transaction as the rest of the task's output), with the original key and value
 * bytes and newspipe's {@link DeadLetters} headers saying why and where from.
 *
 * <p>Configured by {@link EnrichTopology#errorHandling}: the topic comes from {@code
 * errors.dead.letter.queue.topic.name}; optional {@link EnrichMeters} from {@link
 * #COUNTERS_CONFIG}.
 */
public final class DeadLetterHandler
    implements DeserializationExceptionHandler, ProcessingExceptionHandler {

  /** Config key holding an {@link EnrichMeters} instance to count dead letters in. */
  public static final String COUNTERS_CONFIG = "newspipe.enrich.counters";

  /** The pipeline stage named in the {@link DeadLetters#STAGE} header. */
  public static final String STAGE = "enrich";

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

  private String topic;
  private EnrichMeters counters;

  @Override
  public void configure(Map<String, ?> configs) {
    Object name = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    if (name == null || name.toString().isBlank()) {
      throw new ConfigException(
          StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG
              + " is not set, so bad records would be lost: build the Streams config with"
              + " EnrichTopology.errorHandling(topics)");
    }
    topic = name.toString();
    counters = configs.get(COUNTERS_CONFIG) instanceof EnrichMeters c ? c : null;
  }

  @Override
  public DeserializationExceptionHandler.Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    return DeserializationExceptionHandler.Response.resume(
        List.of(
            deadLetter(
                context,
                record.key(),
                record.value(),
                record.headers(),
                exception,
                "the record is not a readable Article: fix its producer (or upgrade newspipe if the"
                    + " schema is newer)")));
  }

  @Override
  public ProcessingExceptionHandler.Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    return ProcessingExceptionHandler.Response.resume(
        List.of(
            deadLetter(
                context,
                context.sourceRawKey(),
                context.sourceRawValue(),
                context.headers(),
                exception,
                exception instanceof Tombstone
                    ? Tombstone.ADVICE
                    : "tagging failed: report it with the payload; after a fix, re-publish the"
                        + " payload")));
  }

  private ProducerRecord<byte[], byte[]> deadLetter(
      ErrorHandlerContext context,
      byte[] key,
      byte[] value,
      Headers original,
      Exception error,
      String advice) {
    LOG.warn(
        "enrich: record {}-{}@{} sent to dead-letter topic {} ({}: {}); the stream continues. {}",
        context.topic(),
        context.partition(),
        context.offset(),
        topic,
        error.getClass().getSimpleName(),
        error.getMessage(),
        advice);
    Headers headers = new RecordHeaders(original == null ? null : original.toArray());
    DeadLetters.describe(
        headers, STAGE, error, context.topic(), context.partition(), context.offset());
    if (counters != null) {
      counters.countDeadLetter(error);
    }
    return new ProducerRecord<>(topic, null, key, value, headers);
  }
}
