package io.newspipe.app.broker;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The server properties of newspipe's single-node broker: what {@code config/server.properties}
 * would say for a combined broker+controller, tuned for one machine.
 */
final class BrokerConfig {

  static final int NODE_ID = 1;
  static final String HOST = "127.0.0.1";
  static final String BROKER_LISTENER = "PLAINTEXT";
  static final String CONTROLLER_LISTENER = "CONTROLLER";

  private BrokerConfig() {}

  static Map<String, String> properties(Path dataDir, int brokerPort, int controllerPort) {
    Map<String, String> p = new HashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(NODE_ID));
    // A static voter set (not a formatted dynamic quorum) so the controller port can change
    // between runs without reformatting.
    p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
    // Loopback only: the local broker has no authentication, so it must not be reachable from
    // the network.
    p.put(
        "listeners",
        BROKER_LISTENER
            + "://"
            + HOST
            + ":"
            + brokerPort
            + ","
            + CONTROLLER_LISTENER
            + "://"
            + HOST
            + ":"
            + controllerPort);
    p.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort);
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    p.put("inter.broker.listener.name", BROKER_LISTENER);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", dataDir.toString());
    p.put("metadata.log.dir", dataDir.toString());

    // One node: every internal topic has one replica, or transactions and groups cannot start.
    p.put("offsets.topic.replication.factor", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    // Fewer internal partitions than the 50 default: every start loads them all.
    p.put("offsets.topic.num.partitions", "10");
    p.put("transaction.state.log.num.partitions", "10");

    p.put("num.partitions", "3");
    // newspipe creates the topics it uses; a typo must not silently create a new topic.
    p.put("auto.create.topics.enable", "false");
    // Nobody else will join: do not make the first consumer group wait 3 s.
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("group.streams.initial.rebalance.delay.ms", "0");
    // The default 128 MiB compaction buffer is sized for servers, not a laptop CLI.
    p.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
    return p;
  }
}
