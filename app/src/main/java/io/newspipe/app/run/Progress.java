package io.newspipe.app.run;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits for a Kafka Streams application to finish what was given to it, by comparing committed and
 * end offsets: first its input topic, then its own repartition topics. The second step matters
 * because enrich is two sub-topologies: having read every raw article says nothing of the story
 * stage behind the repartition topic, which can lag seconds behind on a busy machine.
 */
public final class Progress {

  private static final Duration POLL = Duration.ofMillis(100);

  private Progress() {}

  /**
   * Returns once {@code group} has committed, on every partition of {@code topic}, the end offset
   * the topic had when this was called, and then, on every partition of its repartition topics
   * ({@code <group>-…-repartition}), their end offsets. With exactly-once Streams a committed
   * offset means the outputs of everything before it are committed too.
   *
   * @param stall how long the committed offsets may stand still before this gives up
   * @throws IllegalStateException if the group stops making progress for {@code stall}
   */
  public static void awaitConsumed(
      Map<String, Object> clientProps, String group, String topic, Duration stall)
      throws InterruptedException {
    try (Admin admin = Admin.create(new HashMap<>(clientProps))) {
      Map<TopicPartition, Long> inputEnds = endOffsets(admin, Set.of(topic));
      awaitCommitted(admin, group, () -> inputEnds, topic, stall);
      // Nothing new enters the repartition topics once the input is consumed, so their current
      // end is final; read it afresh on each check all the same, it costs one request.
      Set<String> internal = repartitionTopics(admin, group);
      if (!internal.isEmpty()) {
        awaitCommitted(
            admin, group, () -> endOffsets(admin, internal), String.join(", ", internal), stall);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read consumer progress from Kafka: " + e, e);
    }
  }

  private interface Ends {
    Map<TopicPartition, Long> get()
        throws ExecutionException, TimeoutException, InterruptedException;
  }

  private static void awaitCommitted(
      Admin admin, String group, Ends ends, String what, Duration stall)
      throws ExecutionException, TimeoutException, InterruptedException {
    Map<TopicPartition, OffsetAndMetadata> lastSeen = Map.of();
    long lastProgress = System.nanoTime();
    while (true) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(30, TimeUnit.SECONDS);
      boolean done =
          ends.get().entrySet().stream()
              .allMatch(
                  e -> {
                    OffsetAndMetadata c = committed.get(e.getKey());
                    return e.getValue() == 0 || (c != null && c.offset() >= e.getValue());
                  });
      if (done) {
        return;
      }
      if (!committed.equals(lastSeen)) {
        lastSeen = committed;
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > stall.toNanos()) {
        throw new IllegalStateException(
            "enrich (group "
                + group
                + ") made no progress on "
                + what
                + " for "
                + stall.toSeconds()
                + " s; check the log above for enrich errors");
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private static Set<String> repartitionTopics(Admin admin, String group)
      throws ExecutionException, TimeoutException, InterruptedException {
    return admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
        .filter(name -> name.startsWith(group + "-") && name.endsWith("-repartition"))
        .collect(Collectors.toSet());
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, Set<String> topics)
      throws ExecutionException, TimeoutException, InterruptedException {
    Map<String, TopicDescription> descriptions =
        admin.describeTopics(List.copyOf(topics)).allTopicNames().get(30, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    descriptions.forEach(
        (name, description) ->
            description
                .partitions()
                .forEach(
                    p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin
        .listOffsets(latest)
        .all()
        .get(30, TimeUnit.SECONDS)
        .forEach((tp, info) -> ends.put(tp, info.offset()));
    return ends;
  }
}
