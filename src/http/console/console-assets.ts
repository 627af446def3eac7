import { Hono } from 'hono';

/**
 * The console's stylesheet and script, served as files (a strict
 * Content-Security-Policy refuses inline ones). They live here as strings so
 * that Node and Workers serve them alike, without a file system.
 */

const CSS = `
:root{--ink:#1d1f23;--muted:#5a606b;--line:#d5d9e0;--accent:#0b57a4;--bad:#a4160b;--ok:#11633a;--bg:#f6f7f9}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent)}
:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:.5rem}
.top{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;padding:.6rem 1rem;background:#fff;border-bottom:1px solid var(--line)}
.brand{font-weight:700;text-decoration:none;color:var(--ink)}
.top nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0;padding:0;list-style:none}
.top nav a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
.sign-out{margin-left:auto}
main{max-width:72rem;margin:0 auto;padding:1rem}
main:focus{outline:none}
h1{font-size:1.6rem;margin:.5rem 0 1rem}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
.notice{background:#e6f4ea;border:1px solid #9fd3ae;color:var(--ok);padding:.5rem .75rem;border-radius:4px}
.problems{background:#fdecea;border:1px solid #f1aea8;color:var(--bad);padding:.5rem .75rem;border-radius:4px}
.problems h2{margin:.25rem 0;font-size:1rem}
.error{color:var(--bad)}
.muted{color:var(--muted)}
.panel{background:#fff;border:1px solid var(--line);border-radius:6px;padding:1rem;margin:0 0 1rem}
.panel>h2:first-child{margin-top:0}
.grid{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr))}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.85rem;color:var(--muted);font-weight:600}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
.hint{display:block;font-weight:400;font-size:.85rem;color:var(--muted)}
input,select,textarea,button{font:inherit}
input[type=text],input[type=url],input[type=password],input[type=search],input[type=datetime-local],input[type=number],select,textarea{width:100%;max-width:100%;padding:.45rem .5rem;border:1px solid #9aa1ad;border-radius:4px;background:#fff}
textarea{min-height:8rem}
textarea.body{min-height:16rem;font-family:ui-monospace,monospace;font-size:.9rem}
fieldset{border:1px solid var(--line);border-radius:6px;margin:1rem 0;padding:.5rem 1rem 1rem}
legend{font-weight:700;padding:0 .25rem}
.row{display:grid;gap:0 1rem;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr))}
button,.button{display:inline-block;padding:.45rem .9rem;border-radius:4px;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer;text-decoration:none;min-height:2.5rem}
button.secondary,.button.secondary{background:#fff;color:var(--accent)}
button.danger{background:var(--bad);border-color:var(--bad)}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0;align-items:center}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end}
.filters label{margin:0}
.filters>div{flex:1 1 10rem}
.badge{display:inline-block;padding:0 .4rem;border-radius:3px;font-size:.8rem;border:1px solid var(--line);background:#fff}
.badge.published{border-color:#9fd3ae;color:var(--ok)}.badge.draft{color:var(--muted)}
.badge.scheduled{border-color:#f0c36d;color:#7a5200}.badge.failing{border-color:#f1aea8;color:var(--bad)}
.preview{background:#fff;border:1px dashed var(--muted);padding:1rem;border-radius:6px;font-family:Georgia,serif}
.preview img{max-width:100%;height:auto}
.sign-in{max-width:24rem;margin:3rem auto}
ul.plain{padding-left:1.2rem}
@media (max-width:40rem){
 .top{padding:.5rem}.sign-out{margin-left:0}
 table.stack thead{display:none}
 table.stack tr{display:block;border-bottom:1px solid var(--line);padding:.25rem 0}
 table.stack td{display:block;border:0;padding:.15rem .5rem}
 table.stack td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:var(--muted)}
}
`;

const JS = `
// Conveniences only: every console page works without this file.
document.addEventListener('DOMContentLoaded', function () {
  // After a failed submit, move focus to the list of problems so it is read first.
  var problems = document.getElementById('problems');
  if (problems) problems.focus();
  // Filters apply as soon as a choice changes.
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () { if (select.form) select.form.requestSubmit(); });
  });
  // A second chance before a destructive action that has no confirm page of its own.
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) event.preventDefault();
    });
  });
});
`;

/** FNV-1a, for a version in the asset URL: a new deploy's assets are never read from a stale cache. */
function version(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

export const CONSOLE_ASSETS = {
  css: {
    path: '/assets/console.css',
    url: `/admin/assets/console.css?v=${version(CSS)}`,
    body: CSS,
    type: 'text/css; charset=utf-8',
  },
  js: {
    path: '/assets/console.js',
    url: `/admin/assets/console.js?v=${version(JS)}`,
    body: JS,
    type: 'text/javascript; charset=utf-8',
  },
} as const;

/** GET /assets/console.css and console.js under /admin: public (the sign-in page needs them). */
export function createConsoleAssetRoutes(): Hono {
  const app = new Hono();
  for (const asset of Object.values(CONSOLE_ASSETS)) {
    app.get(asset.path, (c) =>
      c.body(asset.body, 200, { 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=86400' }),
    );
  }
  return app;
}
