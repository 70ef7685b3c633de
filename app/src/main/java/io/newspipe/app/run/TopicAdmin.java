package io.newspipe.app.run;

import io.newspipe.app.config.Settings;
import io.newspipe.schemas.Topic;
import io.newspipe.schemas.TopicPolicy;
import io.newspipe.schemas.TopicProvisioner;
import io.newspipe.schemas.TopicSet;
import java.util.Collection;
import java.util.Map;

/**
 * The deployment's topic policy from settings ({@code topics.partitions}, {@code
 * topics.replication.factor}), applied by the one {@link TopicProvisioner} every command uses.
 */
public final class TopicAdmin {
  private TopicAdmin() {}

  /** The policy every command and service creates topics with. */
  public static TopicPolicy policy(Settings settings) {
    return new TopicPolicy(
        settings.getInt(Settings.TOPIC_PARTITIONS), settings.getShort(Settings.TOPIC_REPLICATION));
  }

  /** Creates the deployment's core topics that do not exist yet. */
  public static void ensureCore(KafkaConnection kafka, Settings settings, TopicSet topics) {
    new TopicProvisioner(kafka.clientProps(), policy(settings)).ensure(topics.core());
  }

  /** Creates each topic that does not exist yet; existing topics are left as they are. */
  public static void ensure(
      Map<String, Object> clientProps,
      Collection<Topic<?, ?>> topics,
      int partitions,
      short replicationFactor) {
    new TopicProvisioner(clientProps, new TopicPolicy(partitions, replicationFactor))
        .ensure(topics);
  }
}
