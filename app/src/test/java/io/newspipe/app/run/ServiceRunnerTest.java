package io.newspipe.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspipe.schemas.lifecycle.Health;
import io.newspipe.schemas.lifecycle.Service;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ServiceRunnerTest {

  private final List<String> events = new CopyOnWriteArrayList<>();

  private ServiceRunner runner(Duration ready, Duration close) {
    return new ServiceRunner(ready, close, false);
  }

  @Test
  void shouldStartInOrderWaitingForEachAndCloseInReverse() throws Exception {
    try (ServiceRunner runner = runner(Duration.ofSeconds(5), Duration.ofSeconds(5))) {
      runner.own(() -> events.add("close kafka"));
      runner.start(new Fake("enrich"));
      runner.start(new Fake("sink"));
      runner.start(new Fake("web"));
      assertThat(runner.services())
          .extracting(Service::name)
          .containsExactly("enrich", "sink", "web");
      assertThat(runner.services()).allSatisfy(s -> assertThat(s.health().ready()).isTrue());
    }

    assertThat(events)
        .containsExactly(
            "start enrich",
            "ready enrich",
            "start sink",
            "ready sink",
            "start web",
            "ready web",
            "close web",
            "close sink",
            "close enrich",
            "close kafka");
  }

  @Test
  void shouldCloseWhatStartedWhenAStartFails() throws Exception {
    ServiceRunner runner = runner(Duration.ofSeconds(5), Duration.ofSeconds(5));
    runner.own(() -> events.add("close kafka"));
    runner.start(new Fake("enrich"));
    Fake broken = new Fake("web");
    broken.startFailure = new IllegalArgumentException("port 8080 is taken");

    assertThatThrownBy(() -> runner.start(broken)).hasMessage("port 8080 is taken");

    assertThat(events).endsWith("close web", "close enrich", "close kafka");
    assertThat(runner.stopping()).isTrue();
    assertThatThrownBy(() -> runner.start(new Fake("late")))
        .isInstanceOf(IllegalStateException.class);
    runner.close(); // nothing left to close
    assertThat(events).filteredOn(e -> e.startsWith("close")).hasSize(3);
  }

  @Test
  void shouldSayWhichServiceWasNotReadyAndWhyWhenTheReadyTimeoutPasses() throws Exception {
    ServiceRunner runner = runner(Duration.ofMillis(300), Duration.ofSeconds(5));
    runner.start(new Fake("enrich"));
    Fake stuck = new Fake("sink");
    stuck.neverReady = true;

    assertThatThrownBy(() -> runner.start(stuck))
        .isInstanceOf(ServiceRunner.ServiceStartException.class)
        .hasMessageContaining("sink was not ready within 300 ms")
        .hasMessageContaining("waiting for partitions of news.articles.tagged");
    assertThat(events).endsWith("close sink", "close enrich");
  }

  @Test
  void shouldSayAServiceStoppedBeforeItWasReady() throws Exception {
    ServiceRunner runner = runner(Duration.ofSeconds(5), Duration.ofSeconds(5));
    Fake dying = new Fake("enrich");
    dying.dies = true;

    assertThatThrownBy(() -> runner.start(dying))
        .hasMessageContaining("enrich stopped before it was ready: Streams ERROR");
  }

  @Test
  void shouldCloseTheOthersWhenOneCloseOverrunsItsDeadline() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    ServiceRunner runner = runner(Duration.ofSeconds(5), Duration.ofMillis(200));
    runner.start(new Fake("enrich"));
    Fake hanging = new Fake("sink");
    hanging.onClose = never;
    runner.start(hanging);
    runner.start(new Fake("web"));

    runner.close();

    assertThat(events).containsSubsequence("close web", "closing sink", "close enrich");
    assertThat(events).doesNotContain("close sink");
    never.countDown();
  }

  @Test
  void shouldReturnFromAwaitStopWhenAServiceDiesOrTheRunnerCloses() throws Exception {
    try (ServiceRunner runner = runner(Duration.ofSeconds(5), Duration.ofSeconds(5))) {
      Fake enrich = runner.start(new Fake("enrich"));
      enrich.live = false;
      Optional<Service> stopped = runner.awaitStop();
      assertThat(stopped).containsSame(enrich);
      assertThatThrownBy(() -> ServiceRunner.failIfDied(stopped))
          .hasMessage("enrich stopped: enrich is down");
    }

    ServiceRunner closing = runner(Duration.ofSeconds(5), Duration.ofSeconds(5));
    closing.start(new Fake("sink"));
    Thread closer = new Thread(closing::close);
    closer.start();
    assertThat(closing.awaitStop()).isEmpty();
    closer.join();
  }

  /** A service that records what is done to it. */
  private final class Fake implements Service {
    final String name;
    RuntimeException startFailure;
    boolean neverReady;
    boolean dies;
    CountDownLatch onClose;
    volatile boolean started;
    volatile boolean live = true;

    Fake(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void start() {
      events.add("start " + name);
      if (startFailure != null) {
        throw startFailure;
      }
      started = true;
    }

    @Override
    public Health health() {
      if (dies) {
        return Health.down("Streams ERROR");
      }
      if (!live) {
        return Health.down(name + " is down");
      }
      if (neverReady) {
        return Health.notReady("waiting for partitions of news.articles.tagged");
      }
      return started ? Health.ready("fine") : Health.notReady("not started");
    }

    @Override
    public boolean awaitReady(Duration timeout) throws InterruptedException {
      boolean ready = Service.super.awaitReady(timeout);
      if (ready) {
        events.add("ready " + name);
      }
      return ready;
    }

    @Override
    public void close(Duration deadline) {
      if (onClose != null) {
        events.add("closing " + name);
        try {
          onClose.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      events.add("close " + name);
    }
  }
}
