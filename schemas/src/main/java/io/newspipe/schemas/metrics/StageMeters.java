package io.newspipe.schemas.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Objects;

/**
 * The meters every pipeline stage (ingest, enrich, sink) keeps under the same names, so one
 * dashboard reads them all: records in and out, dead letters by reason, and processing time. The
 * registry is the process's one {@link MeterRegistry}, created by {@code app} and passed in.
 */
public final class StageMeters {

  /** Records a stage took in: documents and feed items (ingest), Kafka records (enrich, sink). */
  public static final String RECORDS_IN = "newspipe.stage.records.in";

  /** Records a stage wrote on: to the raw topic, the tagged topic, or the store. */
  public static final String RECORDS_OUT = "newspipe.stage.records.out";

  /** Records sent to the dead-letter topic, tagged {@code stage} and {@code reason}. */
  public static final String DEAD_LETTERS = "newspipe.stage.dead.letters";

  /** Time spent processing one record (ingest, enrich) or one batch (sink). */
  public static final String PROCESSING = "newspipe.stage.processing";

  private final MeterRegistry registry;
  private final String stage;
  private final Counter in;
  private final Counter out;
  private final Timer processing;

  private StageMeters(MeterRegistry registry, String stage) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.stage = Objects.requireNonNull(stage, "stage");
    this.in =
        Counter.builder(RECORDS_IN)
            .description("Records taken in by a pipeline stage")
            .tag("stage", stage)
            .register(registry);
    this.out =
        Counter.builder(RECORDS_OUT)
            .description("Records written on by a pipeline stage")
            .tag("stage", stage)
            .register(registry);
    this.processing =
        Timer.builder(PROCESSING)
            .description("Time a stage spends on a record (a batch for the sink)")
            .tag("stage", stage)
            .register(registry);
  }

  /** The meters of {@code stage} in {@code registry} (registering them on first use). */
  public static StageMeters of(MeterRegistry registry, String stage) {
    return new StageMeters(registry, stage);
  }

  /** A registry for code that does not export its meters (tests, one-shot commands). */
  public static MeterRegistry detached() {
    return new SimpleMeterRegistry();
  }

  public MeterRegistry registry() {
    return registry;
  }

  public String stage() {
    return stage;
  }

  public void recordsIn(long n) {
    in.increment(n);
  }

  public void recordsOut(long n) {
    out.increment(n);
  }

  /** Counts one dead letter; {@code reason} is the error's class (low cardinality). */
  public void deadLetter(Throwable reason) {
    deadLetter(reason == null ? "unknown" : reason.getClass().getSimpleName());
  }

  /** Counts one dead letter with a reason name. */
  public void deadLetter(String reason) {
    deadLetters(reason).increment();
  }

  public Counter deadLetters(String reason) {
    return Counter.builder(DEAD_LETTERS)
        .description("Records sent to the dead-letter topic")
        .tag("stage", stage)
        .tag("reason", reason)
        .register(registry);
  }

  public Timer processing() {
    return processing;
  }

  /** Records taken in so far. */
  public long in() {
    return (long) in.count();
  }

  /** Records written on so far. */
  public long out() {
    return (long) out.count();
  }

  /** Dead letters of this stage so far, whatever the reason. */
  public long deadLettered() {
    return (long)
        registry.find(DEAD_LETTERS).tag("stage", stage).counters().stream()
            .mapToDouble(Counter::count)
            .sum();
  }
}
