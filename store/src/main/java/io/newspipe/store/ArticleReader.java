package io.newspipe.store;

import io.newspipe.schemas.EntityKind;
import io.newspipe.schemas.Signal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/** The read queries every dialect shares. Stateless: each method runs on the given connection. */
final class ArticleReader {

  private ArticleReader() {}

  static Optional<StoredArticle> article(Connection c, String id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT * FROM articles WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(article(c, r)) : Optional.empty();
      }
    }
  }

  /** The article at the current row of a {@code SELECT * FROM articles}, with tags and entities. */
  static StoredArticle article(Connection c, ResultSet r) throws SQLException {
    String id = r.getString("id");
    return new StoredArticle(
        r.getString("id"),
        r.getInt("version"),
        r.getString("source_id"),
        r.getString("source_name"),
        r.getString("source_format"),
        r.getString("guid"),
        r.getString("url"),
        r.getString("headline"),
        r.getString("subheadline"),
        r.getString("byline"),
        r.getString("dateline"),
        r.getString("language"),
        r.getString("body"),
        r.getString("summary"),
        r.getString("rights"),
        instant(r, "published_at"),
        instant(r, "updated_at"),
        instant(r, "received_at"),
        Signal.valueOf(r.getString("signal")),
        r.getBoolean("withdrawn"),
        r.getString("content_hash"),
        r.getString("taxonomy_version"),
        instant(r, "enriched_at"),
        r.getString("story_id"),
        r.getString("located"),
        integer(r, "urgency"),
        r.getString("html"),
        instant(r, "embargo_until"),
        TagJson.readSubjects(r.getString("subjects")),
        tags(c, id),
        entities(c, id));
  }

  /** See {@link ArticleQueries#storyMembers}; newest first, as {@link PublishedPage} orders. */
  static List<StoredArticle> storyMembers(Connection c, String storyId, int limit)
      throws SQLException {
    String sql =
        "SELECT a.* FROM articles a WHERE a.story_id = ? AND NOT a.withdrawn ORDER BY "
            + PublishedPage.TIME
            + " DESC, a.id DESC LIMIT ?";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, storyId);
      s.setInt(2, limit);
      try (ResultSet r = s.executeQuery()) {
        List<StoredArticle> members = new ArrayList<>();
        while (r.next()) {
          members.add(article(c, r));
        }
        return members;
      }
    }
  }

  /** See {@link ArticleQueries#stories}: one GROUP BY over the stories' reports and sources. */
  static Map<String, StorySummary> stories(Connection c, Collection<String> storyIds)
      throws SQLException {
    List<String> ids = storyIds.stream().distinct().sorted().toList();
    Map<String, StorySummary> stories = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return stories;
    }
    String sql =
        "SELECT story_id, source_id, count(*) AS n FROM articles WHERE NOT withdrawn"
            + " AND story_id IN ("
            + String.join(", ", Collections.nCopies(ids.size(), "?"))
            + ") GROUP BY story_id, source_id ORDER BY story_id, source_id";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < ids.size(); i++) {
        s.setString(i + 1, ids.get(i));
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          String story = r.getString("story_id");
          StorySummary so = stories.get(story);
          List<String> sources = new ArrayList<>(so == null ? List.of() : so.sources());
          sources.add(r.getString("source_id"));
          long reports = (so == null ? 0 : so.reports()) + r.getLong("n");
          stories.put(story, new StorySummary(story, reports, sources));
        }
      }
    }
    return stories;
  }

  static List<StoredTag> tags(Connection c, String articleId) throws SQLException {
    String sql =
        "SELECT tag_id, label, score, confidence, media_topics, evidence FROM article_tags"
            + " WHERE article_id = ? ORDER BY score DESC, tag_id";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, articleId);
      try (ResultSet r = s.executeQuery()) {
        List<StoredTag> tags = new ArrayList<>();
        while (r.next()) {
          tags.add(
              new StoredTag(
                  r.getString("tag_id"),
                  r.getString("label"),
                  r.getDouble("score"),
                  r.getDouble("confidence"),
                  TagJson.readMediaTopics(r.getString("media_topics")),
                  TagJson.readEvidence(r.getString("evidence"))));
        }
        return tags;
      }
    }
  }

  static List<StoredEntity> entities(Connection c, String articleId) throws SQLException {
    String sql =
        "SELECT kind, name, mentions FROM article_entities WHERE article_id = ?"
            + " ORDER BY mentions DESC, kind, name";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, articleId);
      try (ResultSet r = s.executeQuery()) {
        List<StoredEntity> entities = new ArrayList<>();
        while (r.next()) {
          entities.add(
              new StoredEntity(
                  EntityKind.valueOf(r.getString("kind")),
                  r.getString("name"),
                  r.getInt("mentions")));
        }
        return entities;
      }
    }
  }

  static Map<TopicPartition, Long> offsets(Connection c, String group) throws SQLException {
    String sql =
        "SELECT topic, partition, next_offset FROM consumer_offsets WHERE consumer_group = ?";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, group);
      try (ResultSet r = s.executeQuery()) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        while (r.next()) {
          offsets.put(
              new TopicPartition(r.getString("topic"), r.getInt("partition")),
              r.getLong("next_offset"));
        }
        return offsets;
      }
    }
  }

  /** Runs a {@code SELECT count(*) ...} with one string parameter (or none when null). */
  static long count(Connection c, String sql, String parameter) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      if (parameter != null) {
        s.setString(1, parameter);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static Integer integer(ResultSet r, String column) throws SQLException {
    int value = r.getInt(column);
    return r.wasNull() ? null : value;
  }

  private static Instant instant(ResultSet r, String column) throws SQLException {
    long millis = r.getLong(column);
    return r.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
