package io.newspipe.schemas;

import java.util.List;
import org.apache.avro.util.ClassSecurityValidator;

/** Every generated Avro class of the event model; new types must be listed here. */
public final class EventTypes {
  private EventTypes() {}

  public static final List<Class<?>> ALL =
      List.of(
          Article.class,
          Source.class,
          Subject.class,
          Signal.class,
          BodySource.class,
          Evidence.class,
          Tag.class,
          Entity.class,
          EntityKind.class,
          TaggedArticle.class,
          FeedState.class,
          FeedPollOutcome.class,
          FeedHealth.class,
          ArticleHistory.class,
          EnrichedArticle.class,
          StoryEventKind.class,
          StoryEvent.class,
          Watch.class,
          Alert.class,
          Delivery.class,
          AlertWindow.class);

  private static volatile boolean trusted;

  /**
   * Tells Avro (1.12+) to trust exactly these classes. Avro refuses to instantiate classes it was
   * not told about, and builders hit that check before any serde is loaded, so entry points call
   * this first (the CLI's main does; test JVMs set {@code org.apache.avro.SERIALIZABLE_PACKAGES}).
   */
  public static synchronized void trust() {
    if (trusted) {
      return;
    }
    var ours = ClassSecurityValidator.builder();
    ALL.forEach(ours::add);
    ClassSecurityValidator.setGlobal(
        ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), ours.build()));
    trusted = true;
  }
}
