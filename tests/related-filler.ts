import type { Store } from '../src/store/store.ts';
import { makeArticle } from './make-article.ts';

/**
 * Unrelated stories to give the full-text index a realistic spread of words:
 * BM25 weighs a word by how rare it is, and in an archive of three articles
 * every shared word is common. Returns their ids.
 */
const FILLER = [
  ['Chess prodigy, 12, becomes the youngest grandmaster', 'A schoolboy earned the title at a tournament in Budapest.'],
  ['Recipe: slow-roasted tomatoes with garlic and thyme', 'A simple summer dish for the weekend.'],
  ['Museum reopens its dinosaur hall after renovation', 'The skeletons were cleaned and remounted.'],
  ['Gardeners warned about an invasive beetle', 'The beetle attacks lilies and spreads quickly.'],
  ['Jazz festival announces its headline acts', 'Tickets for the August festival go on sale Friday.'],
  ['New cycle lanes open across the city centre', 'Commuters welcomed the separated lanes.'],
  ['Library extends opening hours for students', 'The reading rooms will stay open until midnight.'],
  ['Zoo celebrates the birth of twin red pandas', 'The cubs are healthy and will meet visitors in spring.'],
  ['Ferry timetable changes for the winter season', 'Fewer crossings will run between November and March.'],
  ['Local bakery wins a national bread award', 'Its sourdough beat 300 entries.'],
  ['Astronomers invite the public to a meteor night', 'Telescopes will be set up in the park.'],
  ['Marathon route announced with a finish by the river', 'Runners will pass the old mills and the cathedral.'],
];

export async function addFillerArticles(store: Store): Promise<string[]> {
  const ids: string[] = [];
  for (const [title, body] of FILLER) {
    const article = makeArticle({ title, summary: body, bodyHtml: `<p>${body}</p>`, category: 'Life', tags: [] });
    await store.createArticle(article);
    ids.push(article.id);
  }
  return ids;
}
