-- Keyset paging for replay --from-store and the newest-first listing orders by publication time
-- (the source's, else the time received) and id; this index turns each page into a range scan.
CREATE INDEX articles_publication_time ON articles ((COALESCE(published_at, received_at)), id);
