import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { CONSOLE_ASSETS } from './console-assets.ts';

type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface ConsolePage {
  title: string;
  body: Markup;
  /** The signed-in editor's CSRF token; absent on the sign-in page (no nav, no sign-out). */
  csrfToken?: string;
  /** Which nav entry is the current page. */
  section?: 'dashboard' | 'articles' | 'sources';
  /** A one-line outcome of the last action ("Article saved"), announced to screen readers. */
  notice?: string;
}

const NAV = [
  { section: 'dashboard', href: '/admin', label: 'Dashboard' },
  { section: 'articles', href: '/admin/articles', label: 'Articles' },
  { section: 'sources', href: '/admin/sources', label: 'Sources' },
] as const;

/**
 * The console's HTML shell. Styles and script are files under /admin/assets/
 * (a Content-Security-Policy without 'unsafe-inline' allows them); every page
 * works without the script, which only adds conveniences.
 */
export function renderConsolePage(page: ConsolePage) {
  const { title, body, csrfToken, section, notice } = page;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} · Tidings console</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${CONSOLE_ASSETS.css.url}">
<script src="${CONSOLE_ASSETS.js.url}" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
<a class="brand" href="/admin">Tidings console</a>
${
  csrfToken
    ? html`<nav aria-label="Console"><ul>${NAV.map(
        (n) =>
          html`<li><a href="${n.href}"${n.section === section ? html` aria-current="page"` : ''}>${n.label}</a></li>`,
      )}<li><a href="/api/docs">API</a></li></ul></nav>
<form method="post" action="/admin/sign-out" class="sign-out">${csrfField(csrfToken)}<button type="submit">Sign out</button></form>`
    : ''
}
</header>
<main id="main" tabindex="-1">
${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
${body}
</main>
</body>
</html>`;
}

/** The hidden field every console form carries (checked by verifyCsrf). */
export function csrfField(token: string) {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

/** Field problems from a ValidationError, listed at the top of a form and linked to their inputs. */
export function renderProblems(problems: { field: string; message: string }[]) {
  if (problems.length === 0) return '';
  return html`<div class="problems" role="alert" tabindex="-1" id="problems">
<h2>Please fix ${problems.length === 1 ? 'this' : `these ${problems.length} problems`}</h2>
<ul>${problems.map((p) => html`<li><a href="#f-${p.field.split('.')[0]}">${p.field}</a>: ${p.message}</li>`)}</ul>
</div>`;
}

export function formatWhen(iso: string | undefined): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '—';
}
