import { Hono } from 'hono';
import { html } from 'hono/html';
import { UnreadableError, ValidationError } from '../../domain/errors.ts';
import type { ArticleActions } from '../article-actions.ts';
import { csrfField, renderConsolePage } from './console-layout.ts';
import type { ConsoleEnv } from './session.ts';

/** Largest text file accepted; the admin API's body limit is 1 MiB as well. */
const MAX_IMPORT_BYTES = 1024 * 1024;

/** GET/POST /admin/articles/import: the publisher's text format, pasted or uploaded (multipart). */
export function createImportPage(actions: ArticleActions): Hono<ConsoleEnv> {
  const page = (csrfToken: string, values: { text?: string; status?: string; image?: string }, problem?: string) =>
    renderConsolePage({
      title: 'Import a text article',
      section: 'articles',
      csrfToken,
      body: html`<h1>Import a text article</h1>
<p>The publisher's text format: the category on the first line, the headline, an optional <code>Photo:</code> credit with its caption, the body paragraphs separated by blank lines (<code>RELATED:</code> lines name related stories), and the author's bio last.</p>
${problem ? html`<div class="problems" role="alert" tabindex="-1" id="problems"><h2>The text could not be imported</h2><p>${problem}</p></div>` : ''}
<form method="post" action="/admin/articles/import" enctype="multipart/form-data">
${csrfField(csrfToken)}
<label for="f-text">Paste the text</label>
<textarea id="f-text" name="text" class="body">${values.text ?? ''}</textarea>
<label for="f-file">…or upload a .txt file</label><span class="hint" id="f-file-hint">Used when the box above is empty</span>
<input type="file" aria-describedby="f-file-hint" id="f-file" name="file" accept=".txt,text/plain">
<div class="row">
<div><label for="f-status">Status</label><select id="f-status" name="status"><option value="draft"${values.status !== 'published' ? ' selected' : ''}>Draft</option><option value="published"${values.status === 'published' ? ' selected' : ''}>Published now</option></select></div>
<div><label for="f-image">Lead image URL</label><span class="hint" id="f-image-hint">The text names its photo's credit, not the file</span><input aria-describedby="f-image-hint" type="text" id="f-image" name="image" value="${values.image ?? ''}"></div>
</div>
<div class="actions"><button type="submit">Import</button></div>
</form>`,
    });

  return new Hono<ConsoleEnv>()
    .get('/articles/import', (c) => c.html(page(c.get('session').csrfToken, {})))
    .post('/articles/import', async (c) => {
      const form = await c.req.parseBody();
      const pasted = typeof form.text === 'string' ? form.text : '';
      const file = form.file instanceof File && form.file.size > 0 ? form.file : undefined;
      const status = form.status === 'published' ? 'published' : 'draft';
      const image = typeof form.image === 'string' && form.image.trim() ? form.image.trim() : undefined;
      const values = { text: pasted, status, ...(image && { image }) };
      const { csrfToken } = c.get('session');
      if (file && file.size > MAX_IMPORT_BYTES) {
        return c.html(page(csrfToken, values, `the file is larger than ${MAX_IMPORT_BYTES} bytes`), 413);
      }
      const text = pasted.trim() ? pasted : file ? await file.text() : '';
      if (!text.trim()) return c.html(page(csrfToken, values, 'paste the article or choose a file'), 400);
      try {
        const article = await actions.importText(text, { status, ...(image && { image }) });
        return c.redirect(`/admin/articles/${article.id}?done=imported`, 303);
      } catch (error) {
        if (error instanceof ValidationError || error instanceof UnreadableError) {
          return c.html(
            page(csrfToken, { ...values, text }, error.message),
            error instanceof ValidationError ? 400 : 422,
          );
        }
        throw error;
      }
    });
}
