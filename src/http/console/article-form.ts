import { html } from 'hono/html';
import type { Article } from '../../domain/article.ts';
import type { FieldProblem } from '../../domain/validate.ts';
import { csrfField, renderProblems } from './console-layout.ts';

/** The article form's fields as the browser sends them: every value a string. */
export type ArticleFormValues = Record<string, string>;

const FIELDS = [
  'title',
  'slug',
  'summary',
  'bodyHtml',
  'category',
  'tags',
  'imageUrl',
  'imageAlt',
  'imageCaption',
  'imageCredit',
  'authorName',
  'authorRole',
  'authorBio',
  'authorUrl',
  'status',
  'publishedAt',
  'related',
] as const;

/** The form's strings from a parsed urlencoded body (files and unknown fields ignored). */
export function readArticleForm(body: Record<string, unknown>): ArticleFormValues {
  const values: ArticleFormValues = {};
  for (const name of FIELDS) {
    const value = body[name];
    values[name] = typeof value === 'string' ? value.replace(/\r\n/g, '\n') : '';
  }
  return values;
}

const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/**
 * The JSON the admin API would receive for this form, for articleInputSchema
 * (create) or articlePatchSchema (edit: an emptied image or date is `null`, cleared).
 * datetime-local has no zone; the form says UTC, so the value is read as UTC.
 */
export function articleFormToJson(v: ArticleFormValues, mode: 'create' | 'edit'): Record<string, unknown> {
  const cleared = mode === 'edit' ? null : undefined;
  const imageUrl = text(v.imageUrl);
  const publishedAt = text(v.publishedAt);
  const json: Record<string, unknown> = {
    title: v.title ?? '',
    slug: text(v.slug),
    summary: text(v.summary),
    bodyHtml: v.bodyHtml ?? '',
    category: v.category ?? '',
    tags: (v.tags ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    image: imageUrl
      ? { url: imageUrl, alt: text(v.imageAlt), caption: text(v.imageCaption), credit: text(v.imageCredit) }
      : cleared,
    author: { name: v.authorName ?? '', role: text(v.authorRole), bio: text(v.authorBio), url: text(v.authorUrl) },
    status: v.status === 'published' ? 'published' : 'draft',
    publishedAt: publishedAt ? `${publishedAt.length === 16 ? `${publishedAt}:00` : publishedAt}Z` : cleared,
    relatedLinks: (v.related ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const [title = '', url] = line.split(/\s+\|\s+/);
        return url ? { title: title.trim(), url: url.trim() } : { title: title.trim() };
      }),
  };
  return JSON.parse(JSON.stringify(json)); // drops the undefined optionals, as a JSON body would lack them
}

export function articleToForm(a: Article): ArticleFormValues {
  return {
    title: a.title,
    slug: a.slug,
    summary: a.summary,
    bodyHtml: a.bodyHtml,
    category: a.category,
    tags: a.tags.join(', '),
    imageUrl: a.image?.url ?? '',
    imageAlt: a.image?.alt ?? '',
    imageCaption: a.image?.caption ?? '',
    imageCredit: a.image?.credit ?? '',
    authorName: a.author.name,
    authorRole: a.author.role ?? '',
    authorBio: a.author.bio ?? '',
    authorUrl: a.author.url ?? '',
    status: a.status,
    publishedAt: a.publishedAt ? a.publishedAt.slice(0, 16) : '',
    related: a.relatedLinks.map((l) => (l.url ? `${l.title} | ${l.url}` : l.title)).join('\n'),
  };
}

/** Field names of the JSON shape, mapped to the form input that edits them (for problem links). */
const INPUT_FOR: Record<string, string> = { image: 'imageUrl', author: 'authorName', relatedLinks: 'related' };

export interface ArticleFormView {
  action: string;
  values: ArticleFormValues;
  problems: FieldProblem[];
  csrfToken: string;
  submitLabel: string;
}

export function renderArticleForm(view: ArticleFormView) {
  const { values: v, problems } = view;
  const problemFor = (name: string) =>
    problems.find((p) => (INPUT_FOR[p.field.split('.')[0] ?? ''] ?? p.field.split('.')[0]) === name);
  const field = (name: string, label: string, input: (attrs: ReturnType<typeof html>) => unknown, hint?: string) => {
    const problem = problemFor(name);
    const described = [hint ? `h-${name}` : '', problem ? `e-${name}` : ''].filter(Boolean).join(' ');
    const attrs = html`id="f-${name}" name="${name}"${described ? html` aria-describedby="${described}"` : ''}${problem ? html` aria-invalid="true"` : ''}`;
    return html`<label for="f-${name}">${label}</label>${hint ? html`<span class="hint" id="h-${name}">${hint}</span>` : ''}
${input(attrs)}${problem ? html`<span class="error" id="e-${name}">${problem.message}</span>` : ''}`;
  };
  const line = (name: string, label: string, type = 'text', hint?: string, required = false) =>
    field(
      name,
      label,
      (a) => html`<input type="${type}" ${a} value="${v[name] ?? ''}"${required ? ' required' : ''}>`,
      hint,
    );
  const problemsWithInputs = problems.map((p) => {
    const head = p.field.split('.')[0] ?? '';
    return { ...p, field: INPUT_FOR[head] ? `${INPUT_FOR[head]}${p.field.slice(head.length)}` : p.field };
  });
  return html`${renderProblems(problemsWithInputs)}
<form method="post" action="${view.action}" class="article-form">
${csrfField(view.csrfToken)}
${line('title', 'Headline', 'text', undefined, true)}
<div class="row">
<div>${line('category', 'Category', 'text', 'e.g. Science; new categories get their own feed', true)}</div>
<div>${line('slug', 'Slug', 'text', 'Blank: made from the headline')}</div>
</div>
${field('summary', 'Summary', (a) => html`<textarea ${a} rows="3">${v.summary ?? ''}</textarea>`, 'Blank: the first sentences of the body')}
${field('bodyHtml', 'Body (HTML)', (a) => html`<textarea ${a} class="body" required>${v.bodyHtml ?? ''}</textarea>`)}
${line('tags', 'Tags', 'text', 'Separated by commas')}
<fieldset><legend>Lead image</legend>
<div class="row"><div>${line('imageUrl', 'Image URL', 'text', 'https://… or /media/…')}</div><div>${line('imageAlt', 'Alt text')}</div></div>
<div class="row"><div>${line('imageCaption', 'Caption')}</div><div>${line('imageCredit', 'Credit')}</div></div>
</fieldset>
<fieldset><legend>Author</legend>
<div class="row"><div>${line('authorName', 'Name', 'text', undefined, true)}</div><div>${line('authorRole', 'Role')}</div></div>
${line('authorUrl', 'Author page URL', 'url')}
${field('authorBio', 'Bio', (a) => html`<textarea ${a} rows="2">${v.authorBio ?? ''}</textarea>`)}
</fieldset>
${field('related', 'Related stories chosen by the editor', (a) => html`<textarea ${a} rows="3">${v.related ?? ''}</textarea>`, 'One per line: a headline, or "headline | https://url"')}
<fieldset><legend>Publication</legend>
<div class="row">
<div>${field(
    'status',
    'Status',
    (a) =>
      html`<select ${a}><option value="draft"${v.status !== 'published' ? ' selected' : ''}>Draft (not in any feed)</option><option value="published"${v.status === 'published' ? ' selected' : ''}>Published</option></select>`,
  )}</div>
<div>${line('publishedAt', 'Publish at (UTC)', 'datetime-local', 'Blank: now. A later time schedules it.')}</div>
</div>
</fieldset>
<div class="actions">
<button type="submit" name="intent" value="save">${view.submitLabel}</button>
<button type="submit" name="intent" value="preview" class="secondary">Preview</button>
</div>
</form>`;
}
