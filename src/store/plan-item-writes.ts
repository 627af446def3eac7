import { newId } from '../domain/ids.ts';
import { dedupeKey, type NormalizedItem } from '../domain/source.ts';
import { type SqlStatement, sql } from './sql-database.ts';

/** What the store already holds for a source, enough to match incoming items. */
export interface StoredKey {
  id: string;
  dedupe_key: string;
  guid: string | null;
  link: string | null;
  content_hash: string;
}

export interface ItemWritePlan {
  inserts: SqlStatement[];
  updates: SqlStatement[];
  unchanged: number;
}

// At most 16 bound parameters per statement: far below D1's 100.
const INSERT = `INSERT INTO external_items (id, source_id, dedupe_key, guid, link, content_hash, title, summary,
    content_html, content_text, image_url, author, categories, published_at, first_seen_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (source_id, dedupe_key) DO NOTHING`;
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
  const plan: ItemWritePlan = { inserts: [], updates: [], unchanged: 0 };

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
      plan.inserts.push(
        sql(
          INSERT,
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
        ),
      );
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
  return plan;
}
