// Reads a PDF back the way a person or a printer would: poppler-utils (pdftotext, pdfinfo,
// pdftohtml, pdftoppm), installed with `apt-get install poppler-utils`.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';

const run = promisify(execFile);

export type PdfFile = { path: string; bytes: Buffer; remove: () => Promise<void> };

export async function writePdf(bytes: Buffer): Promise<PdfFile> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bantin-pdf-test-'));
  const file = path.join(dir, 'issue.pdf');
  await writeFile(file, bytes);
  return { path: file, bytes, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** White space folded, so a title wrapped over two lines still reads as one string. */
export const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The page number the table of contents prints for each article (by id), read from the text
 * of the contents pages: "N. Title … page".
 */
export function tocPages(articles: { id: number; tocNumber: number; title: string }[], contentsText: string): Map<number, number> {
  const text = flat(contentsText);
  const pages = new Map<number, number>();
  for (const article of articles) {
    const title = flat(article.title).split(' ').map(escape).join(' ');
    const entry = new RegExp(`(?:^| )${article.tocNumber}\\. ${title} (\\d+)(?: |$)`).exec(text);
    if (entry) pages.set(article.id, Number(entry[1]));
  }
  return pages;
}

/**
 * Checks the promise of the table of contents: for every article, the page it names shows
 * the title, and it is the first page after the contents that does (text in reading order,
 * so a title in the second column reads whole). Returns the pages, for further checks.
 */
export async function expectContentsToMatchPages(
  file: string,
  articles: { id: number; tocNumber: number; title: string }[],
): Promise<Map<number, number>> {
  const pages = await pdfReadingPages(file);
  const contents = tocPages(articles, pages.join(' '));
  expect(contents.size, 'mục lục có đủ bài').toBe(articles.length);
  // The contents come first: the earliest article page ends them.
  const firstArticlePage = Math.min(...contents.values());
  for (const article of articles) {
    const page = contents.get(article.id)!;
    const title = flat(article.title);
    expect(flat(pages[page - 1] ?? ''), `${title} → trang ${page}`).toContain(title);
    const first = pages.findIndex((text, index) => index + 1 >= firstArticlePage && flat(text).includes(title)) + 1;
    expect(first, title).toBe(page);
  }
  return contents;
}

/** `pdftotext -layout`, of one page or of all of them (pages separated by form feeds). */
export async function pdfText(file: string, page?: number): Promise<string> {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  const { stdout } = await run('pdftotext', ['-layout', ...range, file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/**
 * The text in the document's reading order: the order it is drawn in (`pdftotext -raw`), which
 * is what an untagged PDF gives a screen reader or a copy. Two columns come out one after the
 * other. (Without `-raw`, pdftotext guesses an order from the positions, and mixes up blocks
 * of two columns next to an image.)
 */
export async function pdfReadingText(file: string, page?: number): Promise<string> {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  const { stdout } = await run('pdftotext', ['-raw', ...range, file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** The reading-order text of each page. */
export async function pdfReadingPages(file: string): Promise<string[]> {
  const pages = (await pdfReadingText(file)).split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** The text inside one rectangle of one page, in points from the top left corner. */
export async function pdfTextIn(
  file: string,
  page: number,
  area: { x: number; y: number; width: number; height: number },
): Promise<string> {
  const box = [area.x, area.y, area.width, area.height].map((value) => String(Math.round(value)));
  const [x, y, width, height] = box as [string, string, string, string];
  const args = ['-r', '72', '-f', String(page), '-l', String(page), '-x', x, '-y', y, '-W', width, '-H', height, '-layout', file, '-'];
  const { stdout } = await run('pdftotext', args);
  return stdout;
}

/** The images drawn, as `pdfimages -list` reports them. */
export async function pdfImages(file: string): Promise<{ page: number; width: number; height: number }[]> {
  const { stdout } = await run('pdfimages', ['-list', file]);
  return stdout
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((cells) => cells.length > 4)
    .map((cells) => ({ page: Number(cells[0]), width: Number(cells[3]), height: Number(cells[4]) }));
}

/** The text of each page, in order. */
export async function pdfPages(file: string): Promise<string[]> {
  const pages = (await pdfText(file)).split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

export async function pdfInfo(file: string): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', ['-isodates', file]);
  return Object.fromEntries(
    stdout
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1]!, match[2]!]),
  );
}

export type OutlineItem = { title: string; page: number; children: OutlineItem[] };

const decodeXml = (value: string) =>
  value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');

/** The bookmarks (PDF outline) with the page each one opens, as `pdftohtml -xml` reports them. */
export async function pdfOutline(file: string): Promise<OutlineItem[]> {
  const { stdout } = await run('pdftohtml', ['-xml', '-i', '-stdout', '-f', '1', '-l', '1', file], { maxBuffer: 64 * 1024 * 1024 });
  const root: OutlineItem[] = [];
  const stack: OutlineItem[][] = [];
  let current: OutlineItem[] | null = null;
  for (const token of stdout.matchAll(/<outline>|<\/outline>|<item page="(\d+)">([^<]*)<\/item>/g)) {
    if (token[0] === '<outline>') {
      const parent: OutlineItem[] = current === null ? root : (current.at(-1)?.children ?? current);
      if (current) stack.push(current);
      current = parent;
    } else if (token[0] === '</outline>') {
      current = stack.pop() ?? null;
    } else if (current) {
      current.push({ title: decodeXml(token[2]!), page: Number(token[1]), children: [] });
    }
  }
  return root;
}

/** Renders pages to PNG files named `${prefix}-N.png` (pdftoppm numbering). */
export async function pdfToPng(file: string, prefix: string, first: number, last: number, dpi = 60): Promise<void> {
  await run('pdftoppm', ['-r', String(dpi), '-png', '-f', String(first), '-l', String(last), file, prefix]);
}
