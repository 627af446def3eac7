-- Issue 11, publish at scale: which feeds a write can have changed, so the publish job
-- fingerprints those feeds only instead of all 2,551 (50 categories, 2,000 tags, 500 authors).

-- One row per feed an article write touched: its category, its author, each of its tags, as
-- they were before the write and after it. Triggers fill it, so every writer is covered (the
-- admin API, imports, the related-links triggers that bump revision, hand-run SQL). seq is
-- AUTOINCREMENT so it never goes back: a publish forgets the rows up to the newest it read,
-- never one written while it ran. Duplicates are folded when read.
CREATE TABLE feed_changes (
  seq   INTEGER PRIMARY KEY AUTOINCREMENT,
  kind  TEXT NOT NULL CHECK (kind IN ('category', 'tag', 'author')),
  slug  TEXT NOT NULL
);

-- What the last publish checked: the instant it published at (articles scheduled in between
-- become visible without a write), a digest of its settings (a change re-checks every feed),
-- and when every feed was last checked (a periodic full check is the safety net).
CREATE TABLE publish_state (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  checked_at      TEXT NOT NULL,
  settings_digest TEXT NOT NULL,
  full_check_at   TEXT NOT NULL
);

CREATE TRIGGER feed_changes_article_inserted AFTER INSERT ON articles
BEGIN
  INSERT INTO feed_changes (kind, slug) VALUES ('category', new.category_slug);
  INSERT INTO feed_changes (kind, slug) SELECT 'author', new.author_slug WHERE new.author_slug IS NOT NULL;
END;

-- The columns a feed's fingerprint reads (heads: id, revision, published_at; visibility) and
-- the ones that say which feeds list the article. Tags have their own triggers below:
-- updateArticle rewrites the article's tag rows.
CREATE TRIGGER feed_changes_article_updated AFTER UPDATE OF revision, status, published_at, category_slug, author_slug
ON articles
WHEN old.revision IS NOT new.revision OR old.status IS NOT new.status OR old.published_at IS NOT new.published_at
  OR old.category_slug IS NOT new.category_slug OR old.author_slug IS NOT new.author_slug
BEGIN
  INSERT INTO feed_changes (kind, slug) VALUES ('category', old.category_slug);
  INSERT INTO feed_changes (kind, slug) SELECT 'category', new.category_slug WHERE new.category_slug IS NOT old.category_slug;
  INSERT INTO feed_changes (kind, slug) SELECT 'author', old.author_slug WHERE old.author_slug IS NOT NULL;
  INSERT INTO feed_changes (kind, slug) SELECT 'author', new.author_slug
   WHERE new.author_slug IS NOT NULL AND new.author_slug IS NOT old.author_slug;
END;

CREATE TRIGGER feed_changes_article_deleted AFTER DELETE ON articles
BEGIN
  INSERT INTO feed_changes (kind, slug) VALUES ('category', old.category_slug);
  INSERT INTO feed_changes (kind, slug) SELECT 'author', old.author_slug WHERE old.author_slug IS NOT NULL;
END;

-- article_tags rows follow their article (0007's triggers), so these also fire for a new
-- revision or visibility and for a deleted article.
CREATE TRIGGER feed_changes_tag_inserted AFTER INSERT ON article_tags
BEGIN
  INSERT INTO feed_changes (kind, slug) VALUES ('tag', new.tag_slug);
END;

CREATE TRIGGER feed_changes_tag_updated AFTER UPDATE ON article_tags
BEGIN
  INSERT INTO feed_changes (kind, slug) VALUES ('tag', new.tag_slug);
END;

CREATE TRIGGER feed_changes_tag_deleted AFTER DELETE ON article_tags
BEGIN
  INSERT INTO feed_changes (kind, slug) VALUES ('tag', old.tag_slug);
END;
