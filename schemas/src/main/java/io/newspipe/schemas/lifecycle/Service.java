package io.newspipe.schemas.lifecycle;

import java.time.Duration;

/**
 * The one lifecycle every long-running newspipe service follows (ingest, enrich, sink, web): start,
 * become ready, report health, close within a deadline. {@code up} runs several of them through one
 * runner; a service command runs one. It lives in {@code schemas} because that is the only module
 * every stage depends on; the runner that drives it lives in {@code app}.
 */
public interface Service extends AutoCloseable {

  /** A short stable name: {@code ingest}, {@code enrich}, {@code sink}, {@code web}. */
  String name();

  /** Starts the service's threads; returns without waiting for it to be ready. */
  void start();

  /**
   * Waits until the service is ready (see {@link Health#ready()}), at most {@code timeout}; gives
   * up at once when it is no longer live (it stopped or failed).
   *
   * @return whether it became ready in time
   */
  default boolean awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Health h = health();
      if (h.ready()) {
        return true;
      }
      if (!h.live() || System.nanoTime() - deadline >= 0) {
        return false;
      }
      Thread.sleep(50);
    }
  }

  /** Liveness and readiness now; cheap enough to call on every health probe. */
  Health health();

  /** Stops, finishing or committing work in flight, waiting at most {@code deadline}. */
  void close(Duration deadline);

  /** Closes with the default deadline of 30 s. */
  @Override
  default void close() {
    close(Duration.ofSeconds(30));
  }
}
