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

const foldedChars = new Map<string, string>();

/**
 * `text` without diacritics, in lower case, character for character (so positions match):
 * "Chuyển đổi" becomes "chuyen doi". A character that does not fold to one stays as it is.
 */
function foldText(text: string): string {
  let out = '';
  for (const char of text) {
    let folded = foldedChars.get(char);
    if (folded === undefined) {
      const candidate = removeDiacritics(char).toLowerCase();
      folded = candidate.length === char.length ? candidate : char;
      foldedChars.set(char, folded);
    }
    out += folded;
  }
  return out;
}

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
  // Words are read only as far as needed: a long body that matches early stops early.
  const pattern = /[\p{L}\p{M}\p{N}]+/gu;
  const words: { start: number; end: number; term: string | null }[] = [];
  let isRead = false;
  const wordAt = (index: number) => {
    while (words.length <= index && !isRead) {
      const match = pattern.exec(text);
      if (!match) {
        // exec would start over after its last match: remember the end instead.
        isRead = true;
        break;
      }
      const key = foldText(match[0]);
      // The query term this word matches, if any.
      const term = terms.words.has(key) ? key : key.startsWith(terms.prefix) ? terms.prefix : null;
      words.push({ start: match.index, end: match.index + match[0].length, term });
    }
    return words[index];
  };
  if (!wordAt(0)) return [];

  // Each window starts a few words before a match; the first with the most distinct terms
  // wins. Starts only move forward, so one sliding count of the terms in the window does.
  let bestStart = 0;
  let bestScore = 0;
  const inWindow = new Map<string, number>();
  let leaving = 0;
  let entering = 0;
  for (let index = 0, word = wordAt(0); word; word = wordAt(++index)) {
    if (!word.term) continue;
    const start = Math.max(0, index - EXCERPT_LEAD_IN);
    for (let next = wordAt(entering); next && entering < start + EXCERPT_WORDS; next = wordAt(++entering)) {
      if (next.term) inWindow.set(next.term, (inWindow.get(next.term) ?? 0) + 1);
    }
    for (; leaving < start; leaving++) {
      const term = words[leaving]!.term;
      if (!term) continue;
      const count = inWindow.get(term)! - 1;
      if (count === 0) inWindow.delete(term);
      else inWindow.set(term, count);
    }
    if (inWindow.size > bestScore) {
      bestScore = inWindow.size;
      bestStart = start;
    }
    if (inWindow.size === terms.words.size + 1) break;
  }

  const reachesEnd = wordAt(bestStart + EXCERPT_WORDS) === undefined;
  const window = words.slice(bestStart, bestStart + EXCERPT_WORDS);
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
