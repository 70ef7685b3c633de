package io.newspipe.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
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
  private static final String STARTUP_CHECK = "clientId=newspipe-startup-check";

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (format != null && level.isGreaterOrEqual(Level.WARN)) {
      if (format.contains(STARTUP_CHECK)) {
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
