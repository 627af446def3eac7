import {
  applyD1Migrations,
  createExecutionContext,
  createScheduledController,
  reset,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import worker, { type WorkerEnv } from '../../src/worker.ts';

const TOKEN = 'worker-test-token-0123456789';
const origin = inject('feedOrigin');
const callback = `${origin}/websub/callback`;
const topic = 'https://news.example/feeds/all.rss';

interface Seen {
  verifications: string[];
  deliveries: { headers: Record<string, string>; body: string }[];
}

let workerEnv: WorkerEnv;

/** A request to the worker, and everything it left to run after its answer (ctx.waitUntil). */
async function request(path: string, init?: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const incoming = new Request(`https://news.example${path}`, init) as Parameters<typeof worker.fetch>[0];
  const response = await worker.fetch(incoming, workerEnv, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

const admin = (method: string, path: string, body?: unknown) =>
  request(path, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

const publishCron = () =>
  worker.scheduled(createScheduledController({ cron: '* * * * *', scheduledTime: Date.now() }), workerEnv);

const seen = async (): Promise<Seen> => (await fetch(`${origin}/__websub`)).json();

async function hmacHex(secret: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(body)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function createArticle(title: string) {
  const created = await admin('POST', '/api/articles', {
    title,
    bodyHtml: `<p>${title}.</p>`,
    category: 'World News',
    author: { name: 'Ann Reporter' },
    status: 'published',
    publishedAt: new Date(Date.now() - 60_000).toISOString(),
  });
  expect(created.status).toBe(201);
}

describe('the WebSub hub on Workers (D1, the publish cron drains deliveries)', () => {
  beforeEach(async () => {
    workerEnv = {
      DB: env.DB,
      ADMIN_TOKEN: TOKEN,
      PUBLIC_URL: 'https://news.example',
      LOG_LEVEL: 'silent',
      OUTBOUND_ALLOW_NETWORKS: '127.0.0.1/32', // the subscriber runs on 127.0.0.1 beside workerd
    };
    await reset();
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
    await fetch(`${origin}/__websub?reset`);
  });

  it('verifies a subscription after answering 202, and delivers the signed feed in the next publish cron', async () => {
    await createArticle('Edge story before');
    await publishCron();
    const secret = 'edge secret';
    const accepted = await request('/websub', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        'hub.mode': 'subscribe',
        'hub.topic': topic,
        'hub.callback': callback,
        'hub.secret': secret,
      }),
    });
    expect(accepted.status).toBe(202);
    expect((await seen()).verifications).toHaveLength(1); // done in waitUntil, after the answer
    const listed = (await (await admin('GET', '/api/websub/subscriptions')).json()) as {
      topics: { topic: string; subscriptions: { state: string }[] }[];
    };
    expect(listed.topics).toMatchObject([{ topic, subscriptions: [{ state: 'active' }] }]);

    await createArticle('Edge story pushed');
    await publishCron();
    const [delivery] = (await seen()).deliveries;
    expect(delivery?.body).toContain('Edge story pushed');
    expect(delivery?.body).toBe(await (await request('/feeds/all.rss')).text());
    expect(delivery?.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(delivery?.headers.link).toBe(`<https://news.example/websub>; rel="hub", <${topic}>; rel="self"`);
    expect(delivery?.headers['x-hub-signature']).toBe(`sha256=${await hmacHex(secret, delivery?.body ?? '')}`);
  });
});
