import { UnreadableError } from './errors.ts';
import { summarize } from './plain-text.ts';

/**
 * The publisher's text format, as in tests/fixtures/seed-article.txt (a copy of the publisher's sample):
 *
 *   Category
 *   Headline
 *   Photo: <credit>          optional, with the caption on the line right under it
 *   <caption>
 *   body paragraphs, separated by blank lines
 *   RELATED: <headline>      anywhere in the body; an editorial link, not body text
 *   <Name> is a <Role> who …  the last paragraph: the author's bio
 *
 * The result is everything but what the text cannot know (image URL, tags,
 * dates, status): the caller adds those to make an ArticleInput.
 */
export interface ImportedArticle {
  category: string;
  title: string;
  summary: string;
  bodyHtml: string;
  image?: { credit?: string; caption?: string };
  author: { name: string; role?: string; bio: string };
  relatedLinks: { title: string }[];
}

export const SUMMARY_MAX_CHARS = 280;
const MAX_CATEGORY_CHARS = 100;
const MAX_NAME_WORDS = 6;
const MAX_ROLE_CHARS = 100;

const PHOTO_LINE = /^Photo:\s*(.*)$/;
const RELATED_LINE = /^RELATED:\s*(.*)$/;
/** "Isaac Serna-Diez is an Assistant Editor who …": the name, then the rest. */
const BIO_INTRO = /^(.+?) is an? (.+)$/s;
/** The role ends at " who", a comma or a full stop ("U.S." keeps its dots). */
const ROLE_END = /^(.+?)(?:\s+who\b|,|\.(?=\s|$)|$)/s;

export function parsePublisherText(text: string): ImportedArticle {
  const lines = normalizeLines(text);
  let at = skipBlank(lines, 0);
  const category = lines[at];
  if (category === undefined) throw new UnreadableError('import: the text is empty');
  if (category.length > MAX_CATEGORY_CHARS) {
    throw new UnreadableError(`import: line 1 must be the category (at most ${MAX_CATEGORY_CHARS} characters)`);
  }
  at = skipBlank(lines, at + 1);
  const title = lines[at];
  if (title === undefined) throw new UnreadableError('import: no headline after the category line');

  at = skipBlank(lines, at + 1);
  const photo = parsePhoto(lines, at);
  const image = photo?.image;
  if (photo) at = photo.next;

  const { paragraphs, relatedLinks } = splitBody(lines.slice(at));
  const bio = paragraphs.pop();
  if (bio === undefined) throw new UnreadableError('import: no body and no author bio after the headline');
  if (paragraphs.length === 0) throw new UnreadableError('import: no body paragraphs before the author bio');
  const author = parseBio(bio);

  return {
    category,
    title,
    summary: summarize(paragraphs[0] ?? '', SUMMARY_MAX_CHARS),
    bodyHtml: paragraphs.map((p) => `<p>${escapeHtmlText(p)}</p>`).join('\n'),
    ...(image ? { image } : {}),
    author,
    relatedLinks,
  };
}

/** CRLF / CR to LF, a leading BOM dropped, each line trimmed (incl. a stray no-break space). */
function normalizeLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim());
}

function skipBlank(lines: string[], from: number): number {
  let at = from;
  while (at < lines.length && lines[at] === '') at++;
  return at;
}

/** The credit line and, when the very next line is not blank, the caption. */
function parsePhoto(lines: string[], at: number): { image: ImportedArticle['image']; next: number } | undefined {
  const match = PHOTO_LINE.exec(lines[at] ?? '');
  if (!match) return undefined;
  const credit = match[1] || undefined;
  const next = lines[at + 1] ?? '';
  const caption = next && !RELATED_LINE.test(next) ? next : undefined;
  const image = { ...(credit ? { credit } : {}), ...(caption ? { caption } : {}) };
  return { image, next: caption ? at + 2 : at + 1 };
}

/** Paragraphs are runs of non-blank lines; RELATED lines are pulled out wherever they sit. */
function splitBody(lines: string[]): { paragraphs: string[]; relatedLinks: { title: string }[] } {
  const paragraphs: string[] = [];
  const titles = new Set<string>();
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) paragraphs.push(current.join(' '));
    current = [];
  };
  for (const line of lines) {
    const related = RELATED_LINE.exec(line);
    if (related) {
      const title = related[1]?.trim();
      if (title) titles.add(title);
    } else if (line === '') {
      flush();
    } else {
      current.push(line);
    }
  }
  flush();
  return { paragraphs, relatedLinks: [...titles].map((title) => ({ title })) };
}

function parseBio(bio: string): ImportedArticle['author'] {
  const intro = BIO_INTRO.exec(bio);
  const name = intro?.[1]?.trim();
  if (!intro || !name || !/^\p{Lu}/u.test(name) || name.split(/\s+/).length > MAX_NAME_WORDS) {
    throw new UnreadableError(
      'import: no author bio: the last paragraph must name the author ("<Name> is a <Role> who …")',
      { lastParagraph: summarize(bio, 120) },
    );
  }
  const role = ROLE_END.exec(intro[2] ?? '')?.[1]?.trim();
  const hasRole = role !== undefined && role.length > 0 && role.length <= MAX_ROLE_CHARS;
  return { name, ...(hasRole ? { role } : {}), bio };
}

/** The text is plain, so `&`, `<` and `>` are text, not markup (HTML "escaping a string", text mode). */
function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
