package io.newspipe.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.enrich.taxonomy.Taxonomy;
import io.newspipe.schemas.Topic;
import io.newspipe.schemas.TopicPolicy;
import io.newspipe.schemas.TopicProvisioner;
import io.newspipe.schemas.TopicSet;
import io.newspipe.testkit.KafkaClusterExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One topic policy for everyone: a tag topic gets the configured partitions whether a command
 * (through {@link TopicProvisioner}) or enrich creates it first. Before, enrich always made 3.
 */
class TopicProvisionerIT {

  @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

  private static Map<String, Object> client() {
    return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
  }

  @Test
  void shouldCreateMissingTopicsWithThePolicyAndTheirDeclaredRetention() throws Exception {
    TopicSet topics = KAFKA.topics("provision");
    Topic<?, ?> tag = topics.tag("narcotics");
    TopicProvisioner provisioner = new TopicProvisioner(client(), new TopicPolicy(5, (short) -1));

    assertThat(provisioner.ensure(List.of(tag))).containsExactly(tag.name());
    assertThat(partitions(tag.name())).isEqualTo(5);
    assertThat(config(tag.name()).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");

    // Existing topics are left alone, whatever the policy of the one asking later.
    TopicProvisioner other = new TopicProvisioner(client(), new TopicPolicy(2, (short) -1));
    assertThat(other.ensure(List.of(tag))).isEmpty();
    assertThat(partitions(tag.name())).isEqualTo(5);
  }

  @Test
  void shouldHaveEnrichCreateItsTopicsWithTheDeploymentsPolicy(@TempDir Path stateDir)
      throws Exception {
    TopicSet topics = KAFKA.topics("policy");
    try (EnrichService enrich =
        new EnrichService(
                new Tagger(Taxonomy.loadDefault()),
                topics,
                KAFKA.bootstrapServers(),
                Map.of(
                    StreamsConfig.APPLICATION_ID_CONFIG,
                    "provision-it-" + System.nanoTime(),
                    StreamsConfig.STATE_DIR_CONFIG,
                    stateDir.toString()))
            .topicPolicy(new TopicPolicy(4, (short) -1))) {
      enrich.start();
      assertThat(partitions(topics.tag("narcotics").name())).isEqualTo(4);
    }
  }

  /**
   * An idempotent producer's first requests to a partition that is not open yet can be reordered
   * and the first one's records lost (KAFKA-15591), so topics are handed over only once every
   * partition is open on its leader: asked at once, without retries, each answers a producer-state
   * query.
   */
  @Test
  void shouldReturnOnlyOnceEveryPartitionOfTheTopicsItCreatedIsOpen() throws Exception {
    TopicSet topics = KAFKA.topics("open");
    List<Topic<?, ?>> wanted = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      wanted.add(topics.tag("open-" + i));
    }
    TopicProvisioner provisioner = new TopicProvisioner(client(), new TopicPolicy(6, (short) -1));

    assertThat(provisioner.ensure(wanted)).hasSize(wanted.size());

    List<TopicPartition> all = new ArrayList<>();
    wanted.forEach(
        t -> IntStream.range(0, 6).forEach(p -> all.add(new TopicPartition(t.name(), p))));
    Map<String, Object> noRetries = new HashMap<>(client());
    noRetries.put(AdminClientConfig.RETRIES_CONFIG, 0);
    try (Admin admin = Admin.create(noRetries)) {
      assertThat(admin.describeProducers(all).all().get(30, TimeUnit.SECONDS)).hasSize(72);
      // Asked again, the wait says every partition is open, at once.
      assertThat(TopicProvisioner.awaitWritable(admin, wanted.stream().map(Topic::name).toList()))
          .isTrue();
    }
  }

  private static int partitions(String topic) throws Exception {
    try (Admin admin = Admin.create(client())) {
      TopicDescription d =
          admin.describeTopics(Set.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
      return d.partitions().size();
    }
  }

  private static Config config(String topic) throws Exception {
    try (Admin admin = Admin.create(client())) {
      ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      return admin.describeConfigs(Set.of(r)).all().get(30, TimeUnit.SECONDS).get(r);
    }
  }
}
