import 'server-only';
import { documentText, parseRichDocument } from '@/content/schema';
import { removeDiacritics } from '@/lib/slug';
import { cleanText } from '@/lib/text';

// The excerpt under each search result, built only for the articles of the page shown.

const EXCERPT_WORDS = 36;
/** Words kept before the first match, so an excerpt starts with some context. */
const EXCERPT_LEAD_IN = 6;

export type ExcerptPart = { text: string; isMatch: boolean };

/** What the excerpt marks: whole words, and the last query word as a prefix. */
export type ExcerptTerms = { words: ReadonlySet<string>; prefix: string };

/** The lead and readable body text of a stored article, the text an excerpt is cut from. */
export function excerptSource(lead: string | null, body: unknown): string {
  // Stored bodies are validated on write; one that fails now gives no body text, not an error.
  const checked = parseRichDocument(body);
  return `${lead ?? ''}\n${checked.ok ? documentText(checked.document) : ''}`;
}

/**
 * A window of about 36 words around the densest cluster of matches, split into parts that
 * the page renders as text and <mark>. Matching follows the search: accent-insensitive
 * whole words, and the last query word as a prefix.
 */
export function buildExcerpt(source: string, terms: ExcerptTerms): ExcerptPart[] {
  const text = cleanText(source);
  const words = [...text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((match) => {
    const key = removeDiacritics(match[0]).toLowerCase();
    // The query term this word matches, if any.
    const term = terms.words.has(key) ? key : key.startsWith(terms.prefix) ? terms.prefix : null;
    return { start: match.index, end: match.index + match[0].length, term };
  });
  if (words.length === 0) return [];

  let bestStart = 0;
  let bestScore = 0;
  for (const [index, word] of words.entries()) {
    if (!word.term) continue;
    const start = Math.max(0, index - EXCERPT_LEAD_IN);
    const distinct = new Set(words.slice(start, start + EXCERPT_WORDS).flatMap((w) => w.term ?? []));
    if (distinct.size > bestScore) {
      bestScore = distinct.size;
      bestStart = start;
    }
    if (distinct.size === terms.words.size + 1) break;
  }

  const window = words.slice(bestStart, bestStart + EXCERPT_WORDS);
  const reachesEnd = bestStart + EXCERPT_WORDS >= words.length;
  // Whole text at either end keeps opening quotes and closing punctuation.
  const from = bestStart === 0 ? 0 : window[0]!.start;
  const to = reachesEnd ? text.length : window.at(-1)!.end;
  const parts: ExcerptPart[] = [];
  const pushText = (value: string) => {
    const last = parts.at(-1);
    if (last && !last.isMatch) last.text += value;
    else if (value) parts.push({ text: value, isMatch: false });
  };
  if (bestStart > 0) pushText('… ');
  let cursor = from;
  for (const word of window) {
    if (!word.term) continue;
    pushText(text.slice(cursor, word.start));
    parts.push({ text: text.slice(word.start, word.end), isMatch: true });
    cursor = word.end;
  }
  pushText(text.slice(cursor, to));
  if (!reachesEnd) pushText(' …');
  return parts;
}
