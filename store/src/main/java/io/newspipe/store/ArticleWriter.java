package io.newspipe.store;

import io.newspipe.schemas.Article;
import io.newspipe.schemas.Entity;
import io.newspipe.schemas.Signal;
import io.newspipe.schemas.Tag;
import io.newspipe.schemas.TaggedArticle;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/**
 * The write path of one transaction: upserts articles, their history, tags and entities, and the
 * consumer offsets. The SQL ({@code INSERT ... ON CONFLICT ... DO UPDATE ... WHERE}) is understood
 * alike by SQLite (3.24+) and PostgreSQL (9.5+), so every dialect shares it.
 */
final class ArticleWriter implements AutoCloseable {

  private static final List<String> ARTICLE_COLUMNS =
      List.of(
          "id",
          "version",
          "source_id",
          "source_name",
          "source_format",
          "guid",
          "url",
          "headline",
          "subheadline",
          "byline",
          "dateline",
          "language",
          "body",
          "summary",
          "rights",
          "published_at",
          "updated_at",
          "received_at",
          "signal",
          "withdrawn",
          "content_hash",
          "taxonomy_version",
          "enriched_at",
          "story_id",
          "located",
          "urgency",
          "html",
          "embargo_until",
          "subjects");

  // A higher version replaces the row. The same version is rewritten when enriched at the same
  // time (re-delivery: identical rewrite) or later (re-tagging with a newer taxonomy), and a
  // withdrawal of that version sticks. A lower version matches no row: nothing changes.
  private static final String UPSERT_ARTICLE =
      "INSERT INTO articles ("
          + String.join(", ", ARTICLE_COLUMNS)
          + ") VALUES ("
          + ARTICLE_COLUMNS.stream().map(c -> "?").collect(Collectors.joining(", "))
          + ") ON CONFLICT (id) DO UPDATE SET "
          + ARTICLE_COLUMNS.stream()
              .filter(c -> !c.equals("id") && !c.equals("withdrawn"))
              .map(c -> c + " = excluded." + c)
              .collect(Collectors.joining(", "))
          + ", withdrawn = CASE WHEN excluded.version = articles.version"
          + " THEN (articles.withdrawn OR excluded.withdrawn) ELSE excluded.withdrawn END"
          + " WHERE excluded.version > articles.version"
          + " OR (excluded.version = articles.version"
          + " AND excluded.enriched_at >= articles.enriched_at)";

  private static final String INSERT_VERSION =
      "INSERT INTO article_versions (id, version, content_hash, headline, body, signal,"
          + " received_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id, version) DO NOTHING";

  private static final String DELETE_TAGS = "DELETE FROM article_tags WHERE article_id = ?";

  // A tag id listed twice in one event must not fail the whole batch forever: the last one wins.
  private static final String INSERT_TAG =
      "INSERT INTO article_tags (article_id, tag_id, label, score, confidence, media_topics,"
          + " evidence) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (article_id, tag_id) DO UPDATE SET"
          + " label = excluded.label, score = excluded.score, confidence = excluded.confidence,"
          + " media_topics = excluded.media_topics, evidence = excluded.evidence";

  private static final String DELETE_ENTITIES = "DELETE FROM article_entities WHERE article_id = ?";

  // Likewise an entity listed twice is merged by adding up its mentions.
  private static final String INSERT_ENTITY =
      "INSERT INTO article_entities (article_id, kind, name, mentions) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (article_id, kind, name) DO UPDATE SET"
          + " mentions = article_entities.mentions + excluded.mentions";

  private static final String UPSERT_OFFSET =
      "INSERT INTO consumer_offsets (consumer_group, topic, partition, next_offset)"
          + " VALUES (?, ?, ?, ?) ON CONFLICT (consumer_group, topic, partition) DO UPDATE SET"
          + " next_offset = excluded.next_offset";

  private final PreparedStatement upsertArticle;
  private final PreparedStatement insertVersion;
  private final PreparedStatement deleteTags;
  private final PreparedStatement insertTag;
  private final PreparedStatement deleteEntities;
  private final PreparedStatement insertEntity;
  private final PreparedStatement upsertOffset;

  ArticleWriter(Connection connection) throws SQLException {
    upsertArticle = connection.prepareStatement(UPSERT_ARTICLE);
    insertVersion = connection.prepareStatement(INSERT_VERSION);
    deleteTags = connection.prepareStatement(DELETE_TAGS);
    insertTag = connection.prepareStatement(INSERT_TAG);
    deleteEntities = connection.prepareStatement(DELETE_ENTITIES);
    insertEntity = connection.prepareStatement(INSERT_ENTITY);
    upsertOffset = connection.prepareStatement(UPSERT_OFFSET);
  }

  /**
   * Records every version in the history and applies those newer than what is stored. Each kind of
   * statement goes to the database as one JDBC batch, so a poll's worth of articles costs a few
   * round trips rather than several per article (which is what limits PostgreSQL).
   */
  void write(List<TaggedArticle> batch) throws SQLException {
    if (batch.isEmpty()) {
      return;
    }
    for (TaggedArticle tagged : batch) {
      bindVersion(tagged.getArticle());
      insertVersion.addBatch();
    }
    insertVersion.executeBatch();
    for (TaggedArticle tagged : batch) {
      bindLatest(tagged);
      upsertArticle.addBatch();
    }
    int[] changed = upsertArticle.executeBatch();
    // The final state of an article listed twice is the last version that changed its row, so
    // only that version's tags and entities are written.
    Map<String, TaggedArticle> applied = new LinkedHashMap<>();
    for (int i = 0; i < changed.length; i++) {
      if (changed[i] == Statement.SUCCESS_NO_INFO) {
        throw new SQLException(
            "the JDBC driver did not report which article rows changed; newspipe needs that to"
                + " know whose tags to replace");
      }
      if (changed[i] > 0) {
        applied.put(batch.get(i).getArticle().getId(), batch.get(i));
      }
    }
    for (String id : applied.keySet()) {
      deleteTags.setString(1, id);
      deleteTags.addBatch();
      deleteEntities.setString(1, id);
      deleteEntities.addBatch();
    }
    deleteTags.executeBatch();
    deleteEntities.executeBatch();
    for (Map.Entry<String, TaggedArticle> e : applied.entrySet()) {
      addTags(e.getKey(), e.getValue().getTags());
      addEntities(e.getKey(), e.getValue().getEntities());
    }
    insertTag.executeBatch();
    insertEntity.executeBatch();
  }

  void offsets(String group, Map<TopicPartition, Long> nextOffsets) throws SQLException {
    for (Map.Entry<TopicPartition, Long> e : nextOffsets.entrySet()) {
      upsertOffset.setString(1, group);
      upsertOffset.setString(2, e.getKey().topic());
      upsertOffset.setInt(3, e.getKey().partition());
      upsertOffset.setLong(4, e.getValue());
      upsertOffset.addBatch();
    }
    upsertOffset.executeBatch();
  }

  private void bindVersion(Article a) throws SQLException {
    insertVersion.setString(1, a.getId());
    insertVersion.setInt(2, a.getVersion());
    insertVersion.setString(3, a.getContentHash());
    insertVersion.setString(4, a.getHeadline());
    insertVersion.setString(5, a.getBody());
    insertVersion.setString(6, a.getSignal().name());
    insertVersion.setLong(7, a.getReceivedAt().toEpochMilli());
  }

  private void bindLatest(TaggedArticle tagged) throws SQLException {
    Article a = tagged.getArticle();
    PreparedStatement s = upsertArticle;
    int i = 0;
    s.setString(++i, a.getId());
    s.setInt(++i, a.getVersion());
    s.setString(++i, a.getSource().getId());
    s.setString(++i, a.getSource().getName());
    s.setString(++i, a.getSource().getFormat());
    s.setString(++i, a.getGuid());
    s.setString(++i, a.getUrl());
    s.setString(++i, a.getHeadline());
    s.setString(++i, a.getSubheadline());
    s.setString(++i, a.getByline());
    s.setString(++i, a.getDateline());
    s.setString(++i, a.getLanguage());
    s.setString(++i, a.getBody());
    s.setString(++i, a.getSummary());
    s.setString(++i, a.getRights());
    setMillis(s, ++i, a.getPublishedAt());
    setMillis(s, ++i, a.getUpdatedAt());
    setMillis(s, ++i, a.getReceivedAt());
    s.setString(++i, a.getSignal().name());
    s.setBoolean(++i, a.getSignal() == Signal.CANCELED);
    s.setString(++i, a.getContentHash());
    s.setString(++i, tagged.getTaxonomyVersion());
    setMillis(s, ++i, tagged.getEnrichedAt());
    s.setString(++i, tagged.getStoryId());
    s.setString(++i, a.getLocated());
    if (a.getUrgency() == null) {
      s.setNull(++i, Types.INTEGER);
    } else {
      s.setInt(++i, a.getUrgency());
    }
    s.setString(++i, a.getHtml());
    setMillis(s, ++i, a.getEmbargoUntil());
    s.setString(++i, TagJson.subjects(a.getSubjects()));
  }

  private void addTags(String articleId, List<Tag> tags) throws SQLException {
    for (Tag t : tags) {
      insertTag.setString(1, articleId);
      insertTag.setString(2, t.getId());
      insertTag.setString(3, t.getLabel());
      insertTag.setDouble(4, t.getScore());
      insertTag.setDouble(5, t.getConfidence());
      insertTag.setString(6, TagJson.mediaTopics(t.getMediaTopics()));
      insertTag.setString(7, TagJson.evidence(t.getEvidence()));
      insertTag.addBatch();
    }
  }

  private void addEntities(String articleId, List<Entity> entities) throws SQLException {
    for (Entity e : entities) {
      insertEntity.setString(1, articleId);
      insertEntity.setString(2, e.getKind().name());
      insertEntity.setString(3, e.getName());
      insertEntity.setInt(4, e.getMentions());
      insertEntity.addBatch();
    }
  }

  private static void setMillis(PreparedStatement s, int index, Instant time) throws SQLException {
    if (time == null) {
      s.setNull(index, Types.BIGINT);
    } else {
      s.setLong(index, time.toEpochMilli());
    }
  }

  @Override
  public void close() throws SQLException {
    SQLException first = null;
    for (PreparedStatement s :
        List.of(
            upsertArticle,
            insertVersion,
            deleteTags,
            insertTag,
            deleteEntities,
            insertEntity,
            upsertOffset)) {
      try {
        s.close();
      } catch (SQLException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
