import { newId } from '../../domain/ids.ts';
import { dedupeKey, type NormalizedItem } from '../../domain/source.ts';
import { type SqlStatement, type SqlValue, sql } from '../sql-database.ts';

/** What the store already holds for a source, enough to match incoming items. */
export interface StoredKey {
  id: string;
  dedupe_key: string;
  guid: string | null;
  link: string | null;
  content_hash: string;
  story_hash: string | null;
}

export interface ItemWritePlan {
  /** Multi-row INSERTs, up to ROWS_PER_INSERT new items each. */
  inserts: SqlStatement[];
  /** New items planned, over all the INSERTs. */
  insertedRows: number;
  updates: SqlStatement[];
  unchanged: number;
}

/**
 * 17 columns a row, 5 rows a statement: 85 bound parameters, under D1's limit of 100. One
 * statement per 5 items instead of per item (SQLite still checks the conflict row by row).
 */
const COLUMNS_PER_ROW = 17;
const ROWS_PER_INSERT = 5;
const ROW = `(${Array(COLUMNS_PER_ROW).fill('?').join(', ')})`;
const INSERTS = Array.from(
  { length: ROWS_PER_INSERT + 1 },
  (_, rows) => `INSERT INTO external_items (id, source_id, dedupe_key, guid, link, content_hash, story_hash, title,
    summary, content_html, content_text, image_url, author, categories, published_at, first_seen_at, updated_at)
  VALUES ${Array(rows).fill(ROW).join(', ')}
  ON CONFLICT (source_id, dedupe_key) DO NOTHING`,
);
const UPDATE = `UPDATE external_items SET dedupe_key = ?, guid = ?, link = ?, content_hash = ?, story_hash = ?,
    title = ?, summary = ?,
    content_html = ?, content_text = ?, image_url = ?, author = ?, categories = ?,
    published_at = COALESCE(?, published_at), updated_at = ?
  WHERE id = ?`;

/**
 * Matches each incoming item to a stored one and plans one INSERT per new item and one
 * UPDATE per changed one. The match is by identity (GUID, else canonical link, else content
 * hash) first, for every item; then, for items still unmatched, a stored item whose identity
 * the document no longer carries (`feedKeys`) is the same story when it has the same link
 * (a changed GUID), the same title and text (a new GUID and link), or the same content hash.
 * Such a match is updated in place and takes the new identity. A later duplicate of an
 * identity already seen in this fetch is ignored.
 */
export function planItemWrites(
  sourceId: string,
  items: NormalizedItem[],
  stored: StoredKey[],
  now: string,
  feedKeys?: readonly string[],
  random: () => number = Math.random,
): ItemWritePlan {
  const byKey = new Map(stored.map((row) => [row.dedupe_key, row]));
  const stillInFeed = new Set(feedKeys);
  const byLink = new Map<string, StoredKey>();
  const byStory = new Map<string, StoredKey>();
  const byHash = new Map<string, StoredKey>();
  for (const row of stored) {
    if (stillInFeed.has(row.dedupe_key)) continue;
    if (row.link && !byLink.has(row.link)) byLink.set(row.link, row);
    if (row.story_hash && !byStory.has(row.story_hash)) byStory.set(row.story_hash, row);
    if (!byHash.has(row.content_hash)) byHash.set(row.content_hash, row);
  }
  const nowMs = Date.parse(now);
  const plan: ItemWritePlan = { inserts: [], insertedRows: 0, updates: [], unchanged: 0 };
  const rows: SqlValue[][] = [];

  // Pass 1: exact identities, so that a fuzzy match below never takes a row an item owns.
  const seenKeys = new Set<string>();
  const matchedIds = new Set<string>();
  const entries: { item: NormalizedItem; key: string; match?: StoredKey }[] = [];
  for (const item of items) {
    const key = dedupeKey(item);
    if (seenKeys.has(key)) continue;
    seenKeys.add(key);
    const match = byKey.get(key);
    if (match) matchedIds.add(match.id);
    entries.push(match ? { item, key, match } : { item, key });
  }
  // Pass 2: the same story under another identity.
  const free = (row: StoredKey | undefined) => (row && !matchedIds.has(row.id) ? row : undefined);
  for (const entry of entries) {
    if (entry.match) continue;
    const { item } = entry;
    const match =
      free(item.link ? byLink.get(item.link) : undefined) ??
      free(item.storyHash ? byStory.get(item.storyHash) : undefined) ??
      free(byHash.get(item.contentHash));
    if (match) {
      matchedIds.add(match.id);
      entry.match = match;
    }
  }

  for (const { item, key, match } of entries) {
    const fields = [
      item.title,
      item.summary,
      item.contentHtml,
      item.contentText,
      item.imageUrl ?? null,
      item.author ?? null,
      JSON.stringify(item.categories),
    ];
    const storyHash = item.storyHash ?? null;
    if (!match) {
      const id = newId('ext', nowMs, random);
      rows.push([
        id,
        sourceId,
        key,
        item.guid ?? null,
        item.link ?? null,
        item.contentHash,
        storyHash,
        ...fields,
        item.publishedAt,
        now,
        now,
      ]);
      continue;
    }
    if (match.content_hash === item.contentHash && match.dedupe_key === key) {
      plan.unchanged++;
      continue;
    }
    // A guessed date (the feed gave none) never replaces the date the item was first stored with.
    const publishedAt = item.isDateGuessed ? null : item.publishedAt;
    plan.updates.push(
      sql(
        UPDATE,
        key,
        item.guid ?? null,
        item.link ?? null,
        item.contentHash,
        storyHash,
        ...fields,
        publishedAt,
        now,
        match.id,
      ),
    );
  }
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    plan.inserts.push(sql(INSERTS[chunk.length] as string, ...chunk.flat()));
  }
  plan.insertedRows = rows.length;
  return plan;
}
