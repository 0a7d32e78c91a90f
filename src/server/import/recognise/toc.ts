import 'server-only';
import { blockText, type SourceBlock } from '../blocks';
import { removeDiacritics } from '@/lib/slug';
import { isCapitalsLine, stripOrdinal } from './patterns';

// A printed table of contents, used only as a hint: real ones skip numbers, shorten titles and
// disagree with the headings. It is either announced ("MỤC LỤC", "Trong số này") or a list
// right after the masthead whose items mostly reappear further down as headings.

export type TocEntry = { text: string; isSection: boolean; ordinal: number | null };
export type Toc = { entries: TocEntry[]; start: number; end: number };

const MARKER = /^(mục lục|trong số này|nội dung chính|nội dung)\s*:?$/iu;
const LEADERS = /\s*(?:\.{2,}|…+|(?:\. ?){3,}|\s{3,})\s*\d{1,3}\s*$/;
const ORDINAL = /^\s*(\d{1,3})[.)]\s+/;
const ROMAN = /^\s*[IVXLC]{1,6}[.)]\s+/;

/** Lowercase, no diacritics, punctuation folded: how a TOC entry is compared with a heading. */
export const comparable = (text: string) =>
  removeDiacritics(stripOrdinal(text))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The same title, give or take a shortened end or a changed word. */
export function isSameTitle(a: string, b: string): boolean {
  const x = comparable(a);
  const y = comparable(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 20 && long.startsWith(short)) return true;
  const xs = new Set(x.split(' '));
  const ys = new Set(y.split(' '));
  const shared = [...xs].filter((word) => ys.has(word)).length;
  return shared / Math.max(xs.size, ys.size) >= 0.8;
}

function entryOf(line: string): TocEntry | null {
  const text = line.replace(LEADERS, '').trim();
  if (!text || text.length > 250) return null;
  const ordinal = ORDINAL.exec(text);
  return { text: stripOrdinal(text), isSection: ROMAN.test(text) || isCapitalsLine(text), ordinal: ordinal ? Number(ordinal[1]) : null };
}

const entryLines = (block: SourceBlock): string[] | null => {
  if (block.kind === 'list') return block.items;
  if (block.kind !== 'paragraph' && block.kind !== 'heading') return null;
  const text = blockText(block);
  return LEADERS.test(text) || ORDINAL.test(text) || ROMAN.test(text) ? [text] : null;
};

export function findToc(blocks: readonly SourceBlock[], from: number): Toc | null {
  let index = from;
  while (index < blocks.length && blocks[index]!.kind === 'gap') index++;
  const announced = index < blocks.length && MARKER.test(blockText(blocks[index]!));
  const start = index;
  if (announced) index++;
  const entries: TocEntry[] = [];
  let paged: boolean | null = null;
  for (; index < blocks.length; index++) {
    const block = blocks[index]!;
    if (block.kind === 'gap') continue;
    const lines = entryLines(block);
    if (!lines) break;
    // A TOC with page numbers ends at the first line without one (the first heading).
    paged ??= LEADERS.test(lines[0]!);
    if (paged && block.kind !== 'list' && !LEADERS.test(lines[0]!)) break;
    entries.push(...lines.map(entryOf).filter((entry): entry is TocEntry => entry !== null));
    // Without the word "Mục lục", only one list counts.
    if (!announced) {
      index++;
      break;
    }
  }
  if (entries.length < 2) return null;
  if (!announced) {
    // An unannounced list is a TOC only if most of its items come back as headings or lines.
    const later = blocks.slice(index).map(blockText);
    const found = entries.filter((entry) => later.some((text) => text.length < 300 && isSameTitle(entry.text, text))).length;
    if (found < Math.ceil(entries.length * 0.6)) return null;
  }
  return { entries, start, end: index };
}
