package io.newspipe.app.run;

import io.newspipe.schemas.lifecycle.Health;
import io.newspipe.schemas.lifecycle.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs what a long-running command opens: services (ingest, enrich, sink, web) and the resources
 * they need (the Kafka connection, the store, instance ids), and owns the process's one JVM
 * shutdown hook.
 *
 * <ul>
 *   <li>{@link #start} starts a service and waits until it is ready, at most the ready timeout; if
 *       it does not get there, everything started is closed and the exception says which service
 *       and why (its {@link Health#detail()}).
 *   <li>{@link #own} registers a resource to close with the services.
 *   <li>{@link #close()} closes everything in reverse order (the flow stops from its start: sources
 *       first, Kafka last), each within the close deadline: one that overruns is left behind with a
 *       warning and the others still close.
 *   <li>Ctrl-C or SIGTERM runs the {@link #onStop} actions (e.g. make a foreground loop return),
 *       closes everything, then waits (at most the close deadline) for the command to finish with
 *       {@link #close()}, so its last words still reach the screen before the JVM exits.
 * </ul>
 *
 * <pre>{@code
 * try (ServiceRunner runner = new ServiceRunner()) {
 *   KafkaConnection kafka = runner.own(KafkaConnection.open(settings));
 *   runner.start(new SinkService(...));
 *   runner.awaitStop(); // Ctrl-C, or a service died
 * }
 * }</pre>
 */
public final class ServiceRunner implements AutoCloseable {
  /** How long a service may take to become ready unless told otherwise. */
  public static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

  /** How long each service or resource may take to close unless told otherwise. */
  public static final Duration CLOSE_DEADLINE = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);
  private static final Duration WATCH_INTERVAL = Duration.ofMillis(200);

  private final Duration readyTimeout;
  private final Duration closeDeadline;
  private final boolean hooked;
  private final List<Entry> entries = new ArrayList<>();
  private final List<Runnable> onStop = new ArrayList<>();
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);
  private final Thread hook;
  private boolean closed; // guarded by this

  /** A runner with the default ready timeout and close deadline, hooked to Ctrl-C. */
  public ServiceRunner() {
    this(READY_TIMEOUT, CLOSE_DEADLINE, true);
  }

  /**
   * @param shutdownHook whether Ctrl-C / SIGTERM closes this runner (false in unit tests)
   */
  public ServiceRunner(Duration readyTimeout, Duration closeDeadline, boolean shutdownHook) {
    this.readyTimeout = Objects.requireNonNull(readyTimeout, "readyTimeout");
    this.closeDeadline = Objects.requireNonNull(closeDeadline, "closeDeadline");
    this.hooked = shutdownHook;
    this.hook = new Thread(this::onSignal, "newspipe-shutdown");
    if (shutdownHook) {
      Runtime.getRuntime().addShutdownHook(hook);
    }
  }

  /**
   * Registers {@code resource} to be closed with the services, in reverse order of registration.
   */
  public synchronized <T extends AutoCloseable> T own(T resource) {
    checkOpen();
    entries.add(new Entry(resource.getClass().getSimpleName(), null, resource::close));
    return resource;
  }

  /**
   * Starts {@code service} and waits until it is ready.
   *
   * @throws ServiceStartException if it stops, or is not ready within the ready timeout; then
   *     everything started so far is closed (as is the runner). An exception of the service's
   *     {@code start()} is thrown as it is, after closing the same way.
   */
  public <S extends Service> S start(S service) throws InterruptedException {
    synchronized (this) {
      checkOpen();
      entries.add(new Entry(service.name(), service, () -> service.close(closeDeadline)));
    }
    LOG.debug("starting {}", service.name());
    boolean ready = false;
    Health h;
    try {
      service.start();
      ready = service.awaitReady(readyTimeout);
      h = service.health();
    } finally {
      if (!ready) {
        closeAll(); // what started before, and what this one started
      }
    }
    if (!ready) {
      throw new ServiceStartException(
          service.name()
              + (h.live()
                  ? " was not ready within " + describe(readyTimeout)
                  : " stopped before it was ready")
              + ": "
              + h.detail()
              + ". Check that Kafka and the store are reachable (see the log above), then start"
              + " it again");
    }
    LOG.info("{} is ready: {}", service.name(), h.detail());
    return service;
  }

  /** Runs {@code action} on Ctrl-C / SIGTERM, before anything is closed. */
  public synchronized void onStop(Runnable action) {
    onStop.add(Objects.requireNonNull(action, "action"));
  }

  /** The services started so far, in start order. */
  public synchronized List<Service> services() {
    return entries.stream().map(Entry::service).filter(Objects::nonNull).toList();
  }

  /**
   * Blocks until Ctrl-C / SIGTERM or {@link #close()}, or until a started service is no longer live
   * (it failed or finished).
   *
   * @return the service that stopped by itself, if one did
   */
  public Optional<Service> awaitStop() throws InterruptedException {
    while (!stopping.await(WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
      for (Service s : services()) {
        if (!s.health().live()) {
          return Optional.of(s);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * For what {@link #awaitStop()} returned: nothing to do after Ctrl-C; a service that stopped by
   * itself is an error.
   *
   * @throws IllegalStateException naming the service that stopped and why
   */
  public static void failIfDied(Optional<Service> stopped) {
    if (stopped.isPresent()) {
      Service s = stopped.get();
      throw new IllegalStateException(s.name() + " stopped: " + s.health().detail());
    }
  }

  /** Whether Ctrl-C or {@link #close()} has begun stopping everything. */
  public boolean stopping() {
    return stopping.getCount() == 0;
  }

  private void onSignal() {
    stopping.countDown();
    List<Runnable> actions;
    synchronized (this) {
      actions = List.copyOf(onStop);
    }
    for (Runnable action : actions) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.warn("error while stopping: {}", e.toString());
      }
    }
    closeAll();
    try {
      // The command's own close() lets the JVM exit: its summary is printed by then.
      released.await(closeDeadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes every service and resource in reverse order, each within the close deadline. */
  @Override
  public void close() {
    try {
      closeAll();
    } finally {
      released.countDown();
      if (hooked) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
          // Ctrl-C: the hook is running; it returns now that we are released.
        }
      }
    }
  }

  private synchronized void closeAll() {
    stopping.countDown();
    if (closed) {
      return;
    }
    closed = true;
    for (int i = entries.size() - 1; i >= 0; i--) {
      closeWithin(entries.get(i));
    }
  }

  /**
   * Closes on a thread of its own so that one close that hangs past the deadline (plus a grace for
   * its own timeout to fire) does not keep the others open.
   */
  private void closeWithin(Entry entry) {
    Thread closer =
        new Thread(
            () -> {
              try {
                entry.closer.close();
              } catch (Exception e) {
                LOG.warn("error while stopping {}: {}", entry.name, e.toString());
              }
            },
            "newspipe-close-" + entry.name);
    closer.setDaemon(true);
    closer.start();
    try {
      closer.join(closeDeadline.toMillis() + graceMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (closer.isAlive()) {
      LOG.warn(
          "{} did not stop within {}; going on with the others (what it committed is safe)",
          entry.name,
          describe(closeDeadline));
    }
  }

  private long graceMillis() {
    return Math.min(5_000, Math.max(100, closeDeadline.toMillis() / 10));
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("newspipe is stopping");
    }
  }

  private static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private record Entry(String name, Service service, AutoCloseable closer) {}

  /** A service did not start or get ready; the message says which and why. */
  public static final class ServiceStartException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    ServiceStartException(String message) {
      super(message);
    }
  }
}
