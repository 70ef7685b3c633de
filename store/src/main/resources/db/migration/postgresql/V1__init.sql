-- newspipe store, PostgreSQL dialect, schema version 1. Same tables, columns and conventions as
-- db/migration/sqlite/V1__init.sql (times are epoch milliseconds UTC in BIGINT columns; JSON
-- documents are text), so one store implementation and one contract test suite serve both.

-- The latest applied version of each article. Older versions never overwrite newer ones.
CREATE TABLE articles (
  id               TEXT    NOT NULL PRIMARY KEY,
  version          INTEGER NOT NULL,
  source_id        TEXT    NOT NULL,
  source_name      TEXT    NOT NULL,
  source_format    TEXT    NOT NULL,
  guid             TEXT,
  url              TEXT,
  headline         TEXT    NOT NULL,
  subheadline      TEXT,
  byline           TEXT,
  dateline         TEXT,
  language         TEXT,
  body             TEXT    NOT NULL,
  summary          TEXT,
  rights           TEXT,
  published_at     BIGINT,
  updated_at       BIGINT,
  received_at      BIGINT  NOT NULL,
  signal           TEXT    NOT NULL,
  withdrawn        BOOLEAN NOT NULL DEFAULT FALSE,
  content_hash     TEXT    NOT NULL,
  taxonomy_version TEXT    NOT NULL,
  enriched_at      BIGINT  NOT NULL,
  story_id         TEXT
);

CREATE INDEX articles_published_at ON articles (published_at);
CREATE INDEX articles_story_id ON articles (story_id);

-- Every version ever received, including ones that arrived after a newer version.
CREATE TABLE article_versions (
  id           TEXT    NOT NULL,
  version      INTEGER NOT NULL,
  content_hash TEXT    NOT NULL,
  headline     TEXT    NOT NULL,
  body         TEXT    NOT NULL,
  signal       TEXT    NOT NULL,
  received_at  BIGINT  NOT NULL,
  PRIMARY KEY (id, version)
);

-- Tags of the applied version; replaced whenever a version is applied.
CREATE TABLE article_tags (
  article_id   TEXT             NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  tag_id       TEXT             NOT NULL,
  label        TEXT             NOT NULL,
  score        DOUBLE PRECISION NOT NULL,
  confidence   DOUBLE PRECISION NOT NULL,
  media_topics TEXT             NOT NULL DEFAULT '[]', -- JSON array of IPTC Media Topic codes
  evidence     TEXT             NOT NULL DEFAULT '[]', -- JSON array of {field, start, end, text, rule}
  PRIMARY KEY (article_id, tag_id)
);

CREATE INDEX article_tags_by_tag ON article_tags (tag_id, article_id);

-- Named entities of the applied version; replaced whenever a version is applied.
CREATE TABLE article_entities (
  article_id TEXT    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  kind       TEXT    NOT NULL,
  name       TEXT    NOT NULL,
  mentions   INTEGER NOT NULL,
  PRIMARY KEY (article_id, kind, name)
);

-- Where each consumer group has read up to, written in the same transaction as the rows it read.
CREATE TABLE consumer_offsets (
  consumer_group TEXT    NOT NULL,
  topic          TEXT    NOT NULL,
  partition      INTEGER NOT NULL,
  next_offset    BIGINT  NOT NULL,
  PRIMARY KEY (consumer_group, topic, partition)
);
