-- Issue 13 (cheaper ingest). An external item's body is indexed for related-story search by its
-- first 2,000 characters (about 300 words), not all of its content_text (up to 20,000). Indexing
-- was most of the cost of storing an item, and grows with the body: at 12,000 characters the FTS5
-- insert cost twice the rest of the row. What a related search needs from a candidate is what its
-- story is about, and a news story says that first (the inverted pyramid: story-terms.ts reads
-- the lead from the first 50 words, search-stories.ts a candidate's lead from its first 800
-- characters). The stored content_text is untouched. Our own articles' bodies stay whole.
DROP TRIGGER related_index_external_insert;
CREATE TRIGGER related_index_external_insert AFTER INSERT ON external_items BEGIN
  INSERT INTO related_docs (kind, ref_id) VALUES ('external', new.id);
  INSERT INTO related_fts (rowid, kind, title, summary, body)
    VALUES ((SELECT doc_id FROM related_docs WHERE kind = 'external' AND ref_id = new.id), 'external', new.title,
            new.summary, substr(new.content_text, 1, 2000));
END;

DROP TRIGGER related_index_external_update;
CREATE TRIGGER related_index_external_update AFTER UPDATE OF title, summary, content_text ON external_items BEGIN
  UPDATE related_fts SET title = new.title, summary = new.summary, body = substr(new.content_text, 1, 2000)
    WHERE rowid = (SELECT doc_id FROM related_docs WHERE kind = 'external' AND ref_id = new.id);
END;

-- Items stored before this migration are cut the same way, so that every external row of the
-- index is measured alike (BM25 compares a row's length with the average). Only the longer ones
-- change.
UPDATE related_fts SET body = substr(body, 1, 2000)
  WHERE rowid IN (SELECT d.doc_id FROM related_docs d JOIN external_items e ON d.kind = 'external' AND d.ref_id = e.id
                   WHERE length(e.content_text) > 2000);
