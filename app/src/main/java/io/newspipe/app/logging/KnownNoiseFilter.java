package io.newspipe.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.newspipe.app.broker.BrokerProbe;
import java.util.List;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.protocol.Errors;
import org.slf4j.Marker;

/**
 * Drops log lines that are expected in a single-process pipeline and say nothing a user can act on:
 * Kafka client warnings (a consumer losing a partition during its first rebalance; a client closed
 * twice during shutdown), and Javalin's bare error when the web port is taken, which newspipe
 * reports itself with the flag that changes the port. Other lines of the same loggers still show.
 */
public final class KnownNoiseFilter extends TurboFilter {

  private static final List<String> NOISE =
      List.of(
          "Attempting to close NetworkClient that has already been closed",
          "Not updating last stable offset for partition",
          // newspipe's topology has no global stores, so the global thread's handler is moot.
          "Processing exception handler is not enabled for the GlobalThread",
          // A taken web port: newspipe reports it once, with the flag that changes the port.
          "Failed to start Javalin");

  /** The start-up probe of a configured cluster reports an unreachable one in one line itself. */
  private static final String STARTUP_CHECK = "clientId=" + BrokerProbe.CLIENT_ID;

  /**
   * With transaction version 2 (KIP-890, the default of Kafka 4) a transactional producer adds a
   * partition to its next transaction by simply producing to it. When that first batch reaches a
   * partition whose previous transaction's commit marker is not written yet, the broker answers
   * CONCURRENT_TRANSACTIONS; the batches pipelined behind it then arrive with sequence numbers the
   * partition has no state for, and the embedded broker logs each one as an ERROR with a stack
   * trace (ReplicaManager, OutOfOrderSequenceException) while the producer warns and retries them
   * all. The retries succeed and nothing is lost or duplicated (the exactly-once counts of a 29k
   * run are exact), so these lines say nothing an operator can act on. A producer that really gives
   * up still reports it through Kafka Streams' own error, which is not filtered.
   */
  static boolean retriedTransactionalRace(
      Logger logger, String format, Object[] params, Throwable t) {
    if (logger.getName().endsWith("ReplicaManager")
        && format.contains("Error processing append operation")) {
      return isOutOfOrderSequence(t)
          || (params != null
              && params.length > 0
              && isOutOfOrderSequence(params[params.length - 1]));
    }
    if (format.contains("Got error produce response") && format.contains("retrying")) {
      if (params == null) {
        return mentionsRace(format);
      }
      for (Object param : params) {
        if (param == Errors.CONCURRENT_TRANSACTIONS
            || param == Errors.OUT_OF_ORDER_SEQUENCE_NUMBER) {
          return true;
        }
      }
      return mentionsRace(format);
    }
    return false;
  }

  private static boolean isOutOfOrderSequence(Object thrown) {
    return thrown instanceof OutOfOrderSequenceException;
  }

  private static boolean mentionsRace(String text) {
    return text.endsWith("Error: CONCURRENT_TRANSACTIONS")
        || text.endsWith("Error: OUT_OF_ORDER_SEQUENCE_NUMBER");
  }

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (format != null && level.isGreaterOrEqual(Level.WARN)) {
      if (format.contains(STARTUP_CHECK) || retriedTransactionalRace(logger, format, params, t)) {
        return FilterReply.DENY;
      }
      for (String noise : NOISE) {
        if (format.contains(noise)) {
          return FilterReply.DENY;
        }
      }
    }
    return FilterReply.NEUTRAL;
  }
}
