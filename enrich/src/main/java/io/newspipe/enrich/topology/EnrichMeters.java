package io.newspipe.enrich.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.metrics.StageMeters;
import java.util.Objects;

/**
 * What this enrich instance did, as meters in the process's registry: the {@link StageMeters} of
 * stage {@value DeadLetterHandler#STAGE}, articles tagged per tag ({@value #TAGGED}), duplicates
 * and story joins. Under exactly-once a retried transaction may count a record twice: these are
 * operator figures, not accounting.
 */
public final class EnrichMeters {

  /** Articles given a tag, tagged {@code tag}. */
  public static final String TAGGED = "newspipe.enrich.articles.tagged";

  /** Records dropped because their id and content hash were already processed. */
  public static final String DUPLICATES = "newspipe.enrich.duplicates";

  /** Articles that joined an existing story (rather than starting one). */
  public static final String STORIES_JOINED = "newspipe.enrich.stories.joined";

  private final StageMeters stage;
  private final Counter duplicates;
  private final Counter joinedStories;

  public EnrichMeters(MeterRegistry registry) {
    this.stage = StageMeters.of(Objects.requireNonNull(registry, "registry"), "enrich");
    this.duplicates =
        Counter.builder(DUPLICATES)
            .description("Records dropped as already processed (same id and content)")
            .register(registry);
    this.joinedStories =
        Counter.builder(STORIES_JOINED)
            .description("Articles that joined an existing story")
            .register(registry);
  }

  /** Meters in a registry of their own, for tests and tools that export nothing. */
  public static EnrichMeters detached() {
    return new EnrichMeters(StageMeters.detached());
  }

  public StageMeters stage() {
    return stage;
  }

  /** Articles tagged and written to the tagged topic (whether or not any tag was given). */
  public long tagged() {
    return stage.out();
  }

  /** Records sent to the dead-letter topic. */
  public long deadLetters() {
    return stage.deadLettered();
  }

  /** Records dropped because their id and content hash were already processed. */
  public long duplicates() {
    return (long) duplicates.count();
  }

  /** Articles that joined an existing story (rather than starting one). */
  public long joinedStories() {
    return (long) joinedStories.count();
  }

  void countJoinedStory() {
    joinedStories.increment();
  }

  void countDuplicate() {
    duplicates.increment();
  }

  void countTagged(TaggedArticle article) {
    stage.recordsOut(1);
    for (Tag tag : article.getTags()) {
      Counter.builder(TAGGED)
          .description("Articles given a tag")
          .tag("tag", tag.getId())
          .register(stage.registry())
          .increment();
    }
  }

  void countDeadLetter(Throwable reason) {
    stage.deadLetter(reason);
  }
}
