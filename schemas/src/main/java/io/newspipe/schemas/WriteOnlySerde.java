package io.newspipe.schemas;

import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde for values that carry routing next to what is written (a tag route, a saved-search
 * match): only {@code part} of the value goes on the wire, with {@code inner}; such topics are read
 * back with {@code inner} itself, so deserializing is refused.
 */
public final class WriteOnlySerde {
  private WriteOnlySerde() {}

  /**
   * @param readAs how the topic is read instead, for the error message
   */
  public static <R, T> Serde<R> of(Serde<T> inner, Function<R, T> part, String readAs) {
    Serializer<T> serializer = inner.serializer();
    Serializer<R> outer =
        new Serializer<>() {
          @Override
          public void configure(Map<String, ?> configs, boolean isKey) {
            serializer.configure(configs, isKey);
          }

          @Override
          public byte[] serialize(String topic, R value) {
            return value == null ? null : serializer.serialize(topic, part.apply(value));
          }
        };
    Deserializer<R> refuse =
        (topic, bytes) -> {
          throw new UnsupportedOperationException("this serde only writes; read " + readAs);
        };
    return Serdes.serdeFrom(outer, refuse);
  }
}
