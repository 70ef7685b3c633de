package io.newspipe.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.notify.alert.AlertRule;
import io.newspipe.schemas.Alert;
import io.newspipe.schemas.Source;
import io.newspipe.schemas.StoryEvent;
import io.newspipe.schemas.StoryEventKind;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.TopicSet;
import io.newspipe.schemas.Watch;
import io.newspipe.testkit.Articles;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotifyTopologyTest {
  static final TopicSet TOPICS = TopicSet.DEFAULT.withNamespace("t");
  static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
  static final List<AlertRule> RULES =
      List.of(
          AlertRule.stories("ei-3", "election-interference", 3, Duration.ofMinutes(10)),
          AlertRule.watch("captagon-alert", "captagon"));

  TopologyTestDriver driver;
  TestInputTopic<String, Watch> watches;
  TestInputTopic<String, TaggedArticle> tagged;
  TestInputTopic<String, StoryEvent> stories;
  TestOutputTopic<String, TaggedArticle> captagonMatches;
  TestOutputTopic<String, Alert> alerts;

  @BeforeEach
  void start() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "notify-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(NotifyTopology.build(TOPICS, RULES), props);
    watches = input(TOPICS.watches());
    tagged = input(TOPICS.tagged());
    stories = input(TOPICS.stories());
    var m = TOPICS.watch("captagon");
    captagonMatches =
        driver.createOutputTopic(
            m.name(), m.keySerde().deserializer(), m.valueSerde().deserializer());
    var a = TOPICS.alerts();
    alerts =
        driver.createOutputTopic(
            a.name(), a.keySerde().deserializer(), a.valueSerde().deserializer());
  }

  <V> TestInputTopic<String, V> input(io.newspipe.schemas.Topic<String, V> t) {
    return driver.createInputTopic(
        t.name(), t.keySerde().serializer(), t.valueSerde().serializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  static Watch watch(String id, String query, List<String> tags, List<String> sources) {
    return Watch.newBuilder()
        .setId(id)
        .setName(id)
        .setQuery(query)
        .setTags(tags)
        .setAllTags(false)
        .setSources(sources)
        .setLanguages(List.of())
        .setCreatedAt(T0)
        .build();
  }

  static TaggedArticle article(String id, String source, String headline, String... tags) {
    var a =
        Articles.builder(id, headline, "Troops seized pills at the border.")
            .setSource(Source.newBuilder().setId(source).setName(source).setFormat("text").build())
            .setPublishedAt(T0)
            .build();
    List<io.newspipe.schemas.Tag> t = new ArrayList<>();
    for (String tag : tags) {
      t.add(Articles.tag(tag));
    }
    TaggedArticle out = Articles.tagged(a, t.toArray(io.newspipe.schemas.Tag[]::new));
    out.setStoryId("story-" + id);
    return out;
  }

  @Test
  void shouldSendMatchingArticlesToTheWatchTopicAndNeverOthers() {
    watches.pipeInput(
        "captagon", watch("captagon", "captagon OR heroin", List.of("narcotics"), List.of()));
    tagged.pipeInput("a1", article("a1", "wire", "Jordan seizes captagon haul", "narcotics"));
    tagged.pipeInput("a2", article("a2", "wire", "Jordan seizes captagon haul")); // lacks the tag
    tagged.pipeInput("a3", article("a3", "wire", "Elections in Moldova", "narcotics")); // no words

    assertThat(captagonMatches.readKeyValuesToList())
        .extracting(kv -> kv.key)
        .containsExactly("a1");
    List<Alert> fired = alerts.readValuesToList();
    assertThat(fired).extracting(Alert::getId).containsExactly("captagon-alert:story-a1");
    assertThat(fired.get(0).getWatchId()).isEqualTo("captagon");
  }

  @Test
  void shouldStopMatchingADeletedWatch() {
    watches.pipeInput("captagon", watch("captagon", "captagon", List.of(), List.of()));
    watches.pipeInput("captagon", (Watch) null);
    tagged.pipeInput("a1", article("a1", "wire", "Jordan seizes captagon haul"));
    assertThat(captagonMatches.isEmpty()).isTrue();
  }

  static StoryEvent event(String story, StoryEventKind kind, String source, List<String> sources) {
    return StoryEvent.newBuilder()
        .setStoryId(story)
        .setKind(kind)
        .setArticleId(story + "-" + source)
        .setSourceId(source)
        .setHeadline("Hackers target the vote count")
        .setReports(List.of())
        .setSources(sources)
        .setTags(List.of("election-interference"))
        .setAt(T0)
        .build();
  }

  @Test
  void shouldAlertOnceWhenTheThirdSourceReportsWithinTheWindow() {
    stories.pipeInput("s", event("s", StoryEventKind.CREATED, "a", List.of("a")), T0);
    stories.pipeInput(
        "s", event("s", StoryEventKind.GREW, "b", List.of("a", "b")), T0.plusSeconds(60));
    assertThat(alerts.isEmpty()).as("two sources").isTrue();

    stories.pipeInput(
        "s", event("s", StoryEventKind.GREW, "c", List.of("a", "b", "c")), T0.plusSeconds(120));
    stories.pipeInput(
        "s",
        event("s", StoryEventKind.GREW, "d", List.of("a", "b", "c", "d")),
        T0.plusSeconds(180));
    stories.pipeInput(
        "s",
        event("s", StoryEventKind.TAGGED, "d", List.of("a", "b", "c", "d")),
        T0.plusSeconds(200));

    List<Alert> fired = alerts.readValuesToList();
    assertThat(fired).hasSize(1);
    assertThat(fired.get(0).getId()).isEqualTo("ei-3:s");
    assertThat(fired.get(0).getSources()).containsExactly("a", "b", "c");
  }

  @Test
  void shouldNotAlertWhenThreeSourcesAreSpreadWiderThanTheWindow() {
    stories.pipeInput("w", event("w", StoryEventKind.CREATED, "a", List.of("a")), T0);
    stories.pipeInput(
        "w", event("w", StoryEventKind.GREW, "b", List.of("a", "b")), T0.plusSeconds(11 * 60));
    stories.pipeInput(
        "w", event("w", StoryEventKind.GREW, "c", List.of("a", "b", "c")), T0.plusSeconds(22 * 60));
    assertThat(alerts.isEmpty()).isTrue();
  }
}
