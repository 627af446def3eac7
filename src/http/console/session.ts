import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { timingSafeEqual } from 'hono/utils/buffer';

/**
 * The console's session: the admin token, typed once into the sign-in form,
 * is exchanged for a cookie that holds no secret — an expiry and a random id,
 * signed with a key derived from the token (HMAC-SHA256). Changing ADMIN_TOKEN
 * therefore ends every session. The cookie is HttpOnly (no script reads it),
 * SameSite=Strict (no other site's page sends it: the first CSRF defence) and
 * Secure whenever the console is reached over https.
 */

export const SESSION_COOKIE = 'tidings_session';
/** A working day; after that the editor signs in again. */
const SESSION_SECONDS = 12 * 60 * 60;
const encoder = new TextEncoder();

export interface ConsoleSession {
  id: string;
  expiresAt: number;
  /** Goes in every form as a hidden field; a POST without it is refused (the second CSRF defence). */
  csrfToken: string;
}

export interface SessionKeys {
  issue(c: Context): Promise<void>;
  read(c: Context): Promise<ConsoleSession | undefined>;
  clear(c: Context): void;
  /** True when `candidate` is the admin token (constant-time). */
  isAdminToken(candidate: string): Promise<boolean>;
}

export function createSessionKeys(adminToken: string, now: () => Date): SessionKeys {
  const key = crypto.subtle.importKey(
    'raw',
    encoder.encode(`tidings console session v1\n${adminToken}`),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = async (text: string) =>
    toBase64Url(new Uint8Array(await crypto.subtle.sign('HMAC', await key, encoder.encode(text))));

  return {
    async issue(c) {
      const id = toBase64Url(crypto.getRandomValues(new Uint8Array(18)));
      const expiresAt = Math.floor(now().getTime() / 1000) + SESSION_SECONDS;
      const value = `${expiresAt}.${id}`;
      setCookie(c, SESSION_COOKIE, `${value}.${await mac(`session:${value}`)}`, {
        path: '/admin',
        httpOnly: true,
        sameSite: 'Strict',
        secure: isHttps(c),
        maxAge: SESSION_SECONDS,
      });
    },
    async read(c) {
      const [expires, id, signature] = (getCookie(c, SESSION_COOKIE) ?? '').split('.');
      if (!expires || !id || !signature) return undefined;
      if (!(await timingSafeEqual(signature, await mac(`session:${expires}.${id}`)))) return undefined;
      const expiresAt = Number(expires);
      if (!(expiresAt * 1000 > now().getTime())) return undefined;
      return { id, expiresAt, csrfToken: await mac(`csrf:${id}`) };
    },
    clear(c) {
      deleteCookie(c, SESSION_COOKIE, { path: '/admin', httpOnly: true, sameSite: 'Strict', secure: isHttps(c) });
    },
    isAdminToken: (candidate) => timingSafeEqual(adminToken, candidate),
  };
}

/** Behind a TLS-terminating proxy the request URL may say http; the proxy's header then says https. */
function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export type ConsoleEnv = { Variables: { session: ConsoleSession } };

/** Console pages need a session: without one, a browser is sent to sign in. */
export function requireSession(keys: SessionKeys): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const session = await keys.read(c);
    if (!session) return c.redirect('/admin/sign-in', 303);
    c.set('session', session);
    await next();
  };
}
