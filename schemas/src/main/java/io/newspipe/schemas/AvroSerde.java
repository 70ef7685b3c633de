package io.newspipe.schemas;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for generated Avro classes using Avro's single-object encoding ({@code C3 01} +
 * 8-byte CRC-64-AVRO fingerprint + binary body), so no schema registry is needed.
 *
 * <p>Reading resolves the writer schema by fingerprint from {@link SchemaHistory} and reads it into
 * the current class (schema resolution fills defaults for fields added later). A record with an
 * unknown fingerprint fails with {@link UnknownSchemaException}, one that is not Avro at all with a
 * plain {@link SerializationException}; both name the type, so dead-letter headers say why.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

  static {
    EventTypes.trust();
  }

  private final Class<T> type;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  private AvroSerde(Class<T> type) {
    this.type = type;
    SpecificData model = SpecificData.getForClass(type);
    Schema current = model.getSchema(type);
    this.encoder = new BinaryMessageEncoder<>(model, current);
    this.decoder = new BinaryMessageDecoder<>(model, current, SchemaHistory.get().store());
  }

  public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
    return new AvroSerde<>(type);
  }

  /** Encodes one value; null stays null (a Kafka tombstone). */
  public byte[] encode(T value) {
    if (value == null) {
      return null;
    }
    try {
      ByteBuffer buffer = encoder.encode(value);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException | AvroRuntimeException e) {
      throw new SerializationException(
          "cannot encode " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** Decodes one value; null stays null. */
  public T decode(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return decoder.decode(bytes);
    } catch (MissingSchemaException e) {
      throw new UnknownSchemaException(type.getSimpleName(), fingerprintOf(bytes), e);
    } catch (BadHeaderException e) {
      throw new SerializationException(
          "cannot decode "
              + type.getSimpleName()
              + ": not an Avro single-object encoded record ("
              + e.getMessage()
              + ")",
          e);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "cannot decode " + type.getSimpleName() + ": corrupt record body (" + e + ")", e);
    }
  }

  private static long fingerprintOf(byte[] bytes) {
    if (bytes.length < 10) {
      return 0L;
    }
    // Single-object encoding stores the fingerprint little-endian after the 2-byte marker.
    return ByteBuffer.wrap(bytes, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> encode(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> decode(bytes);
  }
}
