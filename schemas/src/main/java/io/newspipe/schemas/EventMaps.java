package io.newspipe.schemas;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;

/**
 * Turns event records into plain maps/lists (field order kept, times as ISO-8601, enums as names,
 * nulls omitted) for JSON output. Avro's own JSON encoding wraps unions in type objects, which
 * makes poor output for people and for {@code jq}.
 */
public final class EventMaps {
  private EventMaps() {}

  public static Map<String, Object> toMap(IndexedRecord record) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Schema.Field field : record.getSchema().getFields()) {
      Object value = convert(record.get(field.pos()));
      if (value != null) {
        out.put(field.name(), value);
      }
    }
    return out;
  }

  private static Object convert(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof IndexedRecord r) {
      return toMap(r);
    }
    if (value instanceof Instant i) {
      return i.toString();
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof GenericEnumSymbol<?> s) {
      return s.toString();
    }
    if (value instanceof CharSequence s) {
      return s.toString();
    }
    if (value instanceof ByteBuffer b) {
      return java.util.HexFormat.of().formatHex(b.array());
    }
    if (value instanceof Collection<?> c) {
      List<Object> list = new ArrayList<>(c.size());
      c.forEach(v -> list.add(convert(v)));
      return list;
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> map = new LinkedHashMap<>();
      m.forEach((k, v) -> map.put(String.valueOf(k), convert(v)));
      return map;
    }
    return value;
  }
}
