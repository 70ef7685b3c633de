package io.newspipe.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.enrich.tagging.SeedArticle;
import io.newspipe.enrich.tagging.Tagger;
import io.newspipe.enrich.taxonomy.Taxonomy;
import io.newspipe.schemas.Article;
import io.newspipe.schemas.ArticleHistory;
import io.newspipe.schemas.AvroSerde;
import io.newspipe.schemas.BodySource;
import io.newspipe.schemas.DeadLetters;
import io.newspipe.schemas.Signal;
import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;
import io.newspipe.schemas.TopicSet;
import io.newspipe.testkit.Articles;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrichTopologyTest {

  private static final Tagger TAGGER = new Tagger(Taxonomy.loadDefault());
  private static final TopicSet TOPICS = TopicSet.DEFAULT.withNamespace("t");
  private static final Instant NOW = Instant.parse("2024-04-26T12:00:00Z");
  private static final Instant PUBLISHED = Instant.parse("2024-04-26T09:30:00Z");

  private final EnrichMeters counters = EnrichMeters.detached();
  private final AtomicBoolean clockFails = new AtomicBoolean();
  private TopologyTestDriver driver;
  private TestInputTopic<String, Article> raw;
  private TestInputTopic<byte[], byte[]> rawBytes;
  private TestOutputTopic<String, TaggedArticle> tagged;
  private TestOutputTopic<byte[], byte[]> dlq;

  @BeforeEach
  void startDriver() {
    // A clock that can be told to fail stands in for any exception thrown while tagging.
    Clock clock =
        new Clock() {
          @Override
          public Instant instant() {
            if (clockFails.getAndSet(false)) {
              throw new IllegalStateException("clock broke while tagging");
            }
            return NOW;
          }

          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }
        };
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-topology-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    config.put(StreamsConfig.STATE_DIR_CONFIG, StoryDriver.stateDirectory());
    config.putAll(EnrichTopology.errorHandling(TOPICS));
    config.put(DeadLetterHandler.COUNTERS_CONFIG, counters);
    driver = new TopologyTestDriver(EnrichTopology.build(TAGGER, TOPICS, clock, counters), config);
    raw =
        driver.createInputTopic(
            TOPICS.raw().name(),
            TOPICS.raw().keySerde().serializer(),
            TOPICS.raw().valueSerde().serializer());
    rawBytes =
        driver.createInputTopic(
            TOPICS.raw().name(), new ByteArraySerializer(), new ByteArraySerializer());
    tagged = output(TOPICS.tagged().name());
    dlq =
        driver.createOutputTopic(
            TOPICS.dlq().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  private TestOutputTopic<String, TaggedArticle> output(String topic) {
    return driver.createOutputTopic(
        topic,
        TOPICS.tagged().keySerde().deserializer(),
        TOPICS.tagged().valueSerde().deserializer());
  }

  private static Article seedArticle() {
    SeedArticle seed = SeedArticle.load();
    return Articles.builder("seed-1", seed.headline(), seed.body())
        .setPublishedAt(PUBLISHED)
        .build();
  }

  @Test
  void shouldTagTheSeedArticleAndKeepItsKeyAndTimestamp() {
    raw.pipeInput("seed-1", seedArticle(), PUBLISHED);

    TestRecord<String, TaggedArticle> out = tagged.readRecord();
    assertThat(out.key()).isEqualTo("seed-1");
    assertThat(out.getRecordTime()).isEqualTo(PUBLISHED);
    assertThat(out.value().getArticle().getId()).isEqualTo("seed-1");
    assertThat(out.value().getEnrichedAt()).isEqualTo(NOW);
    assertThat(out.value().getTaxonomyVersion()).isEqualTo(TAGGER.taxonomy().version());
    assertThat(out.value().getTags())
        .extracting(Tag::getId)
        .contains("election-interference", "narcotics", "middle-east");
    assertThat(tagged.isEmpty()).isTrue();
    assertThat(counters.tagged()).isEqualTo(1);
  }

  @Test
  void shouldFanOutEachTaggedArticleToExactlyTheTopicsOfItsTags() {
    raw.pipeInput("seed-1", seedArticle(), PUBLISHED);
    List<String> given = tagged.readValue().getTags().stream().map(Tag::getId).toList();

    for (String tagId : TAGGER.taxonomy().tagIds()) {
      List<TestRecord<String, TaggedArticle>> records =
          output(TOPICS.tag(tagId).name()).readRecordsToList();
      if (given.contains(tagId)) {
        assertThat(records).as(tagId).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("seed-1");
        assertThat(records.get(0).value().getArticle().getId()).isEqualTo("seed-1");
      } else {
        assertThat(records).as(tagId).isEmpty();
      }
    }
    assertThat(given).doesNotContain("espionage");
  }

  @Test
  void shouldWriteAnUntaggedArticleToTaggedButToNoTagTopic() {
    raw.pipeInput("weather", Articles.article("weather", "Sunny spells", "Warm for April."));

    assertThat(tagged.readValue().getTags()).isEmpty();
    for (String tagId : TAGGER.taxonomy().tagIds()) {
      assertThat(output(TOPICS.tag(tagId).name()).isEmpty()).as(tagId).isTrue();
    }
  }

  @Test
  void shouldSendRandomBytesToTheDeadLetterTopicAndKeepProcessing() {
    byte[] junk = {0x13, 0x37, 0x00, (byte) 0xFF, 0x42};
    rawBytes.pipeInput("bad-1".getBytes(StandardCharsets.UTF_8), junk);
    raw.pipeInput("seed-1", seedArticle(), PUBLISHED);

    TestRecord<byte[], byte[]> dead = dlq.readRecord();
    assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("bad-1");
    assertThat(dead.value()).isEqualTo(junk);
    assertThat(header(dead, DeadLetters.STAGE)).isEqualTo("enrich");
    assertThat(header(dead, DeadLetters.EXCEPTION)).contains("SerializationException");
    assertThat(header(dead, DeadLetters.MESSAGE)).contains("Article");
    assertThat(header(dead, DeadLetters.SOURCE_TOPIC)).isEqualTo(TOPICS.raw().name());
    assertThat(header(dead, DeadLetters.SOURCE_PARTITION)).isEqualTo("0");
    assertThat(header(dead, DeadLetters.SOURCE_OFFSET)).isEqualTo("0");
    assertThat(dlq.isEmpty()).isTrue();
    assertThat(tagged.readKeyValue().key).isEqualTo("seed-1");
    assertThat(counters.deadLetters()).isEqualTo(1);
  }

  @Test
  void shouldSendAnUnknownSchemaFingerprintToTheDeadLetterTopicNamingIt() {
    byte[] good = AvroSerde.of(Article.class).encode(seedArticle());
    byte[] unknown = good.clone();
    unknown[2] ^= 0x5A; // same body, fingerprint of no schema we know

    rawBytes.pipeInput("seed-1".getBytes(StandardCharsets.UTF_8), unknown);

    TestRecord<byte[], byte[]> dead = dlq.readRecord();
    assertThat(dead.value()).isEqualTo(unknown);
    assertThat(header(dead, DeadLetters.EXCEPTION)).contains("UnknownSchemaException");
    assertThat(header(dead, DeadLetters.MESSAGE)).containsIgnoringCase("fingerprint");
    assertThat(tagged.isEmpty()).isTrue();
  }

  @Test
  void shouldSendAnArticleThatFailsWhileTaggingToTheDeadLetterTopicWithItsOriginalBytes() {
    Article article = seedArticle();
    clockFails.set(true);
    raw.pipeInput("seed-1", article, PUBLISHED);
    raw.pipeInput("seed-2", Articles.article("seed-2", "Sunny", "Warm."));

    TestRecord<byte[], byte[]> dead = dlq.readRecord();
    assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("seed-1");
    assertThat(AvroSerde.of(Article.class).decode(dead.value())).isEqualTo(article);
    assertThat(header(dead, DeadLetters.EXCEPTION))
        .isEqualTo(IllegalStateException.class.getName());
    assertThat(header(dead, DeadLetters.MESSAGE)).isEqualTo("clock broke while tagging");
    assertThat(tagged.readKeyValue().key).isEqualTo("seed-2");
  }

  @Test
  void shouldDeadLetterATombstoneWithTheReasonAndGoOn() {
    raw.pipeInput("gone", (Article) null);
    raw.pipeInput("seed-2", Articles.article("seed-2", "Sunny", "Warm."));

    TestRecord<byte[], byte[]> dead = dlq.readRecord();
    assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("gone");
    assertThat(dead.value()).isNull();
    assertThat(header(dead, DeadLetters.STAGE)).isEqualTo("enrich");
    assertThat(header(dead, DeadLetters.MESSAGE)).contains("tombstone", "'gone'");
    assertThat(header(dead, DeadLetters.SOURCE_TOPIC)).isEqualTo(TOPICS.raw().name());
    assertThat(dlq.isEmpty()).isTrue();
    assertThat(counters.deadLetters()).isEqualTo(1);
    assertThat(tagged.readKeyValue().key).isEqualTo("seed-2");
    assertThat(tagged.isEmpty()).isTrue();
  }

  @Test
  void shouldNameEveryProcessor() {
    String description =
        EnrichTopology.build(TAGGER, TOPICS, Clock.systemUTC()).describe().toString();

    assertThat(description)
        .contains(
            "read-raw-articles",
            "refuse-tombstones",
            "version-and-tag",
            "read-retagged",
            "learn-retagged-tags",
            "tagged-article",
            "write-tagged",
            "route-by-tag",
            "write-tag-topics")
        .doesNotContain("KSTREAM-");
  }

  private static final String CAPTAGON = "Captagon haul seized in Jordan";
  private static final String CAPTAGON_BODY =
      "Jordanian troops seized millions of captagon pills smuggled across the border from Syria,"
          + " the army in Amman said. Drug traffickers had hidden the pills in a truck.";

  private List<String> tagIds(TaggedArticle article) {
    return article.getTags().stream().map(Tag::getId).toList();
  }

  @Test
  void shouldDropARepeatedIdAndContentHash() {
    Article article = Articles.article("cap-1", CAPTAGON, CAPTAGON_BODY);

    raw.pipeInput("cap-1", article);
    raw.pipeInput("cap-1", article);

    assertThat(tagged.readRecordsToList()).hasSize(1);
    assertThat(output(TOPICS.tag("narcotics").name()).readRecordsToList()).hasSize(1);
    assertThat(counters.duplicates()).isEqualTo(1);
  }

  @Test
  void shouldEmitChangedContentForAKnownIdAsTheNextVersion() {
    raw.pipeInput("cap-1", Articles.article("cap-1", CAPTAGON, CAPTAGON_BODY));
    raw.pipeInput("cap-1", Articles.article("cap-1", CAPTAGON, CAPTAGON_BODY + " Two were held."));

    List<TaggedArticle> versions = tagged.readValuesToList();
    assertThat(versions).extracting(t -> t.getArticle().getVersion()).containsExactly(1, 2);
    assertThat(tagIds(versions.get(1))).contains("narcotics", "middle-east");
  }

  @Test
  void shouldRetagAnExtractedFullTextPublishedAsTheNextVersionOfASummaryOnlyItem() {
    String summary = "Troops made a large seizure at the border, officials said.";
    raw.pipeInput("ft-1", Articles.article("ft-1", "Border troops make a seizure", summary));
    raw.pipeInput(
        "ft-1",
        Articles.builder("ft-1", "Border troops make a seizure", CAPTAGON_BODY)
            .setVersion(2)
            .setBodySource(BodySource.EXTRACTED)
            .setSummary(summary)
            .build());

    List<TaggedArticle> versions = tagged.readValuesToList();
    assertThat(versions).extracting(t -> t.getArticle().getVersion()).containsExactly(1, 2);
    assertThat(tagIds(versions.get(0))).doesNotContain("narcotics");
    assertThat(tagIds(versions.get(1))).contains("narcotics", "middle-east");
    assertThat(versions.get(1).getArticle().getBodySource()).isEqualTo(BodySource.EXTRACTED);
    assertThat(versions.get(1).getArticle().getSummary()).isEqualTo(summary);
    assertThat(output(TOPICS.tag("narcotics").name()).readValuesToList())
        .singleElement()
        .satisfies(t -> assertThat(t.getArticle().getVersion()).isEqualTo(2));
  }

  @Test
  void shouldKeepAHigherIncomingVersion() {
    raw.pipeInput("cap-1", Articles.article("cap-1", CAPTAGON, CAPTAGON_BODY));
    raw.pipeInput(
        "cap-1",
        Articles.builder("cap-1", CAPTAGON, CAPTAGON_BODY + " Update.").setVersion(7).build());

    assertThat(tagged.readValuesToList())
        .extracting(t -> t.getArticle().getVersion())
        .containsExactly(1, 7);
  }

  @Test
  void shouldPassAWithdrawalToTaggedAndToEveryTagTopicTheArticleWasOn() {
    Article article = Articles.article("cap-1", CAPTAGON, CAPTAGON_BODY);
    raw.pipeInput("cap-1", article);
    List<String> given = tagIds(tagged.readValue());

    raw.pipeInput(
        "cap-1",
        Articles.builder("cap-1", CAPTAGON, CAPTAGON_BODY).setSignal(Signal.CANCELED).build());

    TaggedArticle withdrawal = tagged.readValue();
    assertThat(withdrawal.getArticle().getSignal()).isEqualTo(Signal.CANCELED);
    assertThat(withdrawal.getArticle().getVersion()).isEqualTo(2);
    assertThat(withdrawal.getTags()).isEmpty();
    assertThat(given).contains("narcotics", "middle-east");
    for (String tagId : given) {
      assertThat(output(TOPICS.tag(tagId).name()).readValuesToList())
          .as(tagId)
          .extracting(t -> t.getArticle().getSignal())
          .containsExactly(Signal.USABLE, Signal.CANCELED);
    }
  }

  @Test
  void shouldTellATagTopicWhenAnUpdateTakesTheArticleOffTheTag() {
    raw.pipeInput("cap-1", Articles.article("cap-1", CAPTAGON, CAPTAGON_BODY));
    raw.pipeInput(
        "cap-1",
        Articles.article(
            "cap-1",
            "Police seize captagon haul",
            "Police seized millions of captagon pills and arrested two drug traffickers."));

    List<TaggedArticle> middleEast = output(TOPICS.tag("middle-east").name()).readValuesToList();
    assertThat(middleEast).hasSize(2);
    assertThat(tagIds(middleEast.get(1))).doesNotContain("middle-east").contains("narcotics");
    assertThat(output(TOPICS.tag("narcotics").name()).readValuesToList()).hasSize(2);
  }

  @Test
  void shouldRememberEachIdInANamedChangelogBackedStore() {
    raw.pipeInput("cap-1", Articles.article("cap-1", CAPTAGON, CAPTAGON_BODY));

    KeyValueStore<String, ArticleHistory> store = driver.getKeyValueStore("article-versions");
    assertThat(store.get("cap-1").getVersion()).isEqualTo(1);
    assertThat(store.get("cap-1").getTags()).contains("narcotics");
    assertThat(driver.producedTopicNames())
        .contains("enrich-topology-test-article-versions-changelog");
  }

  @Test
  void shouldRouteTheNextLiveVersionByTheTagsReTaggingGave() {
    Article first = Articles.article("cap-1", CAPTAGON, CAPTAGON_BODY);
    raw.pipeInput("cap-1", first);
    assertThat(tagIds(tagged.readValue())).contains("narcotics");
    TestInputTopic<String, ArticleHistory> retagged =
        driver.createInputTopic(
            TOPICS.retagged().name(),
            TOPICS.retagged().keySerde().serializer(),
            TOPICS.retagged().valueSerde().serializer());
    retagged.pipeInput(
        "cap-1",
        ArticleHistory.newBuilder()
            .setVersion(1)
            .setContentHash(Enrichment.hash(first))
            .setTags(List.of("espionage"))
            .setTaxonomyVersion("2025.01")
            .build());

    raw.pipeInput("cap-1", Articles.article("cap-1", "Central bank holds rates", "Rates held."));

    List<TaggedArticle> espionage = output(TOPICS.tag("espionage").name()).readValuesToList();
    assertThat(espionage)
        .as("the re-tagged tag's subscribers see the article leave")
        .singleElement()
        .satisfies(t -> assertThat(t.getArticle().getVersion()).isEqualTo(2));
    assertThat(output(TOPICS.tag("narcotics").name()).readValuesToList())
        .as("the tag re-tagging removed was left already")
        .hasSize(1);
  }

  @Test
  void shouldIgnoreAReTaggingOfAnOlderVersion() {
    raw.pipeInput("cap-1", Articles.article("cap-1", CAPTAGON, CAPTAGON_BODY));
    raw.pipeInput("cap-1", Articles.article("cap-1", CAPTAGON, CAPTAGON_BODY + " More."));
    TestInputTopic<String, ArticleHistory> retagged =
        driver.createInputTopic(
            TOPICS.retagged().name(),
            TOPICS.retagged().keySerde().serializer(),
            TOPICS.retagged().valueSerde().serializer());
    KeyValueStore<String, ArticleHistory> store = driver.getKeyValueStore("article-versions");
    ArticleHistory live = store.get("cap-1");

    retagged.pipeInput(
        "cap-1",
        ArticleHistory.newBuilder(live).setVersion(1).setTags(List.of("espionage")).build());

    assertThat(store.get("cap-1")).isEqualTo(live);
  }

  private static String header(TestRecord<byte[], byte[]> record, String name) {
    return DeadLetters.get(record.headers(), name);
  }
}
