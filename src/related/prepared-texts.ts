import { type MatchText, type PreparedText, prepareText } from './text-match.ts';

/**
 * Prepared headlines and leads (text-match.ts) of the stories one batch of refreshes scores.
 * After a large ingest the same articles are candidates for many items, and splitting and
 * stemming their texts again for every item was a third of the refresh. A text prepared earlier
 * is used only while the story's headline, summary and lead are still the ones it was prepared
 * from, so an edited story is prepared afresh. Bounded: the least recently used go first.
 */
export interface PreparedTexts {
  /** `key` names the story (kind and id); the text is what is prepared. */
  prepare(key: string, text: MatchText): PreparedText;
}

interface Entry extends Required<MatchText> {
  prepared: PreparedText;
}

/** About the archive's articles that one large ingest reaches, at a few kilobytes each. */
export const DEFAULT_PREPARED_TEXTS = 10_000;

export function createPreparedTexts(maxSize = DEFAULT_PREPARED_TEXTS): PreparedTexts {
  const entries = new Map<string, Entry>();
  return {
    prepare(key, { title, summary = '', lead = '' }) {
      const entry = entries.get(key);
      entries.delete(key); // re-inserted below: a Map keeps insertion order, so the first key is the oldest
      if (entry && entry.title === title && entry.summary === summary && entry.lead === lead) {
        entries.set(key, entry);
        return entry.prepared;
      }
      const prepared = prepareText({ title, summary, lead });
      entries.set(key, { title, summary, lead, prepared });
      if (entries.size > maxSize) entries.delete(entries.keys().next().value as string);
      return prepared;
    },
  };
}
