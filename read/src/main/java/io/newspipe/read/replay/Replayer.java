package io.newspipe.read.replay;

import io.newspipe.read.MergedReader;
import io.newspipe.read.OffsetRanges;
import io.newspipe.read.TaggedRecords;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.TopicSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays the tagged topic by publication time: each article in the window once, as its latest
 * version within the window, in publication order, optionally paced.
 *
 * <p>Two passes over the same offset ranges: the first finds, per article id, the record of its
 * latest version (a few numbers per article, not the articles); the second merges the partitions by
 * time and emits only those records. Versions of an article share a partition (the key is the id),
 * so "latest" is decided within one partition. If a partition turned out not to be in time order
 * (archive imported after newer coverage), the second pass collects the chosen records and sorts
 * them before emitting.
 */
public final class Replayer {
  private static final Logger LOG = LoggerFactory.getLogger(Replayer.class);

  private final Consumer<byte[], byte[]> consumer;
  private final TopicSet topics;
  private volatile MergedReader current;
  private volatile boolean stopped;

  /** Results of a run. */
  public record Stats(long scanned, long emitted, long undecodable, long elapsedNanos) {
    public double ratePerSecond() {
      return elapsedNanos == 0 ? 0 : emitted * 1e9 / elapsedNanos;
    }
  }

  private record Version(int partition, long offset, int version, long enrichedAt, boolean keep) {}

  /** The consumer must use byte-array deserializers and {@code read_committed}. */
  public Replayer(Consumer<byte[], byte[]> consumer, TopicSet topics) {
    this.consumer = consumer;
    this.topics = topics;
  }

  /** Stops a running {@link #run} soon (callable from any thread, e.g. on Ctrl-C). */
  public void stop() {
    stopped = true;
    MergedReader reader = current;
    if (reader != null) {
      reader.stop();
    }
  }

  public Stats run(ReplayRequest request, ReplayOutput output) throws InterruptedException {
    long started = System.nanoTime();
    OffsetRanges ranges =
        OffsetRanges.since(consumer, List.of(topics.tagged().name()), request.since());
    long[] counts = new long[2]; // scanned, undecodable
    Map<String, Version> latest = new HashMap<>();
    MergedReader scan = reader(ranges);
    scan.forEach(r -> choose(r, request, latest, counts));
    Map<Integer, Set<Long>> chosen = new HashMap<>();
    latest.values().stream()
        .filter(Version::keep)
        .forEach(v -> chosen.computeIfAbsent(v.partition(), p -> new HashSet<>()).add(v.offset()));
    long emitted = emit(ranges, chosen, scan.inOrder(), request, output);
    return new Stats(counts[0], emitted, counts[1], System.nanoTime() - started);
  }

  private MergedReader reader(OffsetRanges ranges) {
    MergedReader reader = new MergedReader(consumer, ranges);
    current = reader;
    if (stopped) {
      reader.stop();
    }
    return reader;
  }

  private void choose(
      ConsumerRecord<byte[], byte[]> r,
      ReplayRequest request,
      Map<String, Version> latest,
      long[] counts) {
    counts[0]++;
    if (!request.inWindow(r.timestamp()) || r.value() == null) {
      return;
    }
    TaggedArticle tagged = TaggedRecords.decodeOrNull(r);
    if (tagged == null) {
      counts[1]++;
      return;
    }
    Version candidate =
        new Version(
            r.partition(),
            r.offset(),
            tagged.getArticle().getVersion(),
            tagged.getEnrichedAt().toEpochMilli(),
            request.matches(tagged));
    latest.merge(tagged.getArticle().getId(), candidate, Replayer::later);
  }

  // Higher version wins; the same version enriched later (re-tagging) wins; then the later offset.
  private static Version later(Version a, Version b) {
    Comparator<Version> order =
        Comparator.comparingInt(Version::version)
            .thenComparingLong(Version::enrichedAt)
            .thenComparingLong(Version::offset);
    return order.compare(a, b) >= 0 ? a : b;
  }

  private long emit(
      OffsetRanges ranges,
      Map<Integer, Set<Long>> chosen,
      boolean inOrder,
      ReplayRequest request,
      ReplayOutput output)
      throws InterruptedException {
    if (chosen.isEmpty() || stopped) {
      return 0;
    }
    List<ConsumerRecord<byte[], byte[]>> picked = new ArrayList<>();
    Pacer pacer = new Pacer(request.speed());
    long[] emitted = {0};
    InterruptedException[] interrupted = {null};
    reader(ranges)
        .forEach(
            r -> {
              Set<Long> offsets = chosen.get(r.partition());
              if (offsets == null || !offsets.contains(r.offset())) {
                return;
              }
              if (!inOrder) {
                picked.add(r);
                return;
              }
              try {
                pacer.await(r.timestamp());
              } catch (InterruptedException e) {
                interrupted[0] = e;
                stop();
                return;
              }
              output.write(r, TaggedRecords.decodeOrNull(r));
              emitted[0]++;
            });
    if (interrupted[0] != null) {
      throw interrupted[0];
    }
    if (!inOrder) {
      LOG.info(
          "{} is not in time order; sorting {} articles", topics.tagged().name(), picked.size());
      picked.sort(
          Comparator.<ConsumerRecord<byte[], byte[]>>comparingLong(ConsumerRecord::timestamp)
              .thenComparingInt(ConsumerRecord::partition)
              .thenComparingLong(ConsumerRecord::offset));
      for (ConsumerRecord<byte[], byte[]> r : picked) {
        if (stopped) {
          break;
        }
        pacer.await(r.timestamp());
        output.write(r, TaggedRecords.decodeOrNull(r));
        emitted[0]++;
      }
    }
    return emitted[0];
  }
}
