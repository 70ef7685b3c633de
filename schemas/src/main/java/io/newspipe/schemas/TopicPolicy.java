package io.newspipe.schemas;

/**
 * How newspipe creates topics, the same for every command and service: partitions and replication
 * ({@code topics.partitions}, {@code topics.replication.factor}); what each topic keeps (retention,
 * compaction) is declared with the topic in {@link Topics}.
 *
 * @param partitions partitions of each topic created, at least 1
 * @param replicationFactor replicas of each partition, or -1 for the broker's default
 */
public record TopicPolicy(int partitions, short replicationFactor) {

  /** Three partitions (room for three instances of each stage), the broker's replication. */
  public static final TopicPolicy DEFAULT = new TopicPolicy(3, (short) -1);

  public TopicPolicy {
    if (partitions < 1) {
      throw new IllegalArgumentException("topics.partitions must be at least 1, got " + partitions);
    }
    if (replicationFactor == 0 || replicationFactor < -1) {
      throw new IllegalArgumentException(
          "topics.replication.factor must be at least 1 (or -1 for the broker's default), got "
              + replicationFactor);
    }
  }
}
