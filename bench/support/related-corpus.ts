/**
 * A synthetic news archive for the related-stories benchmark: stories about
 * events (each event has its own rare words: names, places), written in a
 * common vocabulary with a skewed (Zipf-like) word frequency, so that BM25
 * sees what it sees in real news: a few words in every story, most in few.
 */

export interface SyntheticStory {
  title: string;
  summary: string;
  body: string;
  category: string;
  tags: string[];
  publishedAt: string;
}

const SYLLABLES = 'ka lo mi ra te su no vi da pe ri zo la me tu sa ne go bi fa'.split(' ');
const VOCABULARY = 20_000;
const CATEGORIES = 50;

export function createRandom(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4_294_967_296;
  };
}

function word(index: number): string {
  let w = '';
  let n = index + 400; // at least three syllables
  while (n > 0) {
    w += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  return w;
}

export function createCorpus(seed: number, events: number, startMs: number, spanDays: number) {
  const random = createRandom(seed);
  const common = () => word(Math.floor(VOCABULARY * random() ** 3)); // skewed towards frequent words
  const eventWords = Array.from({ length: events }, () =>
    Array.from({ length: 6 }, () => word(Math.floor(random() * VOCABULARY))),
  );
  const eventDay = Array.from({ length: events }, () => Math.floor(random() * spanDays));
  const eventCategory = Array.from({ length: events }, () => Math.floor(random() * CATEGORIES));
  const text = (count: number, event: string[], share: number) =>
    Array.from({ length: count }, () =>
      random() < share ? (event[Math.floor(random() * event.length)] as string) : common(),
    ).join(' ');

  return function story(): SyntheticStory {
    const e = Math.floor(random() * events);
    const event = eventWords[e] as string[];
    const day = (eventDay[e] as number) + Math.floor(random() * 4);
    return {
      title: text(8, event, 0.4),
      summary: text(24, event, 0.25),
      body: Array.from({ length: 4 }, () => text(25, event, 0.12)).join('. '),
      category: `Category ${eventCategory[e]}`,
      tags: [common(), common()],
      publishedAt: new Date(startMs + day * 86_400_000 + Math.floor(random() * 86_400_000)).toISOString(),
    };
  };
}
