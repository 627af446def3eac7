-- Tidings as its own WebSub hub (W3C WebSub Recommendation, 2018). Dates are ISO 8601 UTC
-- strings, which sort as text. Claims (claimed_until, claim_token) keep two processes, or a
-- Cron Trigger that fires twice, from verifying or delivering the same row at once.

-- Subscribe and unsubscribe requests waiting for verification of intent (§5.3). A request
-- overrides the subscription only once verified, so it lives apart from it; a refused one
-- stays, with its reason, until the same topic and callback ask again.
CREATE TABLE websub_requests (
  topic          TEXT NOT NULL,
  callback       TEXT NOT NULL,
  mode           TEXT NOT NULL CHECK (mode IN ('subscribe', 'unsubscribe')),
  secret         TEXT,
  lease_seconds  INTEGER NOT NULL,
  requested_at   TEXT NOT NULL,
  state          TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'refused')),
  error          TEXT,
  claimed_until  TEXT,
  claim_token    TEXT,
  PRIMARY KEY (topic, callback)
);

CREATE INDEX websub_requests_pending ON websub_requests (state, requested_at);

-- Verified subscriptions. Delivery health is ordinary columns, so a failing callback
-- explains itself (last_error) in the admin API.
CREATE TABLE websub_subscriptions (
  topic                 TEXT NOT NULL,
  callback              TEXT NOT NULL,
  secret                TEXT,
  lease_seconds         INTEGER NOT NULL,
  verified_at           TEXT NOT NULL,
  expires_at            TEXT NOT NULL,
  last_delivery_at      TEXT,
  last_attempt_at       TEXT,
  last_status           INTEGER,
  last_error            TEXT,
  consecutive_failures  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (topic, callback)
);

CREATE INDEX websub_subscriptions_topic ON websub_subscriptions (topic, expires_at);

-- One pending content distribution per subscription: a newer publish of the topic replaces
-- it (the body is read from the feed sink when it is sent, so it is always the latest) and
-- starts its tries again (§7: keep retrying a failing subscriber when new content arrives).
-- revision tells a delivery finished by a sender from one re-queued meanwhile.
CREATE TABLE websub_deliveries (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  topic           TEXT NOT NULL,
  callback        TEXT NOT NULL,
  revision        INTEGER NOT NULL DEFAULT 1,
  attempts        INTEGER NOT NULL DEFAULT 0,
  queued_at       TEXT NOT NULL,
  next_attempt_at TEXT NOT NULL,
  claimed_until   TEXT,
  claim_token     TEXT,
  UNIQUE (topic, callback),
  FOREIGN KEY (topic, callback) REFERENCES websub_subscriptions (topic, callback) ON DELETE CASCADE
);

CREATE INDEX websub_deliveries_due ON websub_deliveries (next_attempt_at);
CREATE INDEX websub_deliveries_claim ON websub_deliveries (claim_token);
