import { html } from 'hono/html';
import { renderConsolePage } from './console-layout.ts';

/** The sign-in form. The token goes in a password field, in a POST body: never in a URL, never echoed back. */
export function renderSignIn(problem?: string) {
  return renderConsolePage({
    title: 'Sign in',
    body: html`<div class="sign-in panel">
<h1>Sign in</h1>
${problem ? html`<p class="error" role="alert" id="sign-in-problem">${problem}</p>` : ''}
<form method="post" action="/admin/sign-in">
<label for="token">Admin token</label><span class="hint" id="token-hint">The ADMIN_TOKEN this service was started with.</span>
<input type="password" id="token" name="token" required autocomplete="current-password" autofocus aria-describedby="token-hint${problem ? ' sign-in-problem' : ''}"${problem ? html` aria-invalid="true"` : ''}>
<div class="actions"><button type="submit">Sign in</button></div>
</form>
</div>`,
  });
}
