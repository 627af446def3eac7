import type { SqlDatabase } from '../sql-database.ts';
import { sql } from '../sql-database.ts';
import type { FeedTarget, PublishMark, PublishStateStore } from '../store.ts';

interface MarkRow {
  latest: number | null;
  oldest: number | null;
  checked_at: string | null;
  settings_digest: string | null;
  full_check_at: string | null;
  documents_version: number | null;
}

/**
 * What changed since the last publish (migration 0011): the feed_changes log the
 * article triggers write, articles whose scheduled time came, and the mark the
 * last run left.
 */
export function createFeedChangeQueries(db: SqlDatabase): PublishStateStore {
  return {
    async readPublishState() {
      const row = await db.first<MarkRow>(
        `SELECT (SELECT MAX(seq) FROM feed_changes) AS latest, (SELECT MIN(seq) FROM feed_changes) AS oldest,
                p.checked_at, p.settings_digest, p.full_check_at,
                (SELECT version FROM feed_documents_version WHERE id = 1) AS documents_version
           FROM (SELECT 1) LEFT JOIN publish_state p ON p.id = 1`,
      );
      const mark: PublishMark | undefined =
        row?.checked_at && row.settings_digest && row.full_check_at
          ? { checkedAt: row.checked_at, settingsDigest: row.settings_digest, fullCheckAt: row.full_check_at }
          : undefined;
      const latestChange = row?.latest ?? 0;
      // seq never goes back and rows go only from the oldest end, so this bounds the count in O(1).
      const loggedChanges = row?.oldest == null ? 0 : latestChange - row.oldest + 1;
      return { latestChange, loggedChanges, documentsVersion: row?.documents_version ?? 0, ...(mark && { mark }) };
    },

    async listFeedChanges({ upTo, visibleAfter, visibleUntil }) {
      // Articles that became visible in (after, until] without a write: their time came. The
      // range walks articles_by_published; their tags are found through article_tags_by_article.
      const due = "a.status = 'published' AND a.published_at > ? AND a.published_at <= ?";
      const window = [visibleAfter, visibleUntil];
      return db.all<FeedTarget>(
        `SELECT kind, slug FROM feed_changes WHERE seq <= ?
         UNION SELECT 'category', a.category_slug FROM articles a WHERE ${due}
         UNION SELECT 'author', a.author_slug FROM articles a WHERE ${due} AND a.author_slug IS NOT NULL
         UNION SELECT 'tag', t.tag_slug FROM articles a JOIN article_tags t ON t.article_id = a.id WHERE ${due}
         ORDER BY 1, 2`,
        [upTo, ...window, ...window, ...window],
      );
    },

    async savePublishMark(mark, forgetUpTo) {
      await db.batch([
        sql(
          `INSERT INTO publish_state (id, checked_at, settings_digest, full_check_at) VALUES (1, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at,
             settings_digest = excluded.settings_digest, full_check_at = excluded.full_check_at`,
          mark.checkedAt,
          mark.settingsDigest,
          mark.fullCheckAt,
        ),
        sql('DELETE FROM feed_changes WHERE seq <= ?', forgetUpTo),
      ]);
    },
  };
}
