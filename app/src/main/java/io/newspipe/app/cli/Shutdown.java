package io.newspipe.app.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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

  /**
   * Ctrl-C (or SIGTERM) handling that lets the command close everything in order. The JVM exits as
   * soon as its shutdown hooks return, so the hook signals the command and then waits, up to 30 s,
   * until the command has closed its services, the store and an embedded broker. Open it first in a
   * try-with-resources so that it is closed last:
   *
   * <pre>{@code
   * try (Shutdown.Orderly shutdown = Shutdown.orderly("newspipe-sink-shutdown");
   *     SinkService sink = ...) {
   *   shutdown.onSignal(sink::close); // makes run() return
   *   sink.run();
   * }
   * }</pre>
   */
  static Orderly orderly(String threadName) {
    return new Orderly(threadName);
  }

  /** See {@link #orderly}. */
  static final class Orderly implements AutoCloseable {
    private final CountDownLatch signalled = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook;
    private volatile Runnable onSignal = () -> {};

    private Orderly(String threadName) {
      hook = new Thread(this::signalAndWait, threadName);
      Runtime.getRuntime().addShutdownHook(hook);
    }

    /** What to run when the signal comes, on the hook's thread (e.g. make a run loop return). */
    void onSignal(Runnable action) {
      onSignal = action;
    }

    /** Blocks until Ctrl-C or SIGTERM. */
    void awaitSignal() throws InterruptedException {
      signalled.await();
    }

    private void signalAndWait() {
      signalled.countDown();
      try {
        onSignal.run();
        closed.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Everything is closed: lets a running hook return, or removes the unused hook. */
    @Override
    public void close() {
      closed.countDown();
      removeHook(hook);
    }
  }
}
