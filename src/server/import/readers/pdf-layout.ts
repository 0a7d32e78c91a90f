import 'server-only';
import { tidyRuns, type Inline, type SourceBlock } from '../blocks';

// Turns positioned text lines of a PDF into blocks: lines of one paragraph are joined (a
// larger gap, a change of size or weight, or a photo between them ends it); lines larger than
// the body text are headings, ranked by size; running headers and footers (the same text near
// the top or bottom of several pages, page numbers) are dropped.

export type PdfLine = { text: string; runs: Inline[]; x1: number; y: number; size: number; bold: boolean; italic: boolean };
export type PdfPicture = { top: number; image: number | null };
export type PdfPage = { height: number; lines: PdfLine[]; pictures: PdfPicture[] };

const MARGIN = 0.08;
const PAGE_NUMBER = /^\s*(?:[-–—]\s*)?(?:trang\s+)?\d{1,3}(?:\s*\/\s*\d{1,3})?(?:\s*[-–—])?\s*$/i;
const keyOf = (text: string) => text.trim().replace(/\d+/g, '#').replace(/\s+/g, ' ').toLowerCase();
const round = (size: number) => Math.round(size * 2) / 2;

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** Drops lines in the top or bottom margin that are page numbers or repeat on other pages. */
export function dropFurniture(pages: PdfPage[]): void {
  const inMargin = (page: PdfPage, line: PdfLine) => line.y > page.height * (1 - MARGIN) || line.y < page.height * MARGIN;
  const pagesWith = new Map<string, number>();
  for (const page of pages) {
    for (const key of new Set(page.lines.filter((line) => inMargin(page, line)).map((line) => keyOf(line.text)))) {
      pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
    }
  }
  for (const page of pages) {
    page.lines = page.lines.filter(
      (line) =>
        !(inMargin(page, line) && (PAGE_NUMBER.test(line.text) || (pages.length > 1 && (pagesWith.get(keyOf(line.text)) ?? 0) >= 2))),
    );
  }
}

type Metrics = { body: number; pitch: number; right: number; headingLevels: number[] };

function metrics(pages: PdfPage[]): Metrics {
  const lines = pages.flatMap((page) => page.lines);
  const weighted = lines.flatMap((line) => Array<number>(Math.min(line.text.length, 500)).fill(round(line.size)));
  const body = mostCommon(weighted) || 12;
  const pitches: number[] = [];
  const rights: number[] = [];
  for (const page of pages) {
    page.lines.forEach((line, index) => {
      if (round(line.size) !== body) return;
      rights.push(line.x1);
      const next = page.lines[index + 1];
      if (next && round(next.size) === body) pitches.push(Math.round(line.y - next.y));
    });
  }
  const pitch = mostCommon(pitches.filter((value) => value > 0)) || body * 1.2;
  rights.sort((a, b) => a - b);
  const right = rights[Math.floor(rights.length * 0.9)] ?? 0;
  const headingLevels = [...new Set(lines.filter((line) => line.size >= body * 1.05).map((line) => round(line.size)))].sort(
    (a, b) => b - a,
  );
  return { body, pitch, right, headingLevels };
}

type Draft = { lines: PdfLine[]; top: number };

function sameParagraph(previous: PdfLine, line: PdfLine, m: Metrics): boolean {
  if (round(previous.size) !== round(line.size) || previous.bold !== line.bold) return false;
  const gap = previous.y - line.y;
  if (gap <= 0 || gap > Math.max(m.pitch, previous.size * 1.1) * 1.3) return false;
  // Without spacing between paragraphs, a short line that ends a sentence ends its paragraph.
  return !(previous.x1 < m.right - m.body * 3 && /[.!?…:”"»]$/.test(previous.text.trim()));
}

function toBlock(draft: Draft, m: Metrics): SourceBlock {
  const runs = tidyRuns(draft.lines.flatMap((line, index) => [...(index ? [{ text: ' ' }] : []), ...line.runs]));
  const size = round(draft.lines[0]!.size);
  if (size >= m.body * 1.05) return { kind: 'heading', level: m.headingLevels.indexOf(size) + 1, runs };
  return { kind: 'paragraph', runs, style: { scale: Math.round((size / m.body) * 100) / 100 } };
}

export function layoutBlocks(pages: PdfPage[]): SourceBlock[] {
  dropFurniture(pages);
  const m = metrics(pages);
  const blocks: SourceBlock[] = [];
  for (const page of pages) {
    const drafts: Draft[] = [];
    for (const line of page.lines) {
      const current = drafts.at(-1);
      const pictureBetween = current && page.pictures.some((picture) => picture.top < current.lines.at(-1)!.y && picture.top > line.y);
      if (current && !pictureBetween && sameParagraph(current.lines.at(-1)!, line, m)) current.lines.push(line);
      else drafts.push({ lines: [line], top: line.y + line.size });
    }
    const items = [
      ...drafts.map((draft) => ({ top: draft.top, block: toBlock(draft, m) })),
      ...page.pictures.map((picture) => ({ top: picture.top, block: { kind: 'image', image: picture.image } as SourceBlock })),
    ].sort((a, b) => b.top - a.top);
    for (const [index, { block }] of items.entries()) {
      const previous = blocks.at(-1);
      // A paragraph cut by the page break goes on at the top of the next page.
      if (index === 0 && previous?.kind === 'paragraph' && block.kind === 'paragraph' && previous.style?.scale === block.style?.scale) {
        const before = previous.runs.map((run) => run.text).join('');
        const after = block.runs.map((run) => run.text).join('');
        if (!/[.!?…:”"»]$/.test(before.trim()) && /^\p{Ll}/u.test(after)) {
          previous.runs = tidyRuns([...previous.runs, { text: ' ' }, ...block.runs]);
          continue;
        }
      }
      blocks.push(block);
    }
  }
  return blocks;
}
