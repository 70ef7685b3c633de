package io.newspipe.app.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTransactionsResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.apache.kafka.common.internals.Topic;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and aborts hanging transactions on the embedded broker as it starts: a partition holding an
 * open transaction that the transaction coordinator does not list as in progress for that
 * partition. No client can ever end such a transaction (the coordinator writes commit and abort
 * markers only to the partitions it knows), and until it ends, every {@code read_committed} reader
 * of the partition stops at it: the sink, and the restore of enrich's state, which kept a restarted
 * {@code up} from storing anything after a {@code kill -9} in one run out of ten on a loaded
 * machine (the story task's changelogs and {@code news.stories} held an open transaction of the
 * killed process that the coordinator had already closed).
 *
 * <p>The rule is the one of Kafka's {@code kafka-transactions.sh find-hanging}, without its age
 * condition: that condition guards against a transaction whose partition is being added while the
 * tool looks, and no client is connected to a broker that has just started. A transaction the
 * coordinator does know is left to it: it aborts one of a dead producer when the producer's
 * transactional id starts again or the transaction times out. The sweep first waits until the
 * coordinator has loaded its log ({@link #awaitCoordinatorLoaded}); asked before that, it listed
 * nothing, and the first version of this sweep aborted 8-13 transactions it did know in two of
 * three restarts.
 */
public final class HangingTransactions {
  private static final Logger LOG = LoggerFactory.getLogger(HangingTransactions.class);

  /** Coordinator states in which a transaction still owns the partitions it lists. */
  private static final Set<TransactionState> OPEN =
      EnumSet.of(
          TransactionState.ONGOING,
          TransactionState.PREPARE_COMMIT,
          TransactionState.PREPARE_ABORT,
          TransactionState.PREPARE_EPOCH_FENCE);

  private HangingTransactions() {}

  /** An open transaction on one partition, as the partition's leader reports it. */
  record Open(TopicPartition partition, ProducerState producer) {}

  /**
   * Aborts every hanging transaction on the broker at {@code bootstrapServers}; returns how many.
   * Never throws: a sweep that cannot finish within {@code timeout} is logged and skipped (the
   * pipeline then starts as it would have without it).
   */
  public static int abortAll(String bootstrapServers, Duration timeout) {
    Map<String, Object> props = new HashMap<>();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, BrokerProbe.CLIENT_ID);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    try (Admin admin = Admin.create(props)) {
      // Internal topics too: a transaction's offsets in __consumer_offsets left open stop the
      // committed-offset fetch of every exactly-once consumer of the group
      // (UNSTABLE_OFFSET_COMMIT).
      long ms = timeout.toMillis();
      Map<String, TopicDescription> topics =
          admin
              .describeTopics(
                  admin
                      .listTopics(new ListTopicsOptions().listInternal(true))
                      .names()
                      .get(ms, TimeUnit.MILLISECONDS))
              .allTopicNames()
              .get(ms, TimeUnit.MILLISECONDS);
      TopicDescription log = topics.get(Topic.TRANSACTION_STATE_TOPIC_NAME);
      if (log == null) {
        return 0; // no transaction was ever begun on this broker
      }
      awaitCoordinatorLoaded(admin, log.partitions().size(), timeout);
      List<Open> hanging =
          hanging(open(admin, topics.values(), timeout), coordinated(admin, timeout));
      for (Open o : hanging) {
        ProducerState p = o.producer();
        LOG.warn(
            "aborting a hanging transaction on {}: producer {} (epoch {}) left it open from offset"
                + " {}, and the transaction coordinator no longer tracks it (a process killed"
                + " mid-transaction); read_committed readers of the partition were stopped at it",
            o.partition(),
            p.producerId(),
            p.producerEpoch(),
            p.currentTransactionStartOffset().orElse(-1));
        admin
            .abortTransaction(
                new AbortTransactionSpec(
                    o.partition(),
                    p.producerId(),
                    (short) p.producerEpoch(),
                    p.coordinatorEpoch().orElse(-1)))
            .all()
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      return hanging.size();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      LOG.warn(
          "could not check the broker for hanging transactions ({}); if a reader stays stuck,"
              + " see README, \"Restart after a crash\"",
          e.getCause() == null ? e.toString() : e.getCause().toString());
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /**
   * Waits until the transaction coordinator has loaded every partition of its log, so that what it
   * lists is all it knows: asked too early (the broker answers before it has taken up its
   * partitions) it lists nothing, and every open transaction would look hanging. One probe
   * transactional id per partition is described; "not found" means that partition is loaded (the
   * Admin client retries while the coordinator is loading or not yet known).
   *
   * @param partitions partitions of the transaction log ({@code __transaction_state})
   */
  static void awaitCoordinatorLoaded(Admin admin, int partitions, Duration timeout)
      throws ExecutionException, InterruptedException, TimeoutException {
    List<String> ids = probeIds(partitions);
    DescribeTransactionsResult probes = admin.describeTransactions(ids);
    for (String id : ids) {
      try {
        probes.description(id).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TransactionalIdNotFoundException)) {
          throw e;
        }
      }
    }
  }

  /** Transactional ids that map to each partition of a transaction log of {@code partitions}. */
  static List<String> probeIds(int partitions) {
    String[] ids = new String[partitions];
    int found = 0;
    for (int i = 0; found < partitions; i++) {
      String id = "newspipe-hanging-transactions-probe-" + i;
      int partition = Utils.abs(id.hashCode()) % partitions; // as the coordinator maps ids
      if (ids[partition] == null) {
        ids[partition] = id;
        found++;
      }
    }
    return List.of(ids);
  }

  /**
   * The open transactions that {@code coordinated} does not cover: the coordinator lists no
   * transaction of the same producer, in an open state, with that partition.
   */
  static List<Open> hanging(List<Open> open, Map<Long, Set<TopicPartition>> coordinated) {
    List<Open> hanging = new ArrayList<>();
    for (Open o : open) {
      Set<TopicPartition> owned = coordinated.get(o.producer().producerId());
      if (owned == null || !owned.contains(o.partition())) {
        hanging.add(o);
      }
    }
    return hanging;
  }

  /** The open transactions on every partition of {@code topics}, as their leader reports them. */
  private static List<Open> open(Admin admin, Collection<TopicDescription> topics, Duration timeout)
      throws ExecutionException, InterruptedException, TimeoutException {
    List<TopicPartition> partitions = new ArrayList<>();
    for (TopicDescription d : topics) {
      d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition())));
    }
    List<Open> open = new ArrayList<>();
    admin
        .describeProducers(partitions)
        .all()
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .forEach(
            (tp, producers) ->
                producers.activeProducers().stream()
                    .filter(p -> p.currentTransactionStartOffset().isPresent())
                    .forEach(p -> open.add(new Open(tp, p))));
    return open;
  }

  /** Producer id -> the partitions of its transaction, for every transaction still open. */
  private static Map<Long, Set<TopicPartition>> coordinated(Admin admin, Duration timeout)
      throws ExecutionException, InterruptedException, TimeoutException {
    long ms = timeout.toMillis();
    List<String> ids = new ArrayList<>();
    for (TransactionListing t :
        admin
            .listTransactions(new ListTransactionsOptions().filterStates(OPEN))
            .all()
            .get(ms, TimeUnit.MILLISECONDS)) {
      ids.add(t.transactionalId());
    }
    Map<Long, Set<TopicPartition>> owned = new HashMap<>();
    if (ids.isEmpty()) {
      return owned;
    }
    for (TransactionDescription d :
        admin.describeTransactions(ids).all().get(ms, TimeUnit.MILLISECONDS).values()) {
      if (OPEN.contains(d.state())) {
        owned.computeIfAbsent(d.producerId(), k -> new HashSet<>()).addAll(d.topicPartitions());
      }
    }
    return owned;
  }
}
