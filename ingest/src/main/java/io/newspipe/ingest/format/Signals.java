package io.newspipe.ingest.format;

import io.newspipe.schemas.Signal;
import java.util.Locale;

/**
 * IPTC publishing status and signals to {@link Signal}. pubStatus ({@code usable}, {@code
 * withheld}, {@code canceled}) and NewsML-G2/ninjs signals ({@code sig:update}, {@code
 * sig:correction}, {@code sig:kill}) are separate in IPTC; newspipe folds them into one status
 * where withdrawal wins over withholding, which wins over correction and update.
 */
final class Signals {

  private Signals() {}

  /** The signal for a pubStatus code ({@code stat:usable}, {@code usable}, ...), or null. */
  static Signal ofPubStatus(String pubStatus) {
    String code = localCode(pubStatus);
    return switch (code) {
      case "usable" -> Signal.USABLE;
      case "withheld" -> Signal.WITHHELD;
      case "canceled", "cancelled" -> Signal.CANCELED;
      default -> null;
    };
  }

  /** The signal for a signal code ({@code sig:correction}, {@code kill}, ...), or null. */
  static Signal ofSignal(String signal) {
    String code = localCode(signal);
    return switch (code) {
      case "update" -> Signal.UPDATE;
      case "correction", "correct" -> Signal.CORRECTION;
      case "kill", "cancel", "canceled", "withdraw", "withdrawn" -> Signal.CANCELED;
      default -> null;
    };
  }

  /**
   * The stronger of two signals (null-safe): CANCELED > WITHHELD > CORRECTION > UPDATE > USABLE.
   */
  static Signal stronger(Signal a, Signal b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return rank(a) >= rank(b) ? a : b;
  }

  private static int rank(Signal s) {
    return switch (s) {
      case USABLE -> 0;
      case UPDATE -> 1;
      case CORRECTION -> 2;
      case WITHHELD -> 3;
      case CANCELED -> 4;
    };
  }

  private static String localCode(String code) {
    if (code == null) {
      return "";
    }
    String s = code.strip().toLowerCase(Locale.ROOT);
    int cut = Math.max(s.lastIndexOf(':'), s.lastIndexOf('/'));
    return s.substring(cut + 1);
  }
}
