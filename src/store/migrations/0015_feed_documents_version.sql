-- Issue 11, publish at scale: a counter that every save of feed document states moves by one,
-- in the same batch. A publisher that remembers the states it saved (src/publish/publish-memory.ts)
-- trusts that memory only while the counter is where its own save left it; reading all 7,653
-- states back cost more than the rest of a run with nothing to publish.
CREATE TABLE feed_documents_version (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);

INSERT INTO feed_documents_version (id, version) VALUES (1, 0);
