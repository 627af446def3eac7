import { describe, expect, it } from 'vitest';
import { createPreparedTexts } from './prepared-texts.ts';
import { prepareText } from './text-match.ts';

const story = {
  title: 'Flood barrier closes as the river rises',
  summary: 'The city shut the barrier overnight.',
  lead: 'Engineers watched the water climb past the old mark.',
};

describe('prepared texts of one batch', () => {
  it('prepares a story once and gives the same text again', () => {
    const texts = createPreparedTexts();
    const first = texts.prepare('own:a', story);
    expect(first).toEqual(prepareText(story));
    expect(texts.prepare('own:a', { ...story })).toBe(first);
  });

  it('prepares an edited story afresh', () => {
    const texts = createPreparedTexts();
    const before = texts.prepare('own:a', story);
    const edited = { ...story, title: 'Flood barrier fails as the river rises' };
    const after = texts.prepare('own:a', edited);
    expect(after).not.toBe(before);
    expect(after).toEqual(prepareText(edited));
    expect(after.title.has('fail')).toBe(true);
    expect(texts.prepare('own:a', { ...story, lead: 'Engineers left.' })).toEqual(
      prepareText({ ...story, lead: 'Engineers left.' }),
    );
  });

  it('keeps apart two stories with the same text', () => {
    const texts = createPreparedTexts();
    expect(texts.prepare('own:a', story)).not.toBe(texts.prepare('external:a', story));
  });

  it('forgets the least recently used story beyond its size', () => {
    const texts = createPreparedTexts(2);
    const a = texts.prepare('own:a', story);
    const b = texts.prepare('own:b', story);
    expect(texts.prepare('own:a', story)).toBe(a); // a is now the most recent
    texts.prepare('own:c', story); // b goes
    expect(texts.prepare('own:a', story)).toBe(a);
    expect(texts.prepare('own:b', story)).not.toBe(b);
  });
});
