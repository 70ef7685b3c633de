package io.newspipe.bench;

import io.newspipe.schemas.Article;
import io.newspipe.schemas.Entity;
import io.newspipe.schemas.EntityKind;
import io.newspipe.schemas.EventTypes;
import io.newspipe.schemas.Evidence;
import io.newspipe.schemas.Signal;
import io.newspipe.schemas.Source;
import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.TopicProvisioner;
import io.newspipe.schemas.TopicSet;
import io.newspipe.sink.consume.SinkService;
import io.newspipe.store.ArticleStore;
import io.newspipe.store.PostgresStore;
import io.newspipe.store.SqliteStore;
import io.newspipe.testkit.Postgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sink throughput, end to end: N tagged articles (about 2 KB of text, 2 tags with evidence, 2
 * entities each) are produced once to a topic on a real in-JVM KRaft broker, then a {@link
 * SinkService} with a fresh store and consumer group reads them all into each backend, several
 * times. The broker runs in this JVM (Kafka's KafkaClusterTestKit) and is closed at the end.
 * Reported: articles per second from the sink's start until the last article is stored (its final
 * idle wait excluded).
 *
 * <pre>
 * ./mvnw -B -o -pl bench exec:java -Dexec.args="--articles 100000 --runs 3 sqlite postgres"
 * </pre>
 *
 * PostgreSQL is found as the tests find it ({@code NEWSPIPE_TEST_POSTGRES_URL}, a local server at
 * 127.0.0.1:5432/test, or Docker); each run uses a fresh schema, dropped afterwards.
 */
public final class SinkThroughput {

  private static final Logger LOG = LoggerFactory.getLogger(SinkThroughput.class);
  private static final Duration IDLE = Duration.ofMillis(500);

  private SinkThroughput() {}

  public static void main(String[] args) throws Exception {
    EventTypes.trust();
    int articles = 100_000;
    int runs = 3;
    List<String> backends = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--articles" -> articles = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "sqlite", "postgres" -> backends.add(args[i]);
        default ->
            throw new IllegalArgumentException(
                "unknown argument '"
                    + args[i]
                    + "'; usage: [--articles N] [--runs R] sqlite|postgres...");
      }
    }
    if (backends.isEmpty()) {
      backends = List.of("sqlite", "postgres");
    }
    try (KafkaClusterTestKit cluster = startBroker()) {
      measure(cluster.bootstrapServers(), articles, runs, backends);
    }
  }

  private static void measure(String bootstrap, int articles, int runs, List<String> backends)
      throws Exception {
    TopicSet topics = TopicSet.DEFAULT.withNamespace("bench");
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(topics.tagged().name(), 3, (short) 1),
                  new NewTopic(topics.dlq().name(), 1, (short) 1)))
          .all()
          .get();
      TopicProvisioner.awaitWritable(admin, List.of(topics.tagged().name(), topics.dlq().name()));
    }
    long produceStart = System.nanoTime();
    produce(bootstrap, topics, articles);
    LOG.info(
        "produced {} tagged articles in {} s", articles, seconds(System.nanoTime() - produceStart));

    Map<String, List<Double>> rates = new HashMap<>();
    for (String backend : backends) {
      for (int run = 1; run <= runs; run++) {
        double rate = run(bootstrap, topics, backend, run, articles);
        rates.computeIfAbsent(backend, b -> new ArrayList<>()).add(rate);
        LOG.info(
            "{} run {}: {} articles/s", backend, run, String.format(Locale.ROOT, "%.0f", rate));
      }
    }
    for (String backend : backends) {
      List<Double> r = rates.get(backend);
      double min = r.stream().mapToDouble(Double::doubleValue).min().orElse(0);
      double max = r.stream().mapToDouble(Double::doubleValue).max().orElse(0);
      double median = r.stream().sorted().toList().get(r.size() / 2);
      System.out.printf(
          Locale.ROOT,
          "%-8s %d articles x %d runs: median %.0f articles/s (min %.0f, max %.0f)%n",
          backend,
          articles,
          r.size(),
          median,
          min,
          max);
    }
  }

  private static KafkaClusterTestKit startBroker() throws Exception {
    TestKitNodes nodes =
        new TestKitNodes.Builder()
            .setCombined(true)
            .setNumBrokerNodes(1)
            .setNumControllerNodes(1)
            .setBootstrapMetadataVersion(MetadataVersion.LATEST_PRODUCTION)
            .build();
    KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
    // A single node: every internal topic with one replica; no delay before the first rebalance.
    Map.of(
            "offsets.topic.replication.factor", "1",
            "offsets.topic.num.partitions", "5",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "min.insync.replicas", "1",
            "auto.create.topics.enable", "false",
            "group.initial.rebalance.delay.ms", "0")
        .forEach(builder::setConfigProp);
    KafkaClusterTestKit cluster = builder.build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
    return cluster;
  }

  private static Map<String, Object> consumerProps(String bootstrap, String group) {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, group);
  }

  private static double run(
      String bootstrap, TopicSet topics, String backend, int run, int expected) throws IOException {
    Path dir = Files.createTempDirectory("newspipe-bench");
    Postgres.Schema schema = backend.equals("postgres") ? Postgres.newSchema("bench") : null;
    String group = "bench-" + backend + "-" + run;
    try (ArticleStore store =
        schema == null
            ? SqliteStore.open(dir.resolve("bench.db"))
            : PostgresStore.open(schema.jdbcUrl(), null, null)) {
      long start;
      long stored;
      try (SinkService sink =
          new SinkService(consumerProps(bootstrap, group), topics, store, group)) {
        start = System.nanoTime();
        sink.runUntilIdle(IDLE);
        stored = sink.stored();
      }
      long elapsed = System.nanoTime() - start - IDLE.toNanos();
      long count = store.articleCount();
      if (stored != expected || count != expected) {
        throw new IllegalStateException(
            "expected " + expected + " articles, sink stored " + stored + ", store holds " + count);
      }
      return expected / (elapsed / 1e9);
    } finally {
      if (schema != null) {
        schema.close();
      }
    }
  }

  private static void produce(String bootstrap, TopicSet topics, int n) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    Serializer<TaggedArticle> values = topics.tagged().valueSerde().serializer();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < n; i++) {
        TaggedArticle a = article(i);
        String id = a.getArticle().getId();
        producer.send(
            new ProducerRecord<>(
                topics.tagged().name(), id, values.serialize(topics.tagged().name(), a)));
      }
      producer.flush();
    }
  }

  private static final String PARAGRAPH =
      "Jordanian border troops seized a large haul of captagon pills smuggled from Syria on"
          + " Tuesday, officials in Amman said, the latest in a string of interceptions along the"
          + " frontier. The amphetamine-type stimulant has become a multi-billion-dollar trade. ";

  static TaggedArticle article(int i) {
    Instant published = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i * 60L);
    String headline = "Captagon haul " + i + " seized on the Jordan-Syria border";
    Article article =
        Article.newBuilder()
            .setId("bench:" + i)
            .setVersion(1)
            .setSource(new Source("bench", "Bench wire", null, "text"))
            .setHeadline(headline)
            .setBody(PARAGRAPH.repeat(8) + "Item " + i + ".")
            .setLanguage("en")
            .setPublishedAt(published)
            .setReceivedAt(published.plusSeconds(5))
            .setSignal(Signal.USABLE)
            .setSubjects(List.of())
            .setContentHash(Integer.toHexString(headline.hashCode()))
            .build();
    Tag narcotics =
        new Tag(
            "narcotics",
            "Narcotics",
            List.of("medtop:20000096"),
            4.0,
            0.8,
            List.of(new Evidence("headline", 0, 8, "Captagon", "phrase:captagon")));
    Tag middleEast =
        new Tag(
            "middle-east",
            "Middle East",
            List.of("medtop:20000726"),
            3.0,
            0.7,
            List.of(new Evidence("body", 0, 9, "Jordanian", "gazetteer:jordan")));
    return TaggedArticle.newBuilder()
        .setArticle(article)
        .setTags(List.of(narcotics, middleEast))
        .setEntities(
            List.of(
                new Entity(EntityKind.PLACE, "Syria", 2), new Entity(EntityKind.PLACE, "Amman", 1)))
        .setStoryId("story-" + (i / 10))
        .setTaxonomyVersion("bench")
        .setEnrichedAt(published.plusSeconds(6))
        .build();
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
  }
}
