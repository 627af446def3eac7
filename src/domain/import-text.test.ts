import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UnreadableError } from './errors.ts';
import { parsePublisherText } from './import-text.ts';
import { articleInputSchema } from './schemas.ts';

// The publisher's sample article, copied into the repo so a plain clone runs this.
const fixture = readFileSync(new URL('../../tests/fixtures/seed-article.txt', import.meta.url), 'utf8');

const RELATED_HEADLINES = [
  'I Fled Ukraine To Save My 3-Year-Old Daughter. We Want To Go Home.',
  '‘Assassins Of The Mind’: How Russia Is Trying To Destroy Ukrainian Culture',
  'Russia’s Attack On Ukraine Turned Me Into A Wartime Volunteer Overnight',
];

function errorFrom(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

function paragraphsOf(bodyHtml: string): string[] {
  return [...bodyHtml.matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1] ?? '');
}

describe('parsePublisherText on the shared seed article', () => {
  const article = parsePublisherText(fixture);
  const paragraphs = paragraphsOf(article.bodyHtml);

  it('reads the category and the full headline', () => {
    expect(article.category).toBe('Entertainment And News');
    expect(article.title).toBe(
      "Video Shows Russian Draftees' Tearful Goodbyes To Their Families As They Join Putin’s War On Ukraine",
    );
  });

  it('reads the photo credit and caption', () => {
    expect(article.image).toEqual({ credit: 'Twitter', caption: 'Russian draftees leaving families' });
  });

  it('turns the RELATED lines into exactly three editorial links, in order', () => {
    expect(article.relatedLinks).toEqual(RELATED_HEADLINES.map((title) => ({ title })));
  });

  it('reads the author, the role and the whole bio', () => {
    expect(article.author).toEqual({
      name: 'Isaac Serna-Diez',
      role: 'Assistant Editor',
      bio:
        'Isaac Serna-Diez is an Assistant Editor who focuses on entertainment and news, social justice, and politics.' +
        '\u00a0Keep up with his rants about current events\u00a0on his Twitter.',
    });
  });

  it('keeps RELATED lines, the photo lines and the bio out of the body', () => {
    expect(article.bodyHtml).not.toContain('RELATED');
    expect(article.bodyHtml).not.toContain('Photo:');
    expect(article.bodyHtml).not.toContain('Russian draftees leaving families');
    expect(article.bodyHtml).not.toContain('Serna-Diez');
  });

  it('makes one <p> per body paragraph, first and last intact', () => {
    expect(paragraphs).toHaveLength(21);
    expect(paragraphs[0]).toBe(
      'As Vladimir Putin’s Russia rests on its hind legs in preparation for yet another wave of invading Ukraine, ' +
        'families are being forced to say goodbye to their families for what might be the last time they see them.',
    );
    expect(paragraphs.at(-1)).toBe(
      'If you want to help provide medical supplies and emergency care to the people of Ukraine, you can donate to ' +
        'the\u00a0Ukrainian Red Cross here\u00a0or to\u00a0United Help Ukraine here.',
    );
  });

  it('keeps curly quotes, dashes and no-break spaces untouched', () => {
    expect(article.bodyHtml).toContain('“illegal rallies”');
    expect(article.bodyHtml).toContain('authorities — all to no avail');
    expect(article.bodyHtml).not.toContain('&');
  });

  it('summarizes the first paragraph as plain text', () => {
    expect(article.summary).toBe(paragraphs[0]);
    expect(article.summary.length).toBeLessThanOrEqual(280);
  });

  it('fits the article input schema once an image URL is added', () => {
    const input = { ...article, image: { url: '/media/seed.jpg', ...article.image } };
    expect(articleInputSchema.safeParse(input).success).toBe(true);
  });
});

describe('parsePublisherText edge cases', () => {
  const minimal = ['World', '', 'A Headline', '', 'First paragraph.', '', 'Jane Doe is a Reporter who writes.'];

  it('reads CRLF text and a BOM the same as LF text', () => {
    const crlf = `\uFEFF${fixture.replace(/\n/g, '\r\n')}`;
    expect(parsePublisherText(crlf)).toEqual(parsePublisherText(fixture));
  });

  it('imports an article without a photo', () => {
    const article = parsePublisherText(minimal.join('\n'));
    expect(article.image).toBeUndefined();
    expect(article.bodyHtml).toBe('<p>First paragraph.</p>');
    expect(article.author).toEqual({ name: 'Jane Doe', role: 'Reporter', bio: 'Jane Doe is a Reporter who writes.' });
  });

  it('takes a photo credit without a caption when a blank line follows it', () => {
    const text = ['World', 'A Headline', 'Photo: Reuters', '', 'Body text.', '', 'Jane Doe is an Editor.'].join('\n');
    const article = parsePublisherText(text);
    expect(article.image).toEqual({ credit: 'Reuters' });
    expect(article.bodyHtml).toBe('<p>Body text.</p>');
    expect(article.author.role).toBe('Editor');
  });

  it('escapes HTML-special characters in the plain text', () => {
    const text = ['Tech', 'Q&A: <script> tags', '', 'Use <b> & "quotes" > 3.', '', 'Al Roe is a Writer.'].join('\n');
    const article = parsePublisherText(text);
    expect(article.title).toBe('Q&A: <script> tags');
    expect(article.bodyHtml).toBe('<p>Use &lt;b&gt; &amp; "quotes" &gt; 3.</p>');
    expect(article.summary).toBe('Use <b> & "quotes" > 3.');
  });

  it('joins a hard-wrapped paragraph and trims trailing spaces', () => {
    const text = ['World', 'H', '', 'One line   ', 'wrapped here.\t', '', 'Jo Li is a Columnist, based in Lima.'].join(
      '\n',
    );
    const article = parsePublisherText(text);
    expect(article.bodyHtml).toBe('<p>One line wrapped here.</p>');
    expect(article.author).toMatchObject({ name: 'Jo Li', role: 'Columnist' });
  });

  it('cuts a long first paragraph at a word boundary with an ellipsis', () => {
    const long = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const article = parsePublisherText(['World', 'H', '', long, '', 'Jo Li is a Writer.'].join('\n'));
    expect(article.summary.length).toBeLessThanOrEqual(280);
    expect(article.summary.endsWith('…')).toBe(true);
    expect(long.startsWith(article.summary.slice(0, -1))).toBe(true);
    expect(long.charAt(article.summary.length - 1)).toBe(' ');
  });

  it.each([
    ['', /empty/],
    ['   \n\n', /empty/],
    ['World\n\n', /headline/],
    ['World\nA Headline\n', /no body and no author bio/],
    ['World\nA Headline\n\nJane Doe is a Reporter.', /no body paragraphs/],
  ])('rejects %j with a message naming what is missing', (text, message) => {
    expect(() => parsePublisherText(text)).toThrow(UnreadableError);
    expect(() => parsePublisherText(text)).toThrow(message);
  });

  it('rejects an article whose last paragraph does not name the author', () => {
    const text = fixture.replace(/\nIsaac Serna-Diez is an[^\n]*\n?$/, '\n');
    const error = errorFrom(() => parsePublisherText(text));
    expect(error).toBeInstanceOf(UnreadableError);
    expect(error).toMatchObject({ kind: 'unreadable', message: expect.stringMatching(/no author bio/) });
  });
});
