package io.newspipe.app.config;

import io.newspipe.enrich.story.StoryRules;
import io.newspipe.notify.alert.AlertRule;
import io.newspipe.notify.webhook.Webhook;
import io.newspipe.notify.webhook.WebhookSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * newspipe's settings: every key typed, defaulted, validated and documented in one place. Values
 * come from {@code newspipe.yaml} (nested keys join with '.'), then {@code NEWSPIPE_*} environment
 * variables ({@code NEWSPIPE_STORE_URL} sets {@code store.url}), then command-line flags. Keys
 * under {@code kafka.} that are not listed here are passed to every Kafka client unchanged (minus
 * the prefix), so TLS/SASL settings need no code.
 */
public final class Settings extends AbstractConfig {

  public static final String DATA_DIR = "data.dir";
  public static final String SOURCES = "sources";
  public static final String SOURCES_FOLLOW_LINKS = "sources.followLinks";
  public static final String STORE_URL = "store.url";
  public static final String BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
  public static final String KAFKA_PREFIX = "kafka.";
  public static final String KAFKA_STARTUP_TIMEOUT_MS = "startup.kafka.timeout.ms";
  public static final String BROKER_PORT = "broker.port";
  public static final String BROKER_CONTROLLER_PORT = "broker.controller.port";
  public static final String TOPIC_PARTITIONS = "topics.partitions";
  public static final String TOPIC_REPLICATION = "topics.replication.factor";
  public static final String TAXONOMY = "taxonomy";
  public static final String ENRICH_APPLICATION_ID = "enrich.application.id";
  public static final String ENRICH_STORY_WINDOW_DAYS = "enrich.story.window.days";
  public static final String ENRICH_STORY_SIMILARITY = "enrich.story.similarity";
  public static final String SINK_GROUP_ID = "sink.group.id";
  public static final String NOTIFY_APPLICATION_ID = "notify.application.id";
  public static final String ALERT_RULES = "alerts.rules";
  public static final String WEBHOOKS = "alerts.webhooks";
  public static final String WEBHOOK_MAX_ATTEMPTS = "alerts.webhook.max.attempts";
  public static final String WEBHOOK_BACKOFF_MS = "alerts.webhook.backoff.ms";
  public static final String WEBHOOK_MAX_BACKOFF_MS = "alerts.webhook.max.backoff.ms";
  public static final String WEBHOOK_TIMEOUT_MS = "alerts.webhook.timeout.ms";
  public static final String INSTANCE_ID = "instance.id";
  public static final String INGEST_MAX_FILE_BYTES = "ingest.max.file.bytes";
  public static final String FEEDS = "feeds";
  public static final String INGEST_HTTP_MAX_BODY_BYTES = "ingest.http.max.body.bytes";
  public static final String INGEST_HTTP_CONNECT_TIMEOUT_MS = "ingest.http.connect.timeout.ms";
  public static final String INGEST_HTTP_READ_TIMEOUT_MS = "ingest.http.read.timeout.ms";
  public static final String INGEST_HTTP_PER_HOST_INTERVAL_MS = "ingest.http.per.host.interval.ms";
  public static final String INGEST_FEEDS_SILENT_FACTOR = "ingest.feeds.silent.factor";
  public static final String WEB_HOST = "web.host";
  public static final String WEB_PORT = "web.port";
  public static final String MANAGEMENT_HOST = "management.host";
  public static final String MANAGEMENT_PORT = "management.port";

  public static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              DATA_DIR,
              Type.STRING,
              "./data",
              new ConfigDef.NonEmptyString(),
              Importance.HIGH,
              "Directory for local state: the embedded broker's log (kafka/) and the default"
                  + " SQLite store (newspipe.db).")
          .define(
              KAFKA_STARTUP_TIMEOUT_MS,
              Type.INT,
              8_000,
              ConfigDef.Range.between(500, 600_000),
              Importance.MEDIUM,
              "How long a command waits at start for the configured Kafka (kafka.bootstrap.servers)"
                  + " to answer before it stops with one line saying so.")
          .define(
              SOURCES,
              Type.LIST,
              List.of("seeds"),
              Importance.HIGH,
              "Directories watched for article and feed files (imported, then watched).")
          .define(
              SOURCES_FOLLOW_LINKS,
              Type.BOOLEAN,
              false,
              Importance.LOW,
              "Whether symbolic links inside source directories (and bulk imports) are read. Even"
                  + " when true, only links whose target lies inside the source directory are;"
                  + " every skipped link is logged once.")
          .define(
              STORE_URL,
              Type.STRING,
              "",
              Importance.HIGH,
              "Store to write to: 'sqlite:PATH' or 'jdbc:postgresql://HOST:PORT/DATABASE'"
                  + " (credentials from NEWSPIPE_STORE_USER/NEWSPIPE_STORE_PASSWORD or"
                  + " PGUSER/PGPASSWORD). Empty means sqlite:<data.dir>/newspipe.db.")
          .define(
              BOOTSTRAP_SERVERS,
              Type.STRING,
              "",
              Importance.HIGH,
              "Kafka bootstrap servers (HOST:PORT,...). Empty means the embedded single-node"
                  + " broker over <data.dir>/kafka, started if none is running.")
          .define(
              BROKER_PORT,
              Type.INT,
              9092,
              Range.between(1, 65535),
              Importance.LOW,
              "Port of the embedded broker (bound to 127.0.0.1).")
          .define(
              BROKER_CONTROLLER_PORT,
              Type.INT,
              9093,
              Range.between(1, 65535),
              Importance.LOW,
              "Controller port of the embedded broker (bound to 127.0.0.1).")
          .define(
              TOPIC_PARTITIONS,
              Type.INT,
              3,
              Range.between(1, 10_000),
              Importance.MEDIUM,
              "Partitions for topics newspipe creates; more partitions allow more instances.")
          .define(
              TOPIC_REPLICATION,
              Type.SHORT,
              (short) -1,
              Importance.MEDIUM,
              "Replication factor for topics newspipe creates; -1 uses the broker default.")
          .define(
              TAXONOMY,
              Type.STRING,
              "",
              Importance.MEDIUM,
              "Taxonomy YAML file; empty uses the taxonomy built into enrich.")
          .define(
              ENRICH_APPLICATION_ID,
              Type.STRING,
              "newspipe-enrich",
              new ConfigDef.NonEmptyString(),
              Importance.LOW,
              "Kafka Streams application.id of enrich (instances sharing it share the work).")
          .define(
              ENRICH_STORY_WINDOW_DAYS,
              Type.INT,
              (int) StoryRules.DEFAULT_WINDOW.toDays(),
              Range.between(1, 365),
              Importance.LOW,
              "Days a story stays open: an article joins a story only if published within this"
                  + " many days of the story's first article.")
          .define(
              ENRICH_STORY_SIMILARITY,
              Type.DOUBLE,
              StoryRules.DEFAULT_SIMILARITY,
              Range.between(0.01, 1.0),
              Importance.LOW,
              "Cosine similarity of an article's headline-and-lead words, weighted by their rarity"
                  + " in recent copy, with a story's centroid from which the article may join that"
                  + " story; lower groups more.")
          .define(
              NOTIFY_APPLICATION_ID,
              Type.STRING,
              "newspipe-notify",
              new ConfigDef.NonEmptyString(),
              Importance.LOW,
              "Kafka Streams application.id of the notify stage (saved searches, alert rules).")
          .define(
              ALERT_RULES,
              Type.LIST,
              List.of(),
              (name, value) -> {
                if (value != null) {
                  ((List<?>) value).forEach(v -> AlertRule.parse(String.valueOf(v)));
                }
              },
              Importance.MEDIUM,
              "Alert rules, each {id, tag, minSources, window} (a story tagged tag reported by at"
                  + " least minSources distinct sources within window, e.g. 10m) or {id, watch}"
                  + " (every new match of a saved search). Each fires once per story.")
          .define(
              WEBHOOKS,
              Type.LIST,
              List.of(),
              (name, value) -> {
                if (value != null) {
                  ((List<?>) value).forEach(v -> Webhook.parse(String.valueOf(v)));
                }
              },
              Importance.MEDIUM,
              "Webhooks, each {id, url, secret, rule}: every alert (or only rule's) is POSTed as"
                  + " JSON to url, signed with HMAC-SHA256 of secret (header X-Newspipe-Signature).")
          .define(
              WEBHOOK_MAX_ATTEMPTS,
              Type.INT,
              WebhookSettings.DEFAULTS.maxAttempts(),
              Range.between(1, 100),
              Importance.LOW,
              "POSTs per alert and webhook before it goes to news.dlq.")
          .define(
              WEBHOOK_BACKOFF_MS,
              Type.LONG,
              WebhookSettings.DEFAULTS.initialBackoff().toMillis(),
              Range.between(0, 3_600_000),
              Importance.LOW,
              "Wait after the first failed POST; doubled after each further one.")
          .define(
              WEBHOOK_MAX_BACKOFF_MS,
              Type.LONG,
              WebhookSettings.DEFAULTS.maxBackoff().toMillis(),
              Range.between(0, 3_600_000),
              Importance.LOW,
              "Longest wait between two POSTs of one alert.")
          .define(
              WEBHOOK_TIMEOUT_MS,
              Type.LONG,
              WebhookSettings.DEFAULTS.timeout().toMillis(),
              Range.between(100, 600_000),
              Importance.LOW,
              "Connect and response timeout of one webhook POST.")
          .define(
              SINK_GROUP_ID,
              Type.STRING,
              "newspipe-sink",
              new ConfigDef.NonEmptyString(),
              Importance.LOW,
              "Consumer group of the sink (its offsets live in the store).")
          .define(
              INSTANCE_ID,
              Type.STRING,
              "",
              Importance.LOW,
              "This process's stable name in its Kafka groups (static membership: a restart"
                  + " after a crash resumes at once instead of after the session timeout, but a"
                  + " crashed instance that does not come back holds its partitions for"
                  + " session.timeout.ms, 45 s). Empty: <host>-<hash of data.dir>-<n>, n the"
                  + " first slot no other running process on this data.dir holds. Must be"
                  + " unique among running instances. 'none': dynamic membership.")
          .define(
              INGEST_MAX_FILE_BYTES,
              Type.LONG,
              10L * 1024 * 1024,
              Range.atLeast(1024),
              Importance.LOW,
              "Largest article/feed file ingest reads; larger files are dead-lettered.")
          .define(
              FEEDS,
              Type.LIST,
              List.of(),
              (name, value) -> {
                if (value instanceof List<?> feeds) {
                  for (Object feed : feeds) {
                    try {
                      io.newspipe.ingest.feed.FeedSpec.parse(String.valueOf(feed));
                    } catch (IllegalArgumentException e) {
                      throw new org.apache.kafka.common.config.ConfigException(
                          name, feed, e.getMessage());
                    }
                  }
                }
              },
              Importance.HIGH,
              "HTTP(S) feeds ingest polls, each {id, url, interval (90s, 5m, 1h; default 5m),"
                  + " format (optional: rss, atom, jsonfeed, ninjs, newsml-g2, jsonl), enabled"
                  + " (default true)}. In NEWSPIPE_FEEDS: 'id=x;url=https://...;interval=5m',"
                  + " comma-separated.")
          .define(
              INGEST_HTTP_MAX_BODY_BYTES,
              Type.LONG,
              10L * 1024 * 1024,
              Range.atLeast(1024),
              Importance.LOW,
              "Largest feed response body (after gzip decoding); a larger one is cut off and"
                  + " dead-lettered, never buffered.")
          .define(
              INGEST_HTTP_CONNECT_TIMEOUT_MS,
              Type.LONG,
              10_000L,
              Range.atLeast(100),
              Importance.LOW,
              "Connect timeout of feed requests.")
          .define(
              INGEST_HTTP_READ_TIMEOUT_MS,
              Type.LONG,
              30_000L,
              Range.atLeast(100),
              Importance.LOW,
              "Time a feed response (headers and body) may take.")
          .define(
              INGEST_HTTP_PER_HOST_INTERVAL_MS,
              Type.LONG,
              1_000L,
              Range.atLeast(0),
              Importance.LOW,
              "Minimum time between two requests to the same host, across all feeds.")
          .define(
              INGEST_FEEDS_SILENT_FACTOR,
              Type.INT,
              3,
              Range.atLeast(1),
              Importance.LOW,
              "A feed that used to publish is reported silent (news.feeds.health, GET /api/feeds)"
                  + " when it has brought nothing new for more than this many times its usual gap"
                  + " (the median time between polls that found new items).")
          .define(
              WEB_HOST,
              Type.STRING,
              "127.0.0.1",
              new ConfigDef.NonEmptyString(),
              Importance.MEDIUM,
              "Address the web UI and API listen on; 127.0.0.1 serves this machine only, 0.0.0.0"
                  + " every interface (e.g. in a container).")
          .define(
              WEB_PORT,
              Type.INT,
              8080,
              Range.between(0, 65535),
              Importance.MEDIUM,
              "Port of the web UI and API (0 picks a free one).")
          .define(
              MANAGEMENT_HOST,
              Type.STRING,
              "127.0.0.1",
              new ConfigDef.NonEmptyString(),
              Importance.MEDIUM,
              "Address the management endpoints (/metrics, /health/live, /health/ready) listen"
                  + " on; 127.0.0.1 serves this machine only.")
          .define(
              MANAGEMENT_PORT,
              Type.INT,
              -1,
              Range.between(-1, 65535),
              Importance.MEDIUM,
              "Port of the management endpoints of ingest, enrich, sink and web; -1 (default)"
                  + " serves none, 0 picks a free one. up serves them on the web port as well.");

  public Settings(Map<String, ?> values) {
    super(DEFINITION, values, false);
  }

  public Path dataDir() {
    return Path.of(getString(DATA_DIR));
  }

  public List<Path> sources() {
    return getList(SOURCES).stream().map(Path::of).toList();
  }

  /** The store URL with the default filled in. */
  public String storeUrl() {
    String url = getString(STORE_URL);
    return url.isBlank() ? "sqlite:" + dataDir().resolve("newspipe.db") : url;
  }

  /** Configured bootstrap servers, or empty for the embedded broker. */
  public String bootstrapServers() {
    return getString(BOOTSTRAP_SERVERS).strip();
  }

  /** Kafka client properties passed through from {@code kafka.*} keys (bootstrap excluded). */
  public Map<String, Object> kafkaPassThrough() {
    Map<String, Object> props = new TreeMap<>(originalsWithPrefix(KAFKA_PREFIX));
    props.remove("bootstrap.servers");
    return props;
  }

  /** Markdown table of all keys, for the README and {@code newspipe config --help}. */
  public static String documentation() {
    return DEFINITION.toEnrichedRst();
  }
}
