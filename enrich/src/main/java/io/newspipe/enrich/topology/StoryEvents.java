package io.newspipe.enrich.topology;

import io.newspipe.schemas.Article;
import io.newspipe.schemas.Signal;
import io.newspipe.schemas.StoryEvent;
import io.newspipe.schemas.StoryEventKind;
import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns story assignments into story lifecycle events on {@code news.stories}, keyed by story id:
 * {@code CREATED} for a story's first report, {@code GREW} for each further report (with its
 * source), {@code TAGGED} for each tag the story gains, {@code WITHDRAWN} when a report is
 * withdrawn. It only reads the story id {@link AssignStory} gave; how stories are decided is not
 * its business. Runs right after it on the single story task, so one store ({@value #STORE}: story
 * id to the story's latest event) sees every report of a story in one order.
 */
final class StoryEvents implements Processor<String, Enriched, String, StoryEvent> {

  static final String STORE = "story-events";

  private ProcessorContext<String, StoryEvent> context;
  private KeyValueStore<String, StoryEvent> stories;

  @Override
  public void init(ProcessorContext<String, StoryEvent> context) {
    this.context = context;
    this.stories = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, Enriched> record) {
    TaggedArticle tagged = record.value().article();
    String storyId = tagged.getStoryId();
    if (storyId == null) {
      return; // no story could be worked out: nothing to tell
    }
    List<StoryEvent> events =
        events(stories.get(storyId), record.key(), tagged, record.timestamp());
    if (events.isEmpty()) {
      return;
    }
    stories.put(storyId, events.get(events.size() - 1));
    for (StoryEvent event : events) {
      context.forward(new Record<>(storyId, event, record.timestamp()));
    }
  }

  /** The report that causes events: the article version and its event time. */
  private record Report(
      String storyId, String articleId, String source, String headline, long at) {}

  /**
   * The events one report causes, given the story's latest event (null for a new story); each
   * carries the story as it stands after it. Pure, for tests.
   */
  static List<StoryEvent> events(
      StoryEvent previous, String articleId, TaggedArticle tagged, long timestamp) {
    Article article = tagged.getArticle();
    Report report =
        new Report(
            tagged.getStoryId(),
            articleId,
            article.getSource() == null ? null : article.getSource().getId(),
            article.getHeadline(),
            timestamp);
    List<String> reports =
        previous == null ? new ArrayList<>() : new ArrayList<>(previous.getReports());
    List<String> sources =
        previous == null ? new ArrayList<>() : new ArrayList<>(previous.getSources());
    List<String> tags = previous == null ? new ArrayList<>() : new ArrayList<>(previous.getTags());
    List<StoryEvent> out = new ArrayList<>();
    if (article.getSignal() == Signal.CANCELED) {
      if (previous != null && reports.remove(articleId)) {
        out.add(event(report, StoryEventKind.WITHDRAWN, null, reports, sources, tags));
      }
      return out;
    }
    if (previous == null || !reports.contains(articleId)) {
      reports.add(articleId);
      if (report.source() != null && !sources.contains(report.source())) {
        sources.add(report.source());
      }
      StoryEventKind kind = previous == null ? StoryEventKind.CREATED : StoryEventKind.GREW;
      out.add(event(report, kind, null, reports, sources, tags));
    }
    for (Tag tag : tagged.getTags()) {
      if (!tags.contains(tag.getId())) {
        tags.add(tag.getId());
        out.add(event(report, StoryEventKind.TAGGED, tag.getId(), reports, sources, tags));
      }
    }
    return out;
  }

  private static StoryEvent event(
      Report report,
      StoryEventKind kind,
      String tag,
      List<String> reports,
      List<String> sources,
      List<String> tags) {
    return StoryEvent.newBuilder()
        .setStoryId(report.storyId())
        .setKind(kind)
        .setArticleId(report.articleId())
        .setSourceId(report.source())
        .setHeadline(report.headline())
        .setTag(tag)
        .setReports(List.copyOf(reports))
        .setSources(List.copyOf(sources))
        .setTags(List.copyOf(tags))
        .setAt(Instant.ofEpochMilli(report.at()))
        .build();
  }
}
