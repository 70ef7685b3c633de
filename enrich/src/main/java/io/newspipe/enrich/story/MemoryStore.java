package io.newspipe.enrich.story;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A key-value store in a sorted map, for running the story logic without Kafka ({@link
 * StoryClusterer}: {@code newspipe eval --stories}). Not thread-safe; never changelogged.
 */
final class MemoryStore<V> implements KeyValueStore<String, V> {

  private final String name;
  private final NavigableMap<String, V> map = new TreeMap<>();

  MemoryStore(String name) {
    this.name = name;
  }

  @Override
  public void put(String key, V value) {
    if (value == null) {
      map.remove(key);
    } else {
      map.put(key, value);
    }
  }

  @Override
  public V putIfAbsent(String key, V value) {
    V old = map.get(key);
    if (old == null) {
      put(key, value);
    }
    return old;
  }

  @Override
  public void putAll(List<KeyValue<String, V>> entries) {
    entries.forEach(e -> put(e.key, e.value));
  }

  @Override
  public V delete(String key) {
    return map.remove(key);
  }

  @Override
  public V get(String key) {
    return map.get(key);
  }

  @Override
  public KeyValueIterator<String, V> range(String from, String to) {
    return iterator(map.subMap(from, true, to, true));
  }

  @Override
  public KeyValueIterator<String, V> all() {
    return iterator(map);
  }

  @Override
  public long approximateNumEntries() {
    return map.size();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    // nothing to restore: the store lives and dies with its clusterer
  }

  @Override
  public void close() {
    map.clear();
  }

  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public boolean isOpen() {
    return true;
  }

  // A snapshot, so that callers may delete while iterating, as they may with Streams' stores.
  private static <V> KeyValueIterator<String, V> iterator(Map<String, V> entries) {
    Iterator<Map.Entry<String, V>> snapshot = new ArrayList<>(entries.entrySet()).iterator();
    return new KeyValueIterator<>() {
      private Map.Entry<String, V> peeked;

      @Override
      public boolean hasNext() {
        return peeked != null || snapshot.hasNext();
      }

      @Override
      public KeyValue<String, V> next() {
        Map.Entry<String, V> e = peeked != null ? peeked : snapshot.next();
        peeked = null;
        return KeyValue.pair(e.getKey(), e.getValue());
      }

      @Override
      public String peekNextKey() {
        if (peeked == null) {
          peeked = snapshot.next();
        }
        return peeked.getKey();
      }

      @Override
      public void close() {
        // a snapshot holds no resources
      }
    };
  }
}
