-- A digest of the last document a source's items were read from (its bytes, and what reading
-- them depended on). The same document again skips parsing, whatever the server's validators
-- said: many servers send no ETag, or a new one with the same bytes. NULL: parse the next one.
ALTER TABLE sources ADD COLUMN body_hash TEXT;
