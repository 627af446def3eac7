import { z } from 'zod';

/** An id as newId() mints it (ids.ts), or as a test or import names it: the prefix, then base32. */
const idOf = (prefix: string) => `${prefix}_[0-9a-z]{1,60}`;
const mustBeNext = (list: string) => ({ error: `is not ${list} cursor; pass the nextCursor of the previous page` });

/**
 * The `cursor` of a list is the nextCursor its previous page handed out, and nothing else: a
 * cursor of another shape used to be ignored (or compared as a string), which silently answered
 * page one; now it is a 400 (issue 10 item 21).
 */
export const articleCursor = z
  .string()
  .max(200)
  .regex(new RegExp(`^${idOf('art')}$`), mustBeNext('an article list'));

/** Sources are listed in id order: the cursor is the last id seen. */
export const sourceCursor = z
  .string()
  .max(200)
  .regex(new RegExp(`^${idOf('src')}$`), mustBeNext('a source list'));

/** External items are listed newest first: `<publishedAt>~<id>` of the last item seen (source-queries.ts). */
export const externalItemCursor = z
  .string()
  .max(200)
  .regex(
    new RegExp(`^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,3})?Z~${idOf('ext')}$`),
    mustBeNext('an external item list'),
  );
