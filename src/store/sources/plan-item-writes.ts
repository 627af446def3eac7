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
 * 16 columns a row, 6 rows a statement: 96 bound parameters, under D1's limit of 100. One
 * statement per 6 items instead of per item (SQLite still checks the conflict row by row).
 */
const COLUMNS_PER_ROW = 16;
const ROWS_PER_INSERT = 6;
const ROW = `(${Array(COLUMNS_PER_ROW).fill('?').join(', ')})`;
const INSERTS = Array.from(
  { length: ROWS_PER_INSERT + 1 },
  (_, rows) => `INSERT INTO external_items (id, source_id, dedupe_key, guid, link, content_hash, title, summary,
    content_html, content_text, image_url, author, categories, published_at, first_seen_at, updated_at)
  VALUES ${Array(rows).fill(ROW).join(', ')}
  ON CONFLICT (source_id, dedupe_key) DO NOTHING`,
);
const UPDATE = `UPDATE external_items SET dedupe_key = ?, guid = ?, link = ?, content_hash = ?, title = ?, summary = ?,
    content_html = ?, content_text = ?, image_url = ?, author = ?, categories = ?,
    published_at = COALESCE(?, published_at), updated_at = ?
  WHERE id = ?`;

/**
 * Matches each incoming item to a stored one — by GUID, then by canonical link, then by
 * content hash — and plans one INSERT per new item and one UPDATE per changed one.
 * A later duplicate of an identity already seen in this fetch is ignored.
 */
export function planItemWrites(
  sourceId: string,
  items: NormalizedItem[],
  stored: StoredKey[],
  now: string,
  random: () => number = Math.random,
): ItemWritePlan {
  const byKey = new Map(stored.map((row) => [row.dedupe_key, row]));
  const byLink = new Map<string, StoredKey>();
  const byHash = new Map<string, StoredKey>();
  for (const row of stored) {
    if (row.link && !row.guid) byLink.set(row.link, row);
    if (!row.guid && !row.link) byHash.set(row.content_hash, row);
  }
  const nowMs = Date.parse(now);
  const seenKeys = new Set<string>();
  const matchedIds = new Set<string>();
  const plan: ItemWritePlan = { inserts: [], insertedRows: 0, updates: [], unchanged: 0 };
  const rows: SqlValue[][] = [];

  for (const item of items) {
    const key = dedupeKey(item);
    if (seenKeys.has(key)) continue;
    seenKeys.add(key);
    const candidates = [byKey.get(key), item.link ? byLink.get(item.link) : undefined, byHash.get(item.contentHash)];
    const match = candidates.find((row) => row !== undefined && !matchedIds.has(row.id));
    const fields = [
      item.title,
      item.summary,
      item.contentHtml,
      item.contentText,
      item.imageUrl ?? null,
      item.author ?? null,
      JSON.stringify(item.categories),
    ];
    if (!match) {
      const id = newId('ext', nowMs, random);
      rows.push([
        id,
        sourceId,
        key,
        item.guid ?? null,
        item.link ?? null,
        item.contentHash,
        ...fields,
        item.publishedAt,
        now,
        now,
      ]);
      continue;
    }
    matchedIds.add(match.id);
    if (match.content_hash === item.contentHash && match.dedupe_key === key) {
      plan.unchanged++;
      continue;
    }
    // A guessed date (the feed gave none) never replaces the date the item was first stored with.
    const publishedAt = item.isDateGuessed ? null : item.publishedAt;
    plan.updates.push(
      sql(UPDATE, key, item.guid ?? null, item.link ?? null, item.contentHash, ...fields, publishedAt, now, match.id),
    );
  }
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    plan.inserts.push(sql(INSERTS[chunk.length] as string, ...chunk.flat()));
  }
  plan.insertedRows = rows.length;
  return plan;
}
