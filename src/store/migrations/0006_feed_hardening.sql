-- Issue 10 (feeds and ingest hardening).

-- Every URL an article was reachable at before a slug or category edit, so the old link
-- answers 301 to the current one instead of 404. A path belongs to one article at a time:
-- when another article takes it, its history entry goes (the live article wins).
CREATE TABLE article_slug_history (
  category_slug TEXT NOT NULL,
  slug          TEXT NOT NULL,
  article_id    TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  retired_at    TEXT NOT NULL,
  PRIMARY KEY (category_slug, slug)
);
CREATE INDEX article_slug_history_by_article ON article_slug_history (article_id);

-- Why a source was disabled by Tidings itself (a 410 Gone), shown in its health until an
-- operator enables it again; NULL when it is enabled or was disabled by hand.
ALTER TABLE sources ADD COLUMN disabled_reason TEXT;

-- Hash of an item's cleaned title and text alone: the identity of last resort when a feed
-- republishes a story under a new GUID and a new link (content_hash covers those too).
ALTER TABLE external_items ADD COLUMN story_hash TEXT;
CREATE INDEX external_items_by_story ON external_items (source_id, story_hash);
