-- Articles and published feed state. Dates are ISO 8601 UTC strings, which sort as text.
-- JSON columns hold small value objects that are always read and written whole.
CREATE TABLE articles (
  id            TEXT PRIMARY KEY,
  guid          TEXT NOT NULL UNIQUE,
  slug          TEXT NOT NULL UNIQUE,
  title         TEXT NOT NULL,
  summary       TEXT NOT NULL,
  body_html     TEXT NOT NULL,
  category      TEXT NOT NULL,
  category_slug TEXT NOT NULL,
  tags          TEXT NOT NULL DEFAULT '[]',
  image         TEXT,
  author        TEXT NOT NULL,
  related_links TEXT NOT NULL DEFAULT '[]',
  status        TEXT NOT NULL CHECK (status IN ('draft', 'published')),
  published_at  TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  revision      INTEGER NOT NULL DEFAULT 1
);

-- Feed queries: newest visible articles, per category and overall. The id column makes the
-- ORDER BY published_at DESC, id DESC of the feed queries an index walk instead of a sort.
CREATE INDEX articles_by_category_published ON articles (category_slug, status, published_at DESC, id DESC);
CREATE INDEX articles_by_published ON articles (status, published_at DESC, id DESC);

-- What the last publish produced for each feed document, so the next run can skip unchanged feeds
-- and keep their ETag.
CREATE TABLE feed_documents (
  name          TEXT PRIMARY KEY,
  fingerprint   TEXT NOT NULL,
  etag          TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  byte_length   INTEGER NOT NULL,
  published_at  TEXT NOT NULL
);

CREATE TABLE publish_runs (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  started_at    TEXT NOT NULL,
  duration_ms   INTEGER NOT NULL,
  trigger       TEXT NOT NULL,
  feeds_checked INTEGER NOT NULL,
  feeds_written TEXT NOT NULL DEFAULT '[]',
  errors        TEXT NOT NULL DEFAULT '[]'
);
