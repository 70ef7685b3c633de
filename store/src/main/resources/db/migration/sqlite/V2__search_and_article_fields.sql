-- Schema version 2, SQLite dialect: the Article fields version 1 lacked, and full-text search.

ALTER TABLE articles ADD COLUMN located TEXT;
ALTER TABLE articles ADD COLUMN urgency INTEGER;
ALTER TABLE articles ADD COLUMN html TEXT;
ALTER TABLE articles ADD COLUMN embargo_until INTEGER;
ALTER TABLE articles ADD COLUMN subjects TEXT NOT NULL DEFAULT '[]'; -- JSON array of {name, code, scheme}

CREATE INDEX articles_source_id ON articles (source_id);

-- FTS5 rows are addressed by an integer rowid. The rowid of `articles` itself is not stable (it has
-- a TEXT primary key, and VACUUM may renumber such tables), so each article gets a permanent
-- document number here and the index uses that.
CREATE TABLE article_search_docs (
  doc        INTEGER PRIMARY KEY,
  article_id TEXT    NOT NULL UNIQUE
);

-- Headline and body of the latest version, stemmed (porter) like PostgreSQL's 'english' config.
CREATE VIRTUAL TABLE articles_fts USING fts5(
  headline,
  body,
  tokenize = 'porter unicode61 remove_diacritics 2'
);

INSERT INTO article_search_docs (article_id) SELECT id FROM articles;
INSERT INTO articles_fts (rowid, headline, body)
  SELECT d.doc, a.headline, a.body FROM articles a JOIN article_search_docs d ON d.article_id = a.id;

-- Triggers keep the index in step with every write, inside the writer's transaction.
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles
BEGIN
  INSERT OR IGNORE INTO article_search_docs (article_id) VALUES (new.id);
  INSERT INTO articles_fts (rowid, headline, body)
    SELECT doc, new.headline, new.body FROM article_search_docs WHERE article_id = new.id;
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF headline, body ON articles
BEGIN
  DELETE FROM articles_fts
    WHERE rowid = (SELECT doc FROM article_search_docs WHERE article_id = old.id);
  INSERT INTO articles_fts (rowid, headline, body)
    SELECT doc, new.headline, new.body FROM article_search_docs WHERE article_id = new.id;
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles
BEGIN
  DELETE FROM articles_fts
    WHERE rowid = (SELECT doc FROM article_search_docs WHERE article_id = old.id);
  DELETE FROM article_search_docs WHERE article_id = old.id;
END;
