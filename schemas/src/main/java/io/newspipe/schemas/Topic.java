package io.newspipe.schemas;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic with its key and value serdes and the topic-level configs it must be created with.
 * Declared once in {@link Topics}; call sites never spell a topic name.
 */
public record Topic<K, V>(
    String name, Serde<K> keySerde, Serde<V> valueSerde, Map<String, String> configs) {

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
    configs = Map.copyOf(configs);
  }

  /** The same topic shape under another name (used for per-test unique topics). */
  public Topic<K, V> withName(String newName) {
    return new Topic<>(newName, keySerde, valueSerde, configs);
  }
}
