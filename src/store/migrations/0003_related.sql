-- Related stories. One FTS5 index (BM25) over our articles and ingested external items, kept in
-- step by triggers so that every writer (admin API, import, ingest, retention) updates it in the
-- same transaction; and the related links computed for each article. FTS5 is compiled into both
-- better-sqlite3 and Cloudflare D1, so the same SQL serves both engines.

-- related_docs gives every indexed story a stable integer rowid for the FTS table: articles and
-- external items have text ids, and an implicit rowid may change on VACUUM.
CREATE TABLE related_docs (
  doc_id  INTEGER PRIMARY KEY,
  kind    TEXT NOT NULL CHECK (kind IN ('own', 'external')),
  ref_id  TEXT NOT NULL,
  UNIQUE (kind, ref_id)
);

-- kind is indexed as a word ("own" / "external") so a query can keep to one kind cheaply
-- (`... AND kind : own`); bm25() weighs it 0. Article bodies are indexed as stored (HTML): tag
-- names occur in every document, so BM25 gives them no weight, and queries never contain them.
CREATE VIRTUAL TABLE related_fts USING fts5 (
  kind, title, summary, body,
  tokenize = 'porter unicode61 remove_diacritics 2'
);

INSERT INTO related_docs (kind, ref_id) SELECT 'own', id FROM articles;
INSERT INTO related_docs (kind, ref_id) SELECT 'external', id FROM external_items;
INSERT INTO related_fts (rowid, kind, title, summary, body)
  SELECT d.doc_id, 'own', a.title, a.summary, a.body_html FROM articles a JOIN related_docs d ON d.kind = 'own' AND d.ref_id = a.id;
INSERT INTO related_fts (rowid, kind, title, summary, body)
  SELECT d.doc_id, 'external', e.title, e.summary, e.content_text
    FROM external_items e JOIN related_docs d ON d.kind = 'external' AND d.ref_id = e.id;

CREATE TRIGGER related_index_article_insert AFTER INSERT ON articles BEGIN
  INSERT INTO related_docs (kind, ref_id) VALUES ('own', new.id);
  INSERT INTO related_fts (rowid, kind, title, summary, body)
    VALUES ((SELECT doc_id FROM related_docs WHERE kind = 'own' AND ref_id = new.id), 'own', new.title, new.summary, new.body_html);
END;

-- Only when the text changes: bumping `revision` (related links changed) must not rewrite the index.
CREATE TRIGGER related_index_article_update AFTER UPDATE OF title, summary, body_html ON articles BEGIN
  UPDATE related_fts SET title = new.title, summary = new.summary, body = new.body_html
    WHERE rowid = (SELECT doc_id FROM related_docs WHERE kind = 'own' AND ref_id = new.id);
END;

CREATE TRIGGER related_index_external_insert AFTER INSERT ON external_items BEGIN
  INSERT INTO related_docs (kind, ref_id) VALUES ('external', new.id);
  INSERT INTO related_fts (rowid, kind, title, summary, body)
    VALUES ((SELECT doc_id FROM related_docs WHERE kind = 'external' AND ref_id = new.id), 'external', new.title, new.summary, new.content_text);
END;

CREATE TRIGGER related_index_external_update AFTER UPDATE OF title, summary, content_text ON external_items BEGIN
  UPDATE related_fts SET title = new.title, summary = new.summary, body = new.content_text
    WHERE rowid = (SELECT doc_id FROM related_docs WHERE kind = 'external' AND ref_id = new.id);
END;

-- The related links of each article, in rendering order: editorial links first (resolved or not
-- yet: target_kind NULL), then computed ones. url is kept for external targets; an own target's
-- URL is built from its current slug when read.
CREATE TABLE related_links (
  article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  editorial    INTEGER NOT NULL DEFAULT 0,
  target_kind  TEXT CHECK (target_kind IN ('own', 'external')),
  target_id    TEXT,
  url          TEXT,
  title        TEXT NOT NULL,
  source       TEXT,
  published_at TEXT,
  score        REAL NOT NULL DEFAULT 0,
  reasons      TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (article_id, position)
);

CREATE INDEX related_links_by_target ON related_links (target_kind, target_id);
CREATE INDEX related_links_unresolved ON related_links (editorial, target_kind, url);

-- A story that disappears (deleted article, external item past retention) leaves every article
-- that linked to it: computed links go, editorial ones become unresolved titles again, and each
-- such article's revision moves so the publish job re-renders its feeds.
CREATE TRIGGER related_drop_article AFTER DELETE ON articles BEGIN
  DELETE FROM related_fts WHERE rowid = (SELECT doc_id FROM related_docs WHERE kind = 'own' AND ref_id = old.id);
  DELETE FROM related_docs WHERE kind = 'own' AND ref_id = old.id;
  UPDATE articles SET revision = revision + 1
    WHERE id IN (SELECT article_id FROM related_links WHERE target_kind = 'own' AND target_id = old.id);
  DELETE FROM related_links WHERE target_kind = 'own' AND target_id = old.id AND editorial = 0;
  UPDATE related_links SET target_kind = NULL, target_id = NULL, url = NULL, source = NULL, published_at = NULL
    WHERE target_kind = 'own' AND target_id = old.id;
END;

CREATE TRIGGER related_drop_external AFTER DELETE ON external_items BEGIN
  DELETE FROM related_fts WHERE rowid = (SELECT doc_id FROM related_docs WHERE kind = 'external' AND ref_id = old.id);
  DELETE FROM related_docs WHERE kind = 'external' AND ref_id = old.id;
  UPDATE articles SET revision = revision + 1
    WHERE id IN (SELECT article_id FROM related_links WHERE target_kind = 'external' AND target_id = old.id);
  DELETE FROM related_links WHERE target_kind = 'external' AND target_id = old.id AND editorial = 0;
  UPDATE related_links SET target_kind = NULL, target_id = NULL, url = NULL, source = NULL, published_at = NULL
    WHERE target_kind = 'external' AND target_id = old.id;
END;
