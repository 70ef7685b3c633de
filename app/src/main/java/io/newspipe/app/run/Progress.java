package io.newspipe.app.run;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Waits for a consumer group to catch up with a topic, by comparing committed and end offsets. */
final class Progress {
  private Progress() {}

  /**
   * Returns once {@code group} has committed, on every partition of {@code topic}, the end offset
   * the topic had when this was called. With exactly-once Streams a committed offset means the
   * outputs of everything before it are committed too.
   */
  static void awaitConsumed(
      Map<String, Object> clientProps, String group, String topic, Duration timeout)
      throws InterruptedException {
    try (Admin admin = Admin.create(new HashMap<>(clientProps))) {
      TopicDescription description =
          admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      description
          .partitions()
          .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin
          .listOffsets(latest)
          .all()
          .get(30, TimeUnit.SECONDS)
          .forEach((tp, info) -> ends.put(tp, info.offset()));

      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin
                .listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        boolean done =
            ends.entrySet().stream()
                .allMatch(
                    e -> {
                      OffsetAndMetadata c = committed.get(e.getKey());
                      return e.getValue() == 0 || (c != null && c.offset() >= e.getValue());
                    });
        if (done) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "enrich (group "
                  + group
                  + ") did not catch up with "
                  + topic
                  + " within "
                  + timeout.toSeconds()
                  + " s; check the log above for enrich errors");
        }
        Thread.sleep(100);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read consumer progress from Kafka: " + e, e);
    }
  }
}
