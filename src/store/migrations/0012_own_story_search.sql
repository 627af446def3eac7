-- Our own articles, indexed alone. After an ingest every new item looks for the articles it relates
-- to; in the shared index (0003) that search, `... AND kind : own`, walks the entry of every article
-- for the word "own" and runs BM25 over the matching rows of both kinds, so at 100,000 stories it
-- cost about 4 ms per item. This index holds only the articles' terms (contentless: the text stays
-- in `articles`), with the same rowids (related_docs) and tokenizer as the shared one.
CREATE VIRTUAL TABLE own_story_fts USING fts5 (
  title, summary, body,
  content = '',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

INSERT INTO own_story_fts (rowid, title, summary, body)
  SELECT d.doc_id, a.title, a.summary, a.body_html FROM articles a JOIN related_docs d ON d.kind = 'own' AND d.ref_id = a.id;

-- The article triggers of 0003 are replaced by ones that keep both indexes: SQLite gives no order
-- among triggers on the same event, and this index needs the related_docs row 0003 creates. A
-- contentless index forgets a row only when told its old text ('delete' with the old values).
DROP TRIGGER related_index_article_insert;
CREATE TRIGGER related_index_article_insert AFTER INSERT ON articles BEGIN
  INSERT INTO related_docs (kind, ref_id) VALUES ('own', new.id);
  INSERT INTO related_fts (rowid, kind, title, summary, body)
    VALUES ((SELECT doc_id FROM related_docs WHERE kind = 'own' AND ref_id = new.id), 'own', new.title, new.summary, new.body_html);
  INSERT INTO own_story_fts (rowid, title, summary, body)
    VALUES ((SELECT doc_id FROM related_docs WHERE kind = 'own' AND ref_id = new.id), new.title, new.summary, new.body_html);
END;

DROP TRIGGER related_index_article_update;
CREATE TRIGGER related_index_article_update AFTER UPDATE OF title, summary, body_html ON articles BEGIN
  UPDATE related_fts SET title = new.title, summary = new.summary, body = new.body_html
    WHERE rowid = (SELECT doc_id FROM related_docs WHERE kind = 'own' AND ref_id = new.id);
  INSERT INTO own_story_fts (own_story_fts, rowid, title, summary, body)
    VALUES ('delete', (SELECT doc_id FROM related_docs WHERE kind = 'own' AND ref_id = old.id), old.title, old.summary, old.body_html);
  INSERT INTO own_story_fts (rowid, title, summary, body)
    VALUES ((SELECT doc_id FROM related_docs WHERE kind = 'own' AND ref_id = new.id), new.title, new.summary, new.body_html);
END;

DROP TRIGGER related_drop_article;
CREATE TRIGGER related_drop_article AFTER DELETE ON articles BEGIN
  INSERT INTO own_story_fts (own_story_fts, rowid, title, summary, body)
    VALUES ('delete', (SELECT doc_id FROM related_docs WHERE kind = 'own' AND ref_id = old.id), old.title, old.summary, old.body_html);
  DELETE FROM related_fts WHERE rowid = (SELECT doc_id FROM related_docs WHERE kind = 'own' AND ref_id = old.id);
  DELETE FROM related_docs WHERE kind = 'own' AND ref_id = old.id;
  UPDATE articles SET revision = revision + 1
    WHERE id IN (SELECT article_id FROM related_links WHERE target_kind = 'own' AND target_id = old.id);
  DELETE FROM related_links WHERE target_kind = 'own' AND target_id = old.id AND editorial = 0;
  UPDATE related_links SET target_kind = NULL, target_id = NULL, url = NULL, source = NULL, published_at = NULL
    WHERE target_kind = 'own' AND target_id = old.id;
END;
