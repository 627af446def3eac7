import { describe, expect, it } from 'vitest';
import { fixtureItems, fixtureSpec, plainItem, seedItem } from '../../tests/render-fixtures.ts';
import { utf8Bytes } from '../publish/utf8-bytes.ts';
import { FEED_FORMATS } from './feed-spec.ts';
import { documentRenderers, renderers } from './index.ts';

const pages = {
  empty: { spec: fixtureSpec({ key: 'empty', title: 'Tidings — Empty' }), items: [] },
  'a tag feed with a “quoted” name': {
    spec: fixtureSpec({ key: 'tag/ai', title: 'Tidings: AI', description: 'Stories tagged “AI” from Tidings' }),
    items: fixtureItems,
  },
  'forty items': { spec: fixtureSpec(), items: Array.from({ length: 20 }, () => [plainItem, seedItem]).flat() },
};

describe.each(FEED_FORMATS)('documentRenderers.%s', (format) => {
  it.each(Object.entries(pages))('gives chunks that join to the whole document: %s', (_, { spec, items }) => {
    const chunks = documentRenderers[format](spec, items);
    const whole = renderers[format](spec, items);
    expect(typeof chunks).not.toBe('string');
    expect((chunks as string[]).join('')).toBe(whole);
    expect(utf8Bytes(chunks)).toEqual(new TextEncoder().encode(whole));
  });

  it('keeps a wide character of the head out of the chunks of one-byte items', () => {
    const items = Array.from({ length: 20 }, () => plainItem); // all Latin-1
    const chunks = documentRenderers[format](fixtureSpec({ description: 'Stories tagged “AI”' }), items) as string[];
    const wide = chunks.filter((chunk) => /[^\u0000-\u00ff]/.test(chunk));
    expect(wide).toHaveLength(1);
    expect(chunks.length).toBeGreaterThan(1);
  });
});
