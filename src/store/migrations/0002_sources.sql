-- External feeds we poll (sources) and the stories read from them (external_items).
-- Dates are ISO 8601 UTC strings, which sort as text. Health is ordinary columns on the
-- source's own row, so a failing feed explains itself (last_error) and is never dropped.
CREATE TABLE sources (
  id                    TEXT PRIMARY KEY,
  url                   TEXT NOT NULL UNIQUE,
  name                  TEXT NOT NULL,
  category_hint         TEXT,
  poll_interval_minutes INTEGER NOT NULL,
  enabled               INTEGER NOT NULL DEFAULT 1,
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  etag                  TEXT,
  last_modified         TEXT,
  last_fetch_at         TEXT,
  last_success_at       TEXT,
  last_status           INTEGER,
  last_error            TEXT,
  items_stored          INTEGER NOT NULL DEFAULT 0,
  consecutive_failures  INTEGER NOT NULL DEFAULT 0,
  next_poll_at          TEXT NOT NULL,
  -- A cycle claims a due source until this instant, so a second cycle (a Cron Trigger that
  -- fires twice, another process) skips it instead of fetching it again.
  claimed_until         TEXT
);

CREATE INDEX sources_due ON sources (enabled, next_poll_at);

-- dedupe_key is "g:<guid>", else "l:<canonical link>", else "h:<content hash>": the first
-- identity the item offers. content_text is the plain text of the content, for full-text search.
CREATE TABLE external_items (
  id            TEXT PRIMARY KEY,
  source_id     TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  dedupe_key    TEXT NOT NULL,
  guid          TEXT,
  link          TEXT,
  content_hash  TEXT NOT NULL,
  title         TEXT NOT NULL,
  summary       TEXT NOT NULL,
  content_html  TEXT NOT NULL,
  content_text  TEXT NOT NULL,
  image_url     TEXT,
  author        TEXT,
  categories    TEXT NOT NULL DEFAULT '[]',
  published_at  TEXT NOT NULL,
  first_seen_at TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  UNIQUE (source_id, dedupe_key)
);

CREATE INDEX external_items_by_source_published ON external_items (source_id, published_at DESC);
CREATE INDEX external_items_by_published ON external_items (published_at DESC);
CREATE INDEX external_items_by_link ON external_items (source_id, link);
CREATE INDEX external_items_by_hash ON external_items (source_id, content_hash);
