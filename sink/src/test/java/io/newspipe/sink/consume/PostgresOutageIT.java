package io.newspipe.sink.consume;

import static io.newspipe.sink.consume.SinkDeliveryContract.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newspipe.schemas.TopicSet;
import io.newspipe.store.PostgresStore;
import io.newspipe.testkit.KafkaClusterExtension;
import io.newspipe.testkit.Postgres;
import io.newspipe.testkit.TcpProxy;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A 10-second PostgreSQL outage mid-stream. The database and the network failure are real: the sink
 * talks to the real PostgreSQL through a {@link TcpProxy} that drops and refuses every connection
 * for 10 s, while articles keep arriving on the real broker.
 */
class PostgresOutageIT {

  @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

  private static final String GROUP = "it-outage";
  private static final Duration OUTAGE = Duration.ofSeconds(10);

  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private Postgres.Schema schema;
  private TcpProxy proxy;
  private PostgresStore viaProxy;
  private PostgresStore direct;

  @BeforeEach
  void setUp() throws Exception {
    schema = Postgres.newSchema("sink_outage");
    URI target = URI.create(schema.jdbcUrl().substring("jdbc:".length()));
    proxy = new TcpProxy(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort());
    String proxied = schema.jdbcUrl().replace(target.getAuthority(), "127.0.0.1:" + proxy.port());
    viaProxy = PostgresStore.open(proxied, null, null);
    direct = PostgresStore.open(schema.jdbcUrl(), null, null);
  }

  @AfterEach
  void tearDown() {
    background.shutdownNow();
    viaProxy.close();
    direct.close();
    proxy.close();
    schema.close();
  }

  @Test
  void shouldStoreEverythingProducedDuringATenSecondOutageOnceTheDatabaseIsBack() throws Exception {
    TopicSet topics = KAFKA.topics("sink-postgres-outage");
    SinkService sink = new SinkService(KAFKA.consumerProps(GROUP), topics, viaProxy, GROUP);
    Future<?> running = background.submit(sink::run);
    for (int i = 1; i <= 20; i++) {
      KAFKA.produce(topics.tagged(), "a" + i, version("a" + i, 1, "narcotics"));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> direct.articleCount() == 20);

    proxy.cut();
    long cutAt = System.nanoTime();
    int produced = 20;
    while (System.nanoTime() - cutAt < OUTAGE.toNanos()) {
      produced++;
      KAFKA.produce(topics.tagged(), "a" + produced, version("a" + produced, 1, "narcotics"));
      Thread.sleep(250);
    }
    assertThat(direct.articleCount())
        .as("nothing reached the database during the outage")
        .isEqualTo(20);
    proxy.restore();

    int total = produced;
    await().atMost(Duration.ofSeconds(60)).until(() -> direct.articleCount() == total);
    sink.close();
    running.get(30, TimeUnit.SECONDS);

    assertThat(total).isGreaterThan(40);
    for (int i = 1; i <= total; i++) {
      assertThat(direct.versionCount("a" + i)).as("a%d stored once", i).isEqualTo(1);
    }
    assertThat(sink.stored()).as("each record written once").isEqualTo(total);
    assertThat(direct.offsets(sink.offsetsKey()).values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(total);
  }
}
