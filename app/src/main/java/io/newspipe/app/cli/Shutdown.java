package io.newspipe.app.cli;

/** Shutdown-hook bookkeeping shared by the long-running commands. */
final class Shutdown {
  private Shutdown() {}

  static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // Ctrl-C: the hook is running or has run; nothing to undo.
    }
  }
}
