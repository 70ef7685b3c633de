package io.newspipe.app.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumer lag of newspipe's groups as gauges ({@value #LAG}, tagged {@code group} and {@code
 * topic}): the end offsets of the partitions a group has committed offsets for, minus those
 * offsets, read through the Admin API as {@code kafka-consumer-groups --describe} does. Refreshed
 * in the background every few seconds, so a scrape never waits for Kafka; a refresh that fails
 * (broker away) keeps the last values and is retried.
 */
public final class ConsumerLag implements AutoCloseable {

  public static final String LAG = "newspipe.consumer.lag";

  private static final Logger LOG = LoggerFactory.getLogger(ConsumerLag.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final Admin admin;
  private final MeterRegistry registry;
  private final List<String> groups;
  private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();
  private final ScheduledExecutorService refresher;

  private ConsumerLag(
      Map<String, Object> clientProps, MeterRegistry registry, List<String> groups) {
    Map<String, Object> config = new HashMap<>(clientProps);
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "newspipe-lag");
    this.admin = Admin.create(config);
    this.registry = registry;
    this.groups = List.copyOf(groups);
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "newspipe-consumer-lag");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts refreshing the lag of {@code groups} every {@code every}. */
  public static ConsumerLag start(
      Map<String, Object> clientProps,
      MeterRegistry registry,
      List<String> groups,
      Duration every) {
    ConsumerLag lag = new ConsumerLag(clientProps, registry, groups);
    lag.refresher.scheduleWithFixedDelay(
        lag::refreshQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    return lag;
  }

  private void refreshQuietly() {
    for (String group : groups) {
      try {
        refresh(group);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        LOG.debug("consumer lag of {} not refreshed: {}", group, e.toString());
      }
    }
  }

  /** Reads one group's committed offsets and the end offsets, and sets its gauges. */
  void refresh(String group) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
    committed.forEach(
        (tp, offset) -> {
          if (offset != null) {
            wanted.put(tp, OffsetSpec.latest());
          }
        });
    if (wanted.isEmpty()) {
      return;
    }
    Map<TopicPartition, ListOffsetsResultInfo> ends =
        admin.listOffsets(wanted).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    Map<String, Long> byTopic = new HashMap<>();
    ends.forEach(
        (tp, end) ->
            byTopic.merge(
                tp.topic(), Math.max(0, end.offset() - committed.get(tp).offset()), Long::sum));
    byTopic.forEach((topic, lag) -> gauge(group, topic).set(lag));
  }

  private AtomicLong gauge(String group, String topic) {
    return gauges.computeIfAbsent(
        group + "\u0000" + topic,
        key -> {
          AtomicLong value = new AtomicLong();
          Gauge.builder(LAG, value, AtomicLong::get)
              .description("Records a consumer group has yet to read (end offset - committed)")
              .baseUnit("records")
              .tag("group", group)
              .tag("topic", topic)
              .register(registry);
          return value;
        });
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    admin.close(Duration.ofSeconds(5));
  }
}
