package io.newspipe.schemas;

import java.util.List;

/** Every generated Avro class of the event model; new types must be listed here. */
public final class EventTypes {
  private EventTypes() {}

  public static final List<Class<?>> ALL =
      List.of(
          Article.class,
          Source.class,
          Subject.class,
          Signal.class,
          Evidence.class,
          Tag.class,
          Entity.class,
          EntityKind.class,
          TaggedArticle.class);
}
