import { Hono } from 'hono';
import { EXPOSITION_CONTENT_TYPE } from '../metrics/registry.ts';
import type { AppDeps } from './app-deps.ts';
import { requireBearer } from './require-admin.ts';

/** How many recent runs /readyz looks through for the last one without errors. */
const RECENT_RUNS = 20;

/**
 * Operations: /healthz (liveness: the process answers), /readyz (readiness: the
 * database answers and a publish succeeded recently) and /metrics (Prometheus
 * text exposition format 0.0.4, behind the admin or the metrics token).
 */
export function createOpsRoutes(deps: Pick<AppDeps, 'store' | 'config' | 'now' | 'metrics'>): Hono {
  const { store, config, metrics } = deps;
  const guard = requireBearer(
    [config.adminToken, config.metricsToken],
    '/metrics is disabled: set ADMIN_TOKEN or METRICS_TOKEN to enable it',
  );
  return new Hono()
    .get('/healthz', (c) => c.json({ ok: true }))
    .get('/readyz', async (c) => {
      let runs: Awaited<ReturnType<typeof store.listPublishRuns>>;
      try {
        runs = await store.listPublishRuns(RECENT_RUNS);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return c.json({ ok: false, error: `the database does not answer: ${reason}` }, 503);
      }
      const lastGood = runs.find((run) => run.errors.length === 0);
      if (!lastGood) return c.json({ ok: false, error: 'no successful publish yet', database: 'ok' }, 503);
      const ageSeconds = Math.round((deps.now().getTime() - Date.parse(lastGood.startedAt)) / 1000);
      const body = { database: 'ok', lastPublishAt: lastGood.startedAt, lastPublishAgeSeconds: ageSeconds };
      if (ageSeconds > config.readyMaxPublishAge) {
        const error = `the last successful publish is ${ageSeconds} s old, more than READY_MAX_PUBLISH_AGE (${config.readyMaxPublishAge} s)`;
        return c.json({ ok: false, error, ...body }, 503);
      }
      return c.json({ ok: true, ...body });
    })
    .get('/metrics', guard, async (c) =>
      c.body(await metrics.registry.metrics(), 200, {
        'Content-Type': EXPOSITION_CONTENT_TYPE,
        'Cache-Control': 'no-store',
      }),
    );
}
