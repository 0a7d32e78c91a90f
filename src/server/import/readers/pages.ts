import 'server-only';

// A PDF text extraction carries the page furniture of every page: running headers and
// footers, page numbers, form feeds. This removes them and leaves a marker where a page
// ended, so a paragraph cut by the page break can be joined again.

export type TextLine = { text: string } | { blank: true } | { pageBreak: true };

const PAGE_NUMBER = /^\s*(?:[-–—]\s*)?(?:trang\s+)?\d{1,3}(?:\s*\/\s*\d{1,3})?(?:\s*[-–—])?\s*$/i;
/** "BẢN TIN CCHC HÀ GIANG            Trang 2": a running line with its page number. */
const RUNNING_WITH_NUMBER = /\S\s{3,}(?:trang\s+)?\d{1,3}\s*$/i;
const keyOf = (line: string) => line.trim().replace(/\d+/g, '#').replace(/\s+/g, ' ').toLowerCase();
const NEAR = 2;

export function withoutPageFurniture(text: string): TextLine[] {
  const raw = text.split('\n');
  const counts = new Map<string, number>();
  for (const line of raw) if (line.trim()) counts.set(keyOf(line), (counts.get(keyOf(line)) ?? 0) + 1);
  // A table of contents also ends lines with numbers; only a repeated one is a running line.
  const isRunning = (line: string) => RUNNING_WITH_NUMBER.test(line) && (counts.get(keyOf(line)) ?? 0) >= 2;
  const isBoundary = (index: number) => raw[index]!.includes('\f') || PAGE_NUMBER.test(raw[index]!) || isRunning(raw[index]!);
  const nonEmpty = raw.map((line, index) => ({ line: line.replace(/\f/g, ''), index })).filter(({ line }) => line.trim());
  // Lines next to a page boundary whose shape (digits aside) repeats are running headers/footers.
  const nearBoundary = new Map<string, number>();
  nonEmpty.forEach(({ line, index }, position) => {
    const around = nonEmpty.slice(Math.max(0, position - NEAR), position + NEAR + 1);
    if (around.some((other) => other.index !== index && isBoundary(other.index)) || raw[index]!.includes('\f')) {
      nearBoundary.set(keyOf(line), (nearBoundary.get(keyOf(line)) ?? 0) + 1);
    }
  });
  const furniture = (line: string) =>
    PAGE_NUMBER.test(line) ||
    isRunning(line) ||
    (line.trim().length <= 120 && /\p{L}/u.test(line) && (nearBoundary.get(keyOf(line)) ?? 0) >= 2);

  const out: TextLine[] = [];
  for (const rawLine of raw) {
    const formFeed = rawLine.includes('\f');
    const line = rawLine.replace(/\f/g, '').replace(/\s+$/, '');
    if (formFeed || (line.trim() && furniture(line))) {
      // Blank lines before the furniture belong to the page break.
      while (out.at(-1) && 'blank' in out.at(-1)!) out.pop();
      if (!(out.at(-1) && 'pageBreak' in out.at(-1)!)) out.push({ pageBreak: true });
      if (formFeed && line.trim() && !furniture(line)) out.push({ text: line });
      continue;
    }
    if (!line.trim()) {
      // Blank lines after the running header are kept: several of them are a lost photo.
      out.push({ blank: true });
      continue;
    }
    out.push({ text: line });
  }
  return out;
}

/** Whether a paragraph cut by a page break goes on after it. */
export function continuesAcrossPage(before: string, after: string): boolean {
  const end = before.trimEnd();
  if (!end || !after.trim()) return false;
  if (/[,;\-–(]$/.test(end)) return true;
  return !/[.!?:…”"»)]$/.test(end) && /^\p{Ll}/u.test(after.trimStart());
}
