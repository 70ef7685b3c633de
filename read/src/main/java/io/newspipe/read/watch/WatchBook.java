package io.newspipe.read.watch;

import io.newspipe.read.TopicTail;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.Topic;
import io.newspipe.schemas.TopicPolicy;
import io.newspipe.schemas.TopicProvisioner;
import io.newspipe.schemas.TopicSet;
import io.newspipe.schemas.Topics;
import io.newspipe.schemas.Watch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Saved searches as data in Kafka: each is a {@link Watch} on the compacted {@code news.watches}
 * topic (a tombstone deletes it), so every instance of every service sees the same ones. The API
 * and the CLI ({@code newspipe watch}) both go through here. Reads go to the end of the topic each
 * time, so a watch just saved (anywhere) is listed.
 */
public final class WatchBook {
  private static final long SEND_TIMEOUT_SECONDS = 30;

  private final Map<String, Object> clientProps;
  private final TopicSet topics;
  private final TopicPolicy policy;

  public WatchBook(Map<String, Object> clientProps, TopicSet topics, TopicPolicy policy) {
    this.clientProps = new HashMap<>(clientProps);
    this.topics = topics;
    this.policy = policy;
  }

  /** Every saved search, oldest first. */
  public List<Watch> list() {
    List<Watch> all = new ArrayList<>(TopicTail.latest(clientProps, topics.watches()).values());
    all.sort((a, b) -> a.getCreatedAt().compareTo(b.getCreatedAt()));
    return Collections.unmodifiableList(all);
  }

  public Optional<Watch> get(String id) {
    return list().stream().filter(w -> w.getId().equals(id)).findFirst();
  }

  /**
   * Saves a new search under an id made from its name (unique among the saved ones), after creating
   * its match topic. The query must already be validated by the caller (the store's {@code
   * QueryMatcher.validate}).
   *
   * @return the saved watch, with its id and creation time
   */
  public Watch add(
      String name,
      String query,
      List<String> tags,
      boolean allTags,
      List<String> sources,
      List<String> languages) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a saved search needs a name");
    }
    if (name.length() > 200) {
      throw new IllegalArgumentException("a saved search's name must be at most 200 characters");
    }
    String id = freeId(slug(name));
    Watch watch =
        Watch.newBuilder()
            .setId(id)
            .setName(name.strip())
            .setQuery(query)
            .setTags(List.copyOf(tags))
            .setAllTags(allTags)
            .setSources(List.copyOf(sources))
            .setLanguages(List.copyOf(languages))
            .setCreatedAt(Instant.now())
            .build();
    new TopicProvisioner(clientProps, policy).ensure(List.of(topics.watches(), topics.watch(id)));
    send(id, watch);
    return watch;
  }

  /** Deletes a saved search (its match topic stays); false if there was none with this id. */
  public boolean remove(String id) {
    if (get(id).isEmpty()) {
      return false;
    }
    send(id, null);
    return true;
  }

  /** The newest {@code limit} matches of a saved search, newest first. */
  public List<TopicTail.Entry<String, TaggedArticle>> matches(String id, int limit) {
    Topic<String, TaggedArticle> topic = topics.watch(id);
    List<TopicTail.Entry<String, TaggedArticle>> all =
        new ArrayList<>(TopicTail.read(clientProps, topic, limit));
    Collections.reverse(all);
    return all.size() > limit ? all.subList(0, limit) : all;
  }

  private void send(String id, Watch watch) {
    Topic<String, Watch> t = topics.watches();
    Map<String, Object> props = new HashMap<>(clientProps);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    try (KafkaProducer<String, Watch> producer =
        new KafkaProducer<>(props, t.keySerde().serializer(), t.valueSerde().serializer())) {
      producer
          .send(new ProducerRecord<>(t.name(), id, watch))
          .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cannot save to " + t.name() + ": " + e.getMessage() + " (is the broker reachable?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while saving to " + t.name(), e);
    }
  }

  private String freeId(String base) {
    List<String> taken = list().stream().map(Watch::getId).toList();
    String id = base;
    for (int i = 2; taken.contains(id); i++) {
      id = base + "-" + i;
    }
    return id;
  }

  /** A topic-safe id from a name: lower-case letters, digits and '-'. */
  static String slug(String name) {
    String s =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (s.length() > 60) {
      s = s.substring(0, 60).replaceAll("-+$", "");
    }
    if (s.isEmpty()) {
      s = "watch";
    }
    return Topics.isValidWatchId(s) ? s : "watch-" + s;
  }
}
