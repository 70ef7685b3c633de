package io.newspipe.sink.consume;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newspipe.schemas.metrics.StageMeters;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The sink's meters: the {@link StageMeters} of stage {@code sink} (records polled in, articles
 * stored out, dead letters), store write latency, batch size, and the end-to-end latency from each
 * record's timestamp (the article's publication or receipt, which ingest stamps and enrich keeps)
 * to the database commit that stored it.
 */
final class SinkMeters {

  static final String STORE_WRITE = "newspipe.sink.store.write";
  static final String BATCH_SIZE = "newspipe.sink.batch.size";
  static final String END_TO_END = "newspipe.sink.end.to.end.latency";

  private final StageMeters stage;
  private final Timer storeWrite;
  private final DistributionSummary batchSize;
  private final Timer endToEnd;

  SinkMeters(MeterRegistry registry) {
    stage = StageMeters.of(registry, "sink");
    storeWrite =
        Timer.builder(STORE_WRITE)
            .description("Time to write one batch and its offsets to the store, commit included")
            .register(registry);
    batchSize =
        DistributionSummary.builder(BATCH_SIZE)
            .description("Records per polled batch written to the store")
            .baseUnit("records")
            .register(registry);
    // A histogram, not client-side percentiles, so the figures aggregate across sinks. Old
    // articles (a first import of an archive) have timestamps days back: the top bucket is wide.
    endToEnd =
        Timer.builder(END_TO_END)
            .description("From a record's timestamp (publication or receipt) to its store commit")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofDays(1))
            .register(registry);
  }

  StageMeters stage() {
    return stage;
  }

  /** One batch stored in {@code nanos}; its records' timestamps measured against {@code now}. */
  void stored(PolledBatch batch, long nanos, long nowMillis) {
    storeWrite.record(nanos, TimeUnit.NANOSECONDS);
    stage.processing().record(nanos, TimeUnit.NANOSECONDS);
    batchSize.record(batch.size());
    stage.recordsOut(batch.articles().size());
    for (PolledBatch.DeadLetter d : batch.deadLetters()) {
      stage.deadLetter(d.reason());
    }
    for (long timestamp : batch.timestamps()) {
      if (timestamp >= 0) {
        endToEnd.record(Math.max(0, nowMillis - timestamp), TimeUnit.MILLISECONDS);
      }
    }
  }
}
