package io.newspipe.app.run;

import io.newspipe.app.config.Settings;
import io.newspipe.notify.NotifyService;
import io.newspipe.notify.alert.AlertRule;
import io.newspipe.notify.webhook.Webhook;
import io.newspipe.notify.webhook.WebhookSettings;
import io.newspipe.read.watch.WatchBook;
import io.newspipe.schemas.TopicSet;
import io.newspipe.web.notify.NotifyApi;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The notify stage (saved searches, alert rules, webhooks) as {@code up} and {@code enrich} run it,
 * and the web's side of it, from newspipe.yaml ({@code alerts.*}, {@code notify.application.id}).
 */
public final class Notify {
  private Notify() {}

  /**
   * The service, configured but not started, with static membership under {@code id} (as enrich):
   * restarted after a kill -9, it takes its partitions back at once instead of waiting a session
   * timeout for its dead members, which would hold up every service started after it.
   */
  public static NotifyService service(
      Settings settings, KafkaConnection kafka, TopicSet topics, InstanceId id) {
    Map<String, Object> props = new HashMap<>(kafka.clientProps());
    props.put(
        StreamsConfig.APPLICATION_ID_CONFIG, settings.getString(Settings.NOTIFY_APPLICATION_ID));
    props.putIfAbsent(
        StreamsConfig.STATE_DIR_CONFIG, settings.dataDir().resolve("streams").toString());
    props = id.applyTo(props);
    return new NotifyService(
            topics, props, rules(settings), webhooks(settings), webhookSettings(settings))
        .topicPolicy(TopicAdmin.policy(settings));
  }

  public static List<AlertRule> rules(Settings settings) {
    return settings.getList(Settings.ALERT_RULES).stream().map(AlertRule::parse).toList();
  }

  public static List<Webhook> webhooks(Settings settings) {
    return settings.getList(Settings.WEBHOOKS).stream().map(Webhook::parse).toList();
  }

  public static WebhookSettings webhookSettings(Settings settings) {
    return new WebhookSettings(
        settings.getInt(Settings.WEBHOOK_MAX_ATTEMPTS),
        Duration.ofMillis(settings.getLong(Settings.WEBHOOK_BACKOFF_MS)),
        Duration.ofMillis(settings.getLong(Settings.WEBHOOK_MAX_BACKOFF_MS)),
        Duration.ofMillis(settings.getLong(Settings.WEBHOOK_TIMEOUT_MS)));
  }

  /** Saved searches in Kafka, for the API and the CLI. */
  public static WatchBook book(Settings settings, KafkaConnection kafka, TopicSet topics) {
    return new WatchBook(kafka.clientProps(), topics, TopicAdmin.policy(settings));
  }

  /** The web's saved-search, alert and feed endpoints. */
  public static NotifyApi api(Settings settings, KafkaConnection kafka, TopicSet topics) {
    return new NotifyApi(kafka.clientProps(), topics, book(settings, kafka, topics));
  }
}
