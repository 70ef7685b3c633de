-- Schema version 2, PostgreSQL dialect: the Article fields version 1 lacked, and full-text search.

ALTER TABLE articles ADD COLUMN located TEXT;
ALTER TABLE articles ADD COLUMN urgency INTEGER;
ALTER TABLE articles ADD COLUMN html TEXT;
ALTER TABLE articles ADD COLUMN embargo_until BIGINT;
ALTER TABLE articles ADD COLUMN subjects TEXT NOT NULL DEFAULT '[]'; -- JSON array of {name, code, scheme}

CREATE INDEX articles_source_id ON articles (source_id);

-- Headline (weight A) and body (weight B) of the latest version, kept by the database itself so no
-- write path can forget it. 'english' stems like SQLite's porter tokenizer.
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, headline), 'A')
  || setweight(to_tsvector('english'::regconfig, body), 'B')
) STORED;

CREATE INDEX articles_search ON articles USING GIN (search);
