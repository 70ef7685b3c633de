package io.newspipe.notify;

import io.newspipe.notify.alert.AlertRule;
import io.newspipe.notify.webhook.Webhook;
import io.newspipe.notify.webhook.WebhookDispatcher;
import io.newspipe.notify.webhook.WebhookSettings;
import io.newspipe.schemas.Topic;
import io.newspipe.schemas.TopicPolicy;
import io.newspipe.schemas.TopicProvisioner;
import io.newspipe.schemas.TopicSet;
import io.newspipe.schemas.lifecycle.Health;
import io.newspipe.schemas.lifecycle.Service;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link NotifyTopology} (saved searches, alert rules) as a Kafka Streams application
 * ({@code exactly_once_v2}, application id {@value #DEFAULT_APPLICATION_ID} unless the client
 * properties say otherwise) and, when webhooks are configured, the {@link WebhookDispatcher}.
 *
 * <pre>{@code
 * NotifyService notify = new NotifyService(TopicSet.DEFAULT, clientProps, rules, hooks,
 *     WebhookSettings.DEFAULTS);
 * notify.start();
 * }</pre>
 */
public final class NotifyService implements Service {

  public static final String DEFAULT_APPLICATION_ID = "newspipe-notify";
  private static final Logger LOG = LoggerFactory.getLogger(NotifyService.class);

  private final TopicSet topics;
  private final Map<String, Object> clientProps;
  private final List<AlertRule> rules;
  private final List<Webhook> hooks;
  private final WebhookSettings webhookSettings;
  private final Properties config;
  private TopicPolicy policy = TopicPolicy.DEFAULT;
  private KafkaStreams streams;
  private WebhookDispatcher dispatcher;
  private Thread dispatcherThread;

  /**
   * @param clientProps Kafka client and Streams properties (bootstrap servers, TLS, SASL, {@code
   *     application.id}, {@code state.dir}); they override the defaults here
   */
  public NotifyService(
      TopicSet topics,
      Map<String, Object> clientProps,
      List<AlertRule> rules,
      List<Webhook> hooks,
      WebhookSettings webhookSettings) {
    this.topics = Objects.requireNonNull(topics, "topics");
    this.clientProps = Map.copyOf(clientProps);
    this.rules = List.copyOf(rules);
    this.hooks = List.copyOf(hooks);
    this.webhookSettings = Objects.requireNonNull(webhookSettings, "webhookSettings");
    for (Webhook hook : hooks) {
      if (hook.rule() != null && rules.stream().noneMatch(r -> r.id().equals(hook.rule()))) {
        throw new IllegalArgumentException(
            "webhook '"
                + hook.id()
                + "' names rule '"
                + hook.rule()
                + "', which is not in alerts.rules");
      }
    }
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, DEFAULT_APPLICATION_ID);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.putAll(clientProps);
    // A record that cannot be matched or aggregated goes to the dead-letter topic, with the
    // Streams error headers, and processing goes on.
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueProcessingExceptionHandler.class);
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        org.apache.kafka.streams.errors.LogAndContinueExceptionHandler.class);
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.dlq().name());
    this.config = props;
  }

  /** How topics this service creates are partitioned; call before {@link #start()}. */
  public synchronized NotifyService topicPolicy(TopicPolicy topicPolicy) {
    this.policy = Objects.requireNonNull(topicPolicy, "policy");
    return this;
  }

  @Override
  public String name() {
    return "notify";
  }

  @Override
  public synchronized void start() {
    if (streams != null) {
      throw new IllegalStateException("notify is already started");
    }
    List<Topic<?, ?>> wanted =
        List.of(
            topics.tagged(),
            topics.dlq(),
            topics.watches(),
            topics.stories(),
            topics.alerts(),
            topics.deliveries());
    new TopicProvisioner(adminProps(), policy).ensure(wanted);
    // Streams reads the global table's partitions once, at start: a topic created a moment ago
    // must be in the metadata first, or start() fails with "no partitions available".
    awaitPartitions(topics.watches().name(), Duration.ofSeconds(30));
    streams = new KafkaStreams(NotifyTopology.build(topics, rules), config);
    streams.setUncaughtExceptionHandler(this::onUncaughtException);
    LOG.info(
        "notify starting: saved searches from {}, {} alert rules -> {}, {} webhooks",
        topics.watches().name(),
        rules.size(),
        topics.alerts().name(),
        hooks.size());
    streams.start();
    if (!hooks.isEmpty()) {
      Map<String, Object> props = new HashMap<>(clientProps);
      props.remove(StreamsConfig.APPLICATION_ID_CONFIG);
      props.remove(StreamsConfig.STATE_DIR_CONFIG);
      dispatcher =
          new WebhookDispatcher(
              hooks,
              webhookSettings,
              topics,
              props,
              config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG) + "-webhooks");
      dispatcherThread = new Thread(dispatcher, "newspipe-webhooks");
      dispatcherThread.setDaemon(true);
      dispatcherThread.start();
    }
  }

  @Override
  public Health health() {
    KafkaStreams s = streams;
    if (s == null) {
      return Health.notReady("not started");
    }
    KafkaStreams.State state = s.state();
    if (!state.isRunningOrRebalancing() && state != KafkaStreams.State.CREATED) {
      return Health.down("streams " + state);
    }
    boolean hooksReady = dispatcher == null || dispatcher.ready();
    return state == KafkaStreams.State.RUNNING && hooksReady
        ? Health.ready("streams RUNNING" + (dispatcher == null ? "" : ", webhooks assigned"))
        : Health.notReady("streams " + state + (hooksReady ? "" : ", webhooks not yet assigned"));
  }

  @Override
  public synchronized void close(Duration deadline) {
    if (dispatcher != null) {
      dispatcher.close();
      dispatcher = null;
    }
    if (streams != null) {
      streams.close(
          CloseOptions.timeout(deadline)
              .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
  }

  private void awaitPartitions(String topic, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(adminProps())) {
      while (true) {
        try {
          var description =
              admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS);
          if (!description.get(topic).partitions().isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          // not visible yet: ask again below
        }
        if (System.nanoTime() - deadline >= 0) {
          throw new IllegalStateException(
              "topic "
                  + topic
                  + " was created but has no partitions after "
                  + timeout
                  + "; is the broker healthy?");
        }
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for topic " + topic, e);
    }
  }

  private Map<String, Object> adminProps() {
    Map<String, Object> admin = new HashMap<>();
    for (String name : AdminClientConfig.configNames()) {
      if (config.containsKey(name)) {
        admin.put(name, config.get(name));
      }
    }
    return admin;
  }

  private StreamThreadExceptionResponse onUncaughtException(Throwable error) {
    LOG.error("notify stream thread failed, replacing it: {}", error.toString(), error);
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }
}
