import type { SubscriptionStatus } from '../../src/domain/subscription.ts';
import type { RunningTidings } from './start-tidings.ts';

/** A subscriber's request to our hub (WebSub §5.1), form-encoded as the spec asks. */
export function hubRequest(tidings: RunningTidings, params: Record<string, string>): Promise<Response> {
  return tidings.request('/websub', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params),
  });
}

/** The admin API's view of one callback's subscriptions to a topic. */
export async function subscriptionsOf(
  tidings: RunningTidings,
  topic: string,
  callback: string,
): Promise<Omit<SubscriptionStatus, 'topic'>[]> {
  const response = await tidings.admin('GET', `/api/websub/subscriptions?topic=${encodeURIComponent(topic)}`);
  const body = (await response.json()) as { topics: { topic: string; subscriptions: SubscriptionStatus[] }[] };
  return body.topics.flatMap((t) => t.subscriptions).filter((s) => s.callback === callback);
}

/** Publishes one more article, so every feed of its category (and all) changes. */
export async function publishStory(tidings: RunningTidings, title: string, category = 'World'): Promise<void> {
  const created = await tidings.admin('POST', '/api/articles', {
    title,
    bodyHtml: `<p>${title}, pushed.</p>`,
    category,
    author: { name: 'Ada Quill' },
    status: 'published',
    publishedAt: '2026-11-25T11:00:00Z',
  });
  if (created.status !== 201) throw new Error(`creating "${title}" answered ${created.status}`);
  const published = await tidings.publish();
  if (published.status !== 200) throw new Error(`publish answered ${published.status}`);
}
