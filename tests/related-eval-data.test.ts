import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

/**
 * The labelled sets of bench/related-eval (README.md there): a malformed
 * story or a wrong group would silently change the quality figures.
 */

const isoDate = z.string().refine((value) => new Date(value).toISOString() === value, 'ISO 8601 UTC date');
const text = z.string().trim().min(1);
const storySchema = z.strictObject({
  id: text,
  group: text,
  category: z.enum(['World', 'Politics', 'Business', 'Technology', 'Science', 'Sports', 'Health', 'Entertainment']),
  publishedAt: isoDate,
  tags: z.array(text).min(1).max(3),
  title: text,
  summary: text,
  body: text,
});
const setSchema = z.strictObject({ description: text, stories: z.array(storySchema) });
type Story = z.infer<typeof storySchema>;

function load(file: string): Story[] {
  const raw: unknown = JSON.parse(readFileSync(new URL(`../bench/related-eval/${file}`, import.meta.url), 'utf8'));
  return setSchema.parse(raw).stories;
}

function groups(stories: Story[]): Map<string, Story[]> {
  const byGroup = new Map<string, Story[]>();
  for (const story of stories) byGroup.set(story.group, [...(byGroup.get(story.group) ?? []), story]);
  return byGroup;
}

describe.each(['stories.json', 'stories-hard.json'])('bench/related-eval/%s', (file) => {
  const stories = load(file);

  it('has unique ids named after their group', () => {
    expect(new Set(stories.map((s) => s.id)).size).toBe(stories.length);
    for (const s of stories) expect(s.id).toMatch(new RegExp(`^${s.group}-\\d+$`));
  });

  it('has at least 150 stories in 30+ events of five, the rest single-story distractors', () => {
    const sizes = [...groups(stories).values()].map((g) => g.length);
    expect(stories.length).toBeGreaterThanOrEqual(150);
    expect(sizes.filter((n) => n === 5).length).toBeGreaterThanOrEqual(30);
    expect(sizes.every((n) => n === 5 || n === 1)).toBe(true);
    expect(sizes.filter((n) => n === 1).length).toBeGreaterThan(0);
  });

  it('has dates that parse, none after the evaluation clock (2025-01-01)', () => {
    for (const s of stories) {
      expect(Number.isNaN(Date.parse(s.publishedAt))).toBe(false);
      expect(s.publishedAt < '2025-01-01T00:00:00.000Z').toBe(true);
    }
  });
});

describe('bench/related-eval/stories-hard.json construction rules', () => {
  const byGroup = groups(load('stories-hard.json'));
  const events = [...byGroup.keys()].filter((g) => g.startsWith('h'));

  it('gives every event a twin and an echo in its category', () => {
    expect(events.length).toBe(32);
    for (const event of events) {
      const category = byGroup.get(event)?.[0]?.category;
      for (const prefix of ['t', 'e']) {
        expect(byGroup.get(`${prefix}${event.slice(1)}`)?.map((s) => s.category)).toEqual([category]);
      }
    }
  });

  it('follows each event over days to weeks, in order', () => {
    for (const event of events) {
      const dates = (byGroup.get(event) ?? []).map((s) => Date.parse(s.publishedAt));
      expect(dates).toEqual([...dates].sort((a, b) => a - b));
      const spanDays = ((dates.at(-1) ?? 0) - (dates[0] ?? 0)) / 86_400_000;
      expect(spanDays).toBeGreaterThanOrEqual(10);
      expect(spanDays).toBeLessThanOrEqual(41);
    }
  });
});
