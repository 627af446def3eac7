import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTidings, startTidings, TEST_TOKEN } from './support/start-tidings.ts';

/** The console's session and CSRF rules over plain HTTP (the browser tests drive the same pages in Chromium). */
describe('console session', () => {
  let tidings: RunningTidings;
  beforeAll(async () => {
    tidings = await startTidings({ SEED_SAMPLE_CONTENT: 'false' });
  });
  afterAll(() => tidings.stop());

  const form = (fields: Record<string, string>, headers: Record<string, string> = {}) => ({
    method: 'POST',
    redirect: 'manual' as const,
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: tidings.baseUrl, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  const signIn = async (headers: Record<string, string> = {}) => {
    const response = await tidings.request('/admin/sign-in', form({ token: TEST_TOKEN }, headers));
    expect(response.status).toBe(303);
    return response.headers.get('set-cookie') ?? '';
  };
  const csrfTokenOf = async (cookie: string) => {
    const page = await (await tidings.request('/admin', { headers: { cookie: cookie.split(';')[0] ?? '' } })).text();
    return /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  };

  it('sends a browser without a session to the sign-in page', async () => {
    const response = await tidings.request('/admin/articles', { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin/sign-in');
  });

  it('refuses a wrong token with 401 and the form again, without echoing what was typed', async () => {
    const response = await tidings.request('/admin/sign-in', form({ token: 'not-the-token-at-all' }));
    expect(response.status).toBe(401);
    const page = await response.text();
    expect(page).toContain('That is not the admin token.');
    expect(page).not.toContain('not-the-token-at-all');
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('issues an HttpOnly, SameSite=Strict cookie scoped to /admin, Secure behind an https proxy', async () => {
    const plain = await signIn();
    expect(plain).toMatch(/^tidings_session=[^;]+; Max-Age=43200; Path=\/admin; HttpOnly; SameSite=Strict$/);
    expect(plain).not.toContain(TEST_TOKEN);
    expect(await signIn({ 'x-forwarded-proto': 'https' })).toContain('; Secure');
  });

  it('refuses a form post without the session CSRF token, or from another origin', async () => {
    const cookie = (await signIn()).split(';')[0] ?? '';
    const token = await csrfTokenOf(cookie);
    expect(token).toMatch(/^[\w-]{40,}$/);
    const publish = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      tidings.request('/admin/publish', form(fields, { cookie, ...headers }));
    const missing = await publish({});
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('the form has expired or did not come from this console');
    expect((await publish({ _csrf: 'forged' })).status).toBe(400);
    expect((await publish({ _csrf: token }, { origin: 'https://evil.example' })).status).toBe(403);
    const ok = await publish({ _csrf: token });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/admin?done=published');
  });

  it('refuses a forged or tampered session cookie', async () => {
    const cookie = (await signIn()).split(';')[0] ?? '';
    const [name, value = ''] = cookie.split('=');
    const [expires, id, mac] = value.split('.');
    const longer = `${name}=${Number(expires) + 86_400}.${id}.${mac}`;
    for (const bad of [longer, `${name}=${expires}.${id}.AAAA`, `${name}=garbage`]) {
      const response = await tidings.request('/admin', { redirect: 'manual', headers: { cookie: bad } });
      expect(response.status, bad).toBe(303);
    }
  });

  it('ends the session when it expires', async () => {
    const cookie = (await signIn()).split(';')[0] ?? '';
    tidings.setNow('2026-11-26T00:00:01.000Z'); // 12 h and a second after sign-in
    const response = await tidings.request('/admin', { redirect: 'manual', headers: { cookie } });
    expect(response.status).toBe(303);
    tidings.setNow('2026-11-25T12:00:00.000Z');
  });
});
