import type { Delivery, DeliveryOutcome } from '../../domain/subscription.ts';
import type { SqlDatabase, SqlStatement } from '../sql-database.ts';
import { sql } from '../sql-database.ts';
import type { WebSubStore } from '../store.ts';
import {
  type RequestRow,
  requestFromRow,
  type SubscriptionRow,
  statusOfRequest,
  statusOfSubscription,
} from './websub-rows.ts';

interface DeliveryRow {
  id: number;
  revision: number;
  topic: string;
  callback: string;
  secret: string | null;
  attempts: number;
}

/** The request as claimed: a newer request for the same pair (another requested_at) is left alone. */
const SAME_REQUEST = 'topic = ? AND callback = ? AND requested_at = ? AND mode = ?';

export function createWebSubQueries(db: SqlDatabase): WebSubStore {
  return {
    async saveSubscriptionRequest(r) {
      await db.batch([
        sql(
          `INSERT INTO websub_requests (topic, callback, mode, secret, lease_seconds, requested_at)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (topic, callback) DO UPDATE SET mode = excluded.mode, secret = excluded.secret,
             lease_seconds = excluded.lease_seconds, requested_at = excluded.requested_at, state = 'pending',
             error = NULL, claimed_until = NULL, claim_token = NULL`,
          r.topic,
          r.callback,
          r.mode,
          r.secret ?? null,
          r.leaseSeconds,
          r.requestedAt,
        ),
      ]);
    },

    async claimSubscriptionRequests(now, claimUntil, limit) {
      const token = crypto.randomUUID();
      await db.batch([
        sql(
          `UPDATE websub_requests SET claimed_until = ?, claim_token = ? WHERE rowid IN (
             SELECT rowid FROM websub_requests WHERE state = 'pending'
               AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY requested_at LIMIT ?)`,
          claimUntil,
          token,
          now,
          limit,
        ),
      ]);
      const rows = await db.all<RequestRow>(
        'SELECT * FROM websub_requests WHERE claim_token = ? ORDER BY requested_at',
        [token],
      );
      return rows.map(requestFromRow);
    },

    async confirmSubscriptionRequest(r, verifiedAt) {
      const key = [r.topic, r.callback, r.requestedAt, r.mode] as const;
      const apply =
        r.mode === 'subscribe'
          ? sql(
              `INSERT INTO websub_subscriptions (topic, callback, secret, lease_seconds, verified_at, expires_at)
               SELECT topic, callback, secret, lease_seconds, ?, ? FROM websub_requests
                 WHERE ${SAME_REQUEST} AND state = 'pending'
               ON CONFLICT (topic, callback) DO UPDATE SET secret = excluded.secret,
                 lease_seconds = excluded.lease_seconds, verified_at = excluded.verified_at,
                 expires_at = excluded.expires_at`,
              verifiedAt,
              new Date(Date.parse(verifiedAt) + r.leaseSeconds * 1000).toISOString(),
              ...key,
            )
          : sql(
              `DELETE FROM websub_subscriptions WHERE topic = ? AND callback = ?
                 AND EXISTS (SELECT 1 FROM websub_requests WHERE ${SAME_REQUEST} AND state = 'pending')`,
              r.topic,
              r.callback,
              ...key,
            );
      const dropQueued =
        r.mode === 'unsubscribe'
          ? [
              sql(
                `DELETE FROM websub_deliveries WHERE topic = ? AND callback = ?
                   AND NOT EXISTS (SELECT 1 FROM websub_subscriptions WHERE topic = ? AND callback = ?)`,
                r.topic,
                r.callback,
                r.topic,
                r.callback,
              ),
            ]
          : [];
      await db.batch([
        apply,
        ...dropQueued,
        sql(`DELETE FROM websub_requests WHERE ${SAME_REQUEST} AND state = 'pending'`, ...key),
      ]);
    },

    async refuseSubscriptionRequest(r, error) {
      await db.batch([
        sql(
          `UPDATE websub_requests SET state = 'refused', error = ?, claimed_until = NULL, claim_token = NULL
             WHERE ${SAME_REQUEST}`,
          error,
          r.topic,
          r.callback,
          r.requestedAt,
          r.mode,
        ),
      ]);
    },

    async queueDeliveries(topics, now) {
      if (topics.length === 0) return 0;
      const changes = await db.batch(
        topics.map((topic) =>
          sql(
            `INSERT INTO websub_deliveries (topic, callback, queued_at, next_attempt_at)
             SELECT topic, callback, ?, ? FROM websub_subscriptions WHERE topic = ? AND expires_at > ?
             ON CONFLICT (topic, callback) DO UPDATE SET revision = revision + 1, attempts = 0,
               queued_at = excluded.queued_at, next_attempt_at = excluded.next_attempt_at,
               claimed_until = NULL, claim_token = NULL`,
            now,
            now,
            topic,
            now,
          ),
        ),
      );
      return changes.reduce((sum, n) => sum + n, 0);
    },

    async claimDeliveries(now, claimUntil, limit) {
      const token = crypto.randomUUID();
      await db.batch([
        // §5.3.1: hubs MUST enforce lease expirations; an ended lease gets nothing more.
        sql(
          `DELETE FROM websub_deliveries WHERE EXISTS (SELECT 1 FROM websub_subscriptions s
             WHERE s.topic = websub_deliveries.topic AND s.callback = websub_deliveries.callback
               AND s.expires_at <= ?)`,
          now,
        ),
        sql(
          `UPDATE websub_deliveries SET claimed_until = ?, claim_token = ? WHERE id IN (
             SELECT id FROM websub_deliveries WHERE next_attempt_at <= ?
               AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY next_attempt_at, id LIMIT ?)`,
          claimUntil,
          token,
          now,
          now,
          limit,
        ),
      ]);
      const rows = await db.all<DeliveryRow>(
        `SELECT d.id, d.revision, d.topic, d.callback, d.attempts, s.secret
           FROM websub_deliveries d JOIN websub_subscriptions s ON s.topic = d.topic AND s.callback = d.callback
           WHERE d.claim_token = ? ORDER BY d.id`,
        [token],
      );
      return rows.map((row) => {
        const delivery: Delivery = {
          id: row.id,
          revision: row.revision,
          topic: row.topic,
          callback: row.callback,
          attempts: row.attempts,
        };
        if (row.secret !== null) delivery.secret = row.secret;
        return delivery;
      });
    },

    async recordDeliveries(outcomes) {
      if (outcomes.length === 0) return;
      await db.batch(outcomes.flatMap(outcomeStatements));
    },

    async nextDeliveryAt() {
      const row = await db.first<{ at: string | null }>('SELECT MIN(next_attempt_at) AS at FROM websub_deliveries');
      return row?.at ?? undefined;
    },

    async forgetEndedSubscriptions(before) {
      const changes = await db.batch([
        sql(
          `DELETE FROM websub_deliveries WHERE EXISTS (SELECT 1 FROM websub_subscriptions s
             WHERE s.topic = websub_deliveries.topic AND s.callback = websub_deliveries.callback
               AND s.expires_at < ?)`,
          before,
        ),
        sql('DELETE FROM websub_subscriptions WHERE expires_at < ?', before),
        sql(`DELETE FROM websub_requests WHERE state = 'refused' AND requested_at < ?`, before),
      ]);
      return (changes[1] ?? 0) + (changes[2] ?? 0);
    },

    async listSubscriptions({ topic, state, now }) {
      const where = topic === undefined ? '' : 'WHERE topic = ?';
      const params = topic === undefined ? [] : [topic];
      const [requests, subscriptions] = await Promise.all([
        db.all<RequestRow>(`SELECT * FROM websub_requests ${where}`, params),
        db.all<SubscriptionRow>(
          `SELECT s.*, (SELECT COUNT(*) FROM websub_deliveries d
               WHERE d.topic = s.topic AND d.callback = s.callback) AS queued
             FROM websub_subscriptions s ${where.replace('topic', 's.topic')}`,
          params,
        ),
      ]);
      const all = [...subscriptions.map((row) => statusOfSubscription(row, now)), ...requests.map(statusOfRequest)];
      return all
        .filter((s) => state === undefined || s.state === state)
        .sort((a, b) => compare(a.topic, b.topic) || compare(a.callback, b.callback) || compare(a.state, b.state));
    },
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The statements that apply one outcome: to the queued delivery (only if not re-queued since) and to its subscription. */
function outcomeStatements(outcome: DeliveryOutcome): SqlStatement[] {
  const { delivery: d, at } = outcome;
  const sameDelivery = sql('DELETE FROM websub_deliveries WHERE id = ? AND revision = ?', d.id, d.revision);
  const subscription = [d.topic, d.callback] as const;
  switch (outcome.kind) {
    case 'delivered':
      return [
        sameDelivery,
        sql(
          `UPDATE websub_subscriptions SET last_delivery_at = ?, last_attempt_at = ?, last_status = ?,
             last_error = NULL, consecutive_failures = 0 WHERE topic = ? AND callback = ?`,
          at,
          at,
          outcome.status,
          ...subscription,
        ),
      ];
    case 'gone':
      return [sql('DELETE FROM websub_subscriptions WHERE topic = ? AND callback = ?', ...subscription)];
    case 'retry':
    case 'gave-up': {
      const failed = sql(
        `UPDATE websub_subscriptions SET last_attempt_at = ?, last_status = ?, last_error = ?,
           consecutive_failures = consecutive_failures + 1 WHERE topic = ? AND callback = ?`,
        at,
        outcome.status ?? null,
        outcome.error,
        ...subscription,
      );
      if (outcome.kind === 'gave-up') return [sameDelivery, failed];
      return [
        sql(
          `UPDATE websub_deliveries SET attempts = ?, next_attempt_at = ?, claimed_until = NULL, claim_token = NULL
             WHERE id = ? AND revision = ?`,
          d.attempts + 1,
          outcome.nextAttemptAt,
          d.id,
          d.revision,
        ),
        failed,
      ];
    }
  }
}
