package io.newspipe.enrich.topology;

import io.newspipe.enrich.story.StoryIndex;
import io.newspipe.enrich.story.StoryNames;
import io.newspipe.enrich.story.StoryRules;
import io.newspipe.enrich.story.StoryText;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.Signal;
import io.newspipe.schemas.TaggedArticle;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every article version its story id from the {@link StoryIndex}, and forgets old index
 * entries once an hour (wall-clock punctuation). Runs on the single-partition story topic, so one
 * task sees every article in one order: see {@link EnrichTopology} for why.
 */
final class AssignStory implements FixedKeyProcessor<String, Enriched, Enriched> {

  static final Duration PURGE_INTERVAL = Duration.ofHours(1);

  private static final Logger LOG = LoggerFactory.getLogger(AssignStory.class);

  private final StoryRules rules;
  private final EnrichMeters counters;
  private FixedKeyProcessorContext<String, Enriched> context;
  private StoryIndex index;

  AssignStory(StoryRules rules, EnrichMeters counters) {
    this.rules = rules;
    this.counters = counters;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Enriched> context) {
    this.context = context;
    this.index =
        new StoryIndex(
            context.getStateStore(StoryIndex.STORIES),
            context.getStateStore(StoryIndex.SIGNATURES),
            context.getStateStore(StoryIndex.BANDS),
            context.getStateStore(StoryIndex.STORY_STATE),
            context.getStateStore(StoryIndex.WORD_COUNTS),
            rules);
    context.schedule(PURGE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> purge(now));
  }

  @Override
  public void process(FixedKeyRecord<String, Enriched> record) {
    TaggedArticle article = record.value().article();
    article.setStoryId(story(record));
    context.forward(record);
  }

  private String story(FixedKeyRecord<String, Enriched> record) {
    String id = record.key();
    try {
      Article article = record.value().article().getArticle();
      if (article.getSignal() == Signal.CANCELED) {
        return index.withdraw(id);
      }
      StoryNames names =
          StoryNames.of(article.getHeadline(), article.getSubheadline(), article.getBody());
      List<String> headlineWords = StoryText.words(article.getHeadline(), null, null);
      StoryIndex.Assignment assignment =
          index.assign(
              id,
              record.value().signature(),
              names,
              headlineWords,
              StoryText.headlineNames(headlineWords, article.getBody()),
              () -> StoryText.followsUp(article.getBody()),
              record.timestamp(),
              context.currentSystemTimeMs());
      if (assignment.match() != null) {
        counters.countJoinedStory();
        if (LOG.isDebugEnabled()) { // the formatting would otherwise run for every joining article
          LOG.debug(
              "{} joins story {}: similarity {} with {}",
              id,
              assignment.storyId(),
              String.format("%.2f", assignment.match().similarity()),
              assignment.match().articleId());
        }
      }
      return assignment.storyId();
    } catch (StreamsException e) {
      throw e; // the store or the broker: Streams retries or moves the task
    } catch (RuntimeException e) {
      // A story is an extra: an article whose story cannot be worked out (a damaged index entry)
      // is still delivered, without one, rather than dead-lettered.
      LOG.warn(
          "story of {} could not be assigned ({}); it is delivered without a story id. If this"
              + " repeats, reset the enrich application to rebuild its stores",
          id,
          e.toString());
      return null;
    }
  }

  private void purge(long now) {
    int removed = index.purge(now);
    if (removed > 0) {
      LOG.debug("story index: forgot {} entries older than {}", removed, rules.window());
    }
  }
}
