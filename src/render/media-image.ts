import type { Image } from '../domain/article.ts';
import type { XmlWriter } from './xml-writer.ts';

export const MEDIA_RSS_NS = 'http://search.yahoo.com/mrss/';

/** A byte length an enclosure may state: RSS 2.0 requires a real one, so no guesses. */
export function enclosureLength(image: Image): number | undefined {
  return image.length !== undefined && Number.isInteger(image.length) && image.length > 0 ? image.length : undefined;
}

/**
 * Media RSS (https://www.rssboard.org/media-rss) for the lead image: RSS and Atom
 * both carry it, so the credit and the caption reach readers in either format.
 */
export function writeMediaContent(w: XmlWriter, image: Image): void {
  w.open('media:content', {
    url: image.url,
    medium: 'image',
    type: image.type || undefined,
    fileSize: enclosureLength(image),
  });
  if (image.alt) w.text('media:title', image.alt, { type: 'plain' });
  if (image.caption) w.text('media:description', image.caption, { type: 'plain' });
  if (image.credit) w.text('media:credit', image.credit);
  w.close();
}
