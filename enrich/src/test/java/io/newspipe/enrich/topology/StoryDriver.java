package io.newspipe.enrich.topology;

import io.newspipe.enrich.story.StoryRules;
import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.enrich.taxonomy.Taxonomy;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.TopicSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/** The enrich topology in a {@link TopologyTestDriver}, for story clustering tests. */
final class StoryDriver implements AutoCloseable {

  static final Tagger TAGGER = new Tagger(Taxonomy.loadDefault());
  static final TopicSet TOPICS = TopicSet.DEFAULT.withNamespace("s");
  static final Instant WALL_CLOCK = Instant.parse("2024-06-01T00:00:00Z");

  private final TopologyTestDriver driver;
  private final TestInputTopic<String, Article> raw;
  private final TestOutputTopic<String, TaggedArticle> tagged;
  private final EnrichMeters counters = EnrichMeters.detached();

  StoryDriver(StoryRules rules) {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "story-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    // a state directory of its own, so two builds on one machine never share RocksDB files
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory());
    config.putAll(EnrichTopology.errorHandling(TOPICS));
    driver =
        new TopologyTestDriver(
            EnrichTopology.build(
                TAGGER, TOPICS, Clock.fixed(WALL_CLOCK, ZoneOffset.UTC), counters, rules),
            config,
            WALL_CLOCK);
    raw =
        driver.createInputTopic(
            TOPICS.raw().name(),
            TOPICS.raw().keySerde().serializer(),
            TOPICS.raw().valueSerde().serializer());
    tagged = output(TOPICS.tagged().name());
  }

  static String stateDirectory() {
    try {
      return Files.createTempDirectory("newspipe-streams-test").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  TestOutputTopic<String, TaggedArticle> output(String topic) {
    return driver.createOutputTopic(
        topic,
        TOPICS.tagged().keySerde().deserializer(),
        TOPICS.tagged().valueSerde().deserializer());
  }

  /** Sends the article with its publication time as record time; returns what enrich wrote. */
  List<TaggedArticle> send(Article article, Instant published) {
    raw.pipeInput(article.getId(), article, published);
    return tagged.readValuesToList();
  }

  /** The story id enrich gave the one version this article produced. */
  String storyOf(Article article, Instant published) {
    List<TaggedArticle> out = send(article, published);
    if (out.size() != 1) {
      throw new AssertionError("expected one tagged record for " + article.getId() + ": " + out);
    }
    return out.get(0).getStoryId();
  }

  void advanceWallClock(Duration by) {
    driver.advanceWallClockTime(by);
  }

  <V> KeyValueStore<String, V> store(String name) {
    return driver.getKeyValueStore(name);
  }

  java.util.Set<String> producedTopicNames() {
    return driver.producedTopicNames();
  }

  EnrichMeters counters() {
    return counters;
  }

  @Override
  public void close() {
    driver.close();
  }
}
