-- Published feed documents on Workers (src/publish/d1-feed-sink.ts); Node keeps them as files
-- and leaves this table empty. body is the UTF-8 text the renderer produced, stored as TEXT
-- because D1 hands a BLOB back as an array of numbers.
CREATE TABLE feed_bodies (
  name          TEXT PRIMARY KEY,
  content_type  TEXT NOT NULL,
  body          TEXT NOT NULL,
  etag          TEXT NOT NULL,
  last_modified TEXT NOT NULL
);
