package io.newspipe.testkit;

import java.util.Map;

/**
 * Broker configs that make one node behave like a full cluster for newspipe: internal topics with
 * replication factor 1 (so transactions and exactly-once Streams work), no rebalance delay (so
 * tests do not wait 3 s per group), few internal-topic partitions (so the node starts fast) and no
 * auto-created topics (as in production: code must create what it uses).
 */
final class BrokerSettings {

  private BrokerSettings() {}

  static final Map<String, String> SINGLE_NODE =
      Map.ofEntries(
          Map.entry("offsets.topic.replication.factor", "1"),
          Map.entry("offsets.topic.num.partitions", "5"),
          Map.entry("transaction.state.log.replication.factor", "1"),
          Map.entry("transaction.state.log.min.isr", "1"),
          Map.entry("transaction.state.log.num.partitions", "5"),
          Map.entry("share.coordinator.state.topic.replication.factor", "1"),
          Map.entry("share.coordinator.state.topic.min.isr", "1"),
          Map.entry("default.replication.factor", "1"),
          Map.entry("min.insync.replicas", "1"),
          Map.entry("num.partitions", "3"),
          Map.entry("auto.create.topics.enable", "false"),
          Map.entry("group.initial.rebalance.delay.ms", "0"),
          Map.entry("group.streams.initial.rebalance.delay.ms", "0"));
}
