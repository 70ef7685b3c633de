package io.newspipe.notify.webhook;

import io.newspipe.schemas.Alert;
import io.newspipe.schemas.DeadLetters;
import io.newspipe.schemas.Delivery;
import io.newspipe.schemas.Topic;
import io.newspipe.schemas.TopicSet;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers every alert on {@code news.alerts} to the configured webhooks: a signed JSON POST (see
 * {@link WebhookSignature}), retried with exponential backoff, and after {@link
 * WebhookSettings#maxAttempts()} failures sent to {@code news.dlq} with the reason. Each step's
 * status goes to {@code news.alerts.deliveries} (what {@code /api/deliveries} shows). Offsets are
 * committed after an alert's deliveries are settled (delivered or dead-lettered), so a crash may
 * repeat a delivery but never skips one; receivers dedupe on {@value
 * WebhookSignature#DELIVERY_HEADER}. Only the configured URLs are requested; redirects are not
 * followed.
 */
public final class WebhookDispatcher implements Runnable, AutoCloseable {

  public static final String STAGE = "webhook";
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

  private final List<Webhook> hooks;
  private final WebhookSettings settings;
  private final TopicSet topics;
  private final KafkaConsumer<String, Alert> consumer;
  private final KafkaProducer<byte[], byte[]> producer;
  private final HttpClient http;
  private final Clock clock;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final CountDownLatch closeSignal = new CountDownLatch(1);
  private volatile boolean closing;
  private volatile boolean assigned;

  public WebhookDispatcher(
      List<Webhook> hooks,
      WebhookSettings settings,
      TopicSet topics,
      Map<String, Object> clientProps,
      String groupId) {
    this.hooks = List.copyOf(hooks);
    this.settings = settings;
    this.topics = topics;
    this.clock = Clock.systemUTC();
    Topic<String, Alert> alerts = topics.alerts();
    Map<String, Object> c = new HashMap<>(clientProps);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20);
    this.consumer =
        new KafkaConsumer<>(
            c, alerts.keySerde().deserializer(), alerts.valueSerde().deserializer());
    Map<String, Object> p = new HashMap<>(clientProps);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Whether the consumer has its partitions (deliveries flow). */
  public boolean ready() {
    return assigned;
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(
          Set.of(topics.alerts().name()),
          new org.apache.kafka.clients.consumer.ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(
                java.util.Collection<org.apache.kafka.common.TopicPartition> parts) {}

            @Override
            public void onPartitionsAssigned(
                java.util.Collection<org.apache.kafka.common.TopicPartition> parts) {
              assigned = true;
            }
          });
      while (!closing) {
        ConsumerRecords<String, Alert> records = consumer.poll(Duration.ofMillis(500));
        for (ConsumerRecord<String, Alert> record : records) {
          if (closing) {
            break;
          }
          if (record.value() != null) {
            for (Webhook hook : hooks) {
              if (hook.wants(record.value().getRuleId())) {
                deliver(hook, record);
              }
            }
          }
        }
        if (!records.isEmpty() && !closing) {
          consumer.commitSync();
        }
      }
    } catch (WakeupException e) {
      if (!closing) {
        throw e;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      consumer.close();
      stopped.countDown();
    }
  }

  /** POSTs one alert to one webhook until it is delivered or dead-lettered. */
  void deliver(Webhook hook, ConsumerRecord<String, Alert> record) throws InterruptedException {
    Alert alert = record.value();
    byte[] body = AlertJson.bytes(alert);
    String deliveryId = hook.id() + ":" + alert.getId();
    Integer lastStatus = null;
    String lastError = null;
    for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
      try {
        long now = clock.instant().getEpochSecond();
        HttpRequest request =
            HttpRequest.newBuilder(hook.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "newspipe-webhook")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(
                    WebhookSignature.SIGNATURE_HEADER,
                    WebhookSignature.sign(hook.secret(), now, body))
                .header(WebhookSignature.DELIVERY_HEADER, deliveryId)
                .header(WebhookSignature.ATTEMPT_HEADER, Integer.toString(attempt))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        lastStatus = response.statusCode();
        if (lastStatus >= 200 && lastStatus < 300) {
          status(hook, alert, "delivered", attempt, lastStatus, null);
          return;
        }
        lastError = "HTTP " + lastStatus;
      } catch (IOException e) {
        lastStatus = null;
        lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      if (attempt < settings.maxAttempts()) {
        status(hook, alert, "retrying", attempt, lastStatus, lastError);
        if (closing
            || closeSignal.await(settings.backoff(attempt).toMillis(), TimeUnit.MILLISECONDS)) {
          return; // stopping: not committed, delivered again after a restart
        }
      }
    }
    String reason =
        "webhook "
            + hook.id()
            + " ("
            + hook.url()
            + ") failed "
            + settings.maxAttempts()
            + " times, last: "
            + lastError;
    LOG.warn("alert {} dead-lettered: {}", alert.getId(), reason);
    ProducerRecord<byte[], byte[]> dead =
        new ProducerRecord<>(
            topics.dlq().name(), alert.getId().getBytes(StandardCharsets.UTF_8), body);
    DeadLetters.describe(
        dead.headers(),
        STAGE,
        new WebhookFailedException(reason),
        record.topic(),
        record.partition(),
        record.offset());
    producer.send(dead);
    status(hook, alert, "dead-lettered", settings.maxAttempts(), lastStatus, lastError);
    producer.flush();
  }

  private void status(
      Webhook hook, Alert alert, String status, int attempts, Integer httpStatus, String error) {
    Delivery d =
        Delivery.newBuilder()
            .setAlertId(alert.getId())
            .setWebhookId(hook.id())
            .setStatus(status)
            .setAttempts(attempts)
            .setHttpStatus(httpStatus)
            .setError(error)
            .setUpdatedAt(clock.instant())
            .build();
    Topic<String, Delivery> t = topics.deliveries();
    String key = hook.id() + ":" + alert.getId();
    producer.send(
        new ProducerRecord<>(
            t.name(),
            t.keySerde().serializer().serialize(t.name(), key),
            t.valueSerde().serializer().serialize(t.name(), d)));
  }

  /** Stops after the delivery in flight (a waiting retry is abandoned, and redone on restart). */
  @Override
  public void close() {
    closing = true;
    closeSignal.countDown();
    consumer.wakeup();
    try {
      if (!stopped.await(30, TimeUnit.SECONDS)) {
        LOG.warn("webhook dispatcher did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(10));
  }

  /** Why an alert was dead-lettered: its webhook kept failing. */
  public static final class WebhookFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WebhookFailedException(String message) {
      super(message);
    }
  }
}
