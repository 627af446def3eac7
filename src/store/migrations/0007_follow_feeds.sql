-- Issue 11: follow a tag or an author, and retractions that reach aggregators.

-- The author's slug (domain/follow-slugs.ts), written with every article. NULL marks a row
-- written before this migration: slugs are computed in TypeScript (accents folded), so the
-- publish job fills them in (Store.indexFollowTargets) rather than SQL guessing here.
ALTER TABLE articles ADD COLUMN author_slug TEXT;
-- revision is in the index so an author feed's heads are read from the index alone: reaching a
-- column after body_html in the row means walking its overflow pages.
CREATE INDEX articles_by_author_published ON articles (author_slug, status, published_at DESC, id DESC, revision);

-- One row per tag of an article. status, published_at and revision are copied from the article
-- so a tag feed's heads are one index walk (tag_slug, visible, newest first) that never reads the
-- article row; the trigger below keeps the copy in step for every writer (the related-links
-- trigger of 0005 bumps revision on its own).
CREATE TABLE article_tags (
  tag_slug      TEXT NOT NULL,
  article_id    TEXT NOT NULL,
  tag_name      TEXT NOT NULL,
  status        TEXT NOT NULL,
  published_at  TEXT,
  revision      INTEGER NOT NULL,
  PRIMARY KEY (tag_slug, article_id)
);
CREATE INDEX article_tags_by_article ON article_tags (article_id);
CREATE INDEX article_tags_by_tag_published
  ON article_tags (tag_slug, status, published_at DESC, article_id DESC, revision);

CREATE TRIGGER article_tags_follow_article AFTER UPDATE OF status, published_at, revision ON articles
WHEN old.status IS NOT new.status OR old.published_at IS NOT new.published_at OR old.revision IS NOT new.revision
BEGIN
  UPDATE article_tags SET status = new.status, published_at = new.published_at, revision = new.revision
   WHERE article_id = new.id;
END;

CREATE TRIGGER article_tags_article_deleted AFTER DELETE ON articles
BEGIN
  DELETE FROM article_tags WHERE article_id = old.id;
END;

-- Articles that were visible and then deleted or unpublished (RFC 6721 tombstones, 410 Gone).
-- Where the article was listed (category, author, tags as a JSON array of slugs) is kept, so
-- each feed that carried it can carry its tombstone. A republished article loses its row.
CREATE TABLE article_retractions (
  article_id    TEXT PRIMARY KEY,
  guid          TEXT NOT NULL,
  slug          TEXT NOT NULL,
  category_slug TEXT NOT NULL,
  author_slug   TEXT NOT NULL,
  tag_slugs     TEXT NOT NULL DEFAULT '[]',
  title         TEXT NOT NULL,
  retracted_at  TEXT NOT NULL
);
CREATE INDEX article_retractions_by_time ON article_retractions (retracted_at);
CREATE INDEX article_retractions_by_url ON article_retractions (category_slug, slug);
