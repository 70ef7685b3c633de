package io.newspipe.notify;

import io.newspipe.notify.alert.AlertRule;
import io.newspipe.notify.alert.Alerts;
import io.newspipe.notify.alert.FireOnce;
import io.newspipe.notify.watch.MatchWatches;
import io.newspipe.notify.watch.WatchMatch;
import io.newspipe.schemas.Alert;
import io.newspipe.schemas.AlertWindow;
import io.newspipe.schemas.StoryEvent;
import io.newspipe.schemas.StoryEventKind;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.Topic;
import io.newspipe.schemas.TopicSet;
import io.newspipe.schemas.Topics;
import io.newspipe.schemas.Watch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.SlidingWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The notify topology, one pure method:
 *
 * <pre>
 * news.watches (Watch, compacted) -> global store [watch-definitions]   (every instance, whole topic)
 * news.articles.tagged -> match-watches -> news.watch.&lt;id&gt;
 *                                       \-> watch rules -> alert candidates
 * news.stories (StoryEvent) -> per story rule: sliding window of rule.window per story
 *     [rule-&lt;id&gt;-window] (distinct sources, tags) -> fires? -> alert candidates
 * alert candidates -> repartition by alert id (alert-candidates) -> fire-once [alerts-fired] -> news.alerts
 * </pre>
 *
 * Alert ids are rule id + ':' + story id, so each rule alerts at most once per story.
 */
public final class NotifyTopology {

  /** How late a story event may arrive (by publication time) and still count in its window. */
  public static final Duration GRACE = Duration.ofHours(1);

  private NotifyTopology() {}

  public static Topology build(TopicSet topics, List<AlertRule> rules) {
    StreamsBuilder builder = new StreamsBuilder();
    Topic<String, Watch> watches = topics.watches();
    builder.globalTable(
        watches.name(),
        Consumed.with(watches.keySerde(), watches.valueSerde()).withName("read-watches"),
        Materialized.<String, Watch, KeyValueStore<Bytes, byte[]>>as(MatchWatches.STORE)
            .withKeySerde(watches.keySerde())
            .withValueSerde(watches.valueSerde()));

    Topic<String, TaggedArticle> tagged = topics.tagged();
    KStream<String, WatchMatch> matches =
        builder.stream(
                tagged.name(),
                Consumed.with(tagged.keySerde(), tagged.valueSerde()).withName("read-tagged"))
            .processValues(() -> new MatchWatches(topics), Named.as("match-watches"));
    matches.to(
        (id, match, context) -> match.topic(),
        Produced.with(tagged.keySerde(), WatchMatch.serde(tagged.valueSerde()))
            .withName("write-watch-topics"));

    List<KStream<String, Alert>> candidates = new ArrayList<>();
    List<AlertRule> watchRules = rules.stream().filter(AlertRule::isWatchRule).toList();
    if (!watchRules.isEmpty()) {
      candidates.add(
          matches.flatMap(
              (id, match) -> {
                List<KeyValue<String, Alert>> out = new ArrayList<>();
                for (AlertRule rule : watchRules) {
                  if (rule.watchId().equals(match.watch().getId())) {
                    Alert alert =
                        Alerts.matchAlert(
                            rule, match, match.article().getEnrichedAt().toEpochMilli());
                    out.add(KeyValue.pair(alert.getId(), alert));
                  }
                }
                return out;
              },
              Named.as("watch-rule-alerts")));
    }

    List<AlertRule> storyRules = rules.stream().filter(r -> !r.isWatchRule()).toList();
    if (!storyRules.isEmpty()) {
      Topic<String, StoryEvent> stories = topics.stories();
      KStream<String, StoryEvent> events =
          builder.stream(
                  stories.name(),
                  Consumed.with(stories.keySerde(), stories.valueSerde()).withName("read-stories"))
              .filter(
                  (story, e) -> e != null && e.getKind() != StoryEventKind.WITHDRAWN,
                  Named.as("skip-withdrawals"));
      for (AlertRule rule : storyRules) {
        candidates.add(storyRule(events, rule));
      }
    }
    if (!candidates.isEmpty()) {
      KStream<String, Alert> all = candidates.get(0);
      for (int i = 1; i < candidates.size(); i++) {
        all = all.merge(candidates.get(i), Named.as("merge-alerts-" + i));
      }
      Topic<String, Alert> alerts = topics.alerts();
      builder.addStateStore(
          Stores.keyValueStoreBuilder(
                  Stores.persistentKeyValueStore(FireOnce.STORE), Serdes.String(), Serdes.Long())
              .withLoggingEnabled(Map.of()));
      all.repartition(
              Repartitioned.<String, Alert>as("alert-candidates")
                  .withKeySerde(alerts.keySerde())
                  .withValueSerde(alerts.valueSerde()))
          .processValues(FireOnce::new, Named.as("fire-once"), FireOnce.STORE)
          .to(
              alerts.name(),
              Produced.with(alerts.keySerde(), alerts.valueSerde()).withName("write-alerts"));
    }
    return builder.build();
  }

  private static KStream<String, Alert> storyRule(
      KStream<String, StoryEvent> events, AlertRule rule) {
    String name = "rule-" + rule.id();
    var windowSerde = Topics.serde(AlertWindow.class);
    return events
        .groupByKey(
            Grouped.with(Serdes.String(), Topics.serde(StoryEvent.class))
                .withName(name + "-by-story"))
        .windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(rule.window(), GRACE))
        .aggregate(
            Alerts::emptyWindow,
            (story, event, window) -> Alerts.add(window, event),
            Named.as(name + "-aggregate"),
            Materialized.<String, AlertWindow, WindowStore<Bytes, byte[]>>as(name + "-window")
                .withKeySerde(Serdes.String())
                .withValueSerde(windowSerde))
        .toStream(Named.as(name + "-changes"))
        .filter(
            (w, window) -> window != null && Alerts.fires(rule, window), Named.as(name + "-fires"))
        .map(
            (w, window) -> {
              Alert alert = Alerts.storyAlert(rule, w.key(), window, w.window().end());
              return KeyValue.pair(alert.getId(), alert);
            },
            Named.as(name + "-alert"));
  }
}
