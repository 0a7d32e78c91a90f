import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InlineNode } from '@/content/schema';
import { getIssueView, type IssueView } from '@/server/issues/queries';
import { renderIssuePdf } from '@/server/pdf/render';
import { pageGeometry } from '@/server/pdf/typeset/geometry';
import {
  expectContentsToMatchPages,
  flat,
  pdfInfo,
  pdfOutline,
  pdfPages,
  pdfReadingPages,
  pdfReadingText,
  pdfTextIn,
  pdfToPng,
  tocPages,
  writePdf,
  type PdfFile,
} from './poppler';

const articlesOf = (issue: IssueView) => issue.sections.flatMap((s) => s.articles);
const inlineText = (nodes: readonly InlineNode[] | undefined) => (nodes ?? []).map((n) => (n.type === 'text' ? n.text : ' ')).join('');

/** Article titles and the sub-headings of their bodies. */
function headingsOf(issue: IssueView): string[] {
  return articlesOf(issue).flatMap((article) => [
    flat(article.title),
    ...article.body.content.flatMap((node) => (node.type === 'heading' ? [flat(inlineText(node.content))] : [])),
  ]);
}

/** The beginning of every body paragraph, in document order. */
function paragraphStarts(issue: IssueView): string[] {
  return articlesOf(issue).flatMap((article) =>
    article.body.content.flatMap((node) => {
      const words = node.type === 'paragraph' ? flat(inlineText(node.content)).split(' ') : [];
      return words.length >= 8 ? [words.slice(0, 6).join(' ')] : [];
    }),
  );
}

/** The last line of text of every column of every article page. */
async function columnEnds(file: string, issue: IssueView, pageCount: number): Promise<{ page: number; line: string }[]> {
  const g = pageGeometry(issue.publication.pageSize, issue.publication.columns);
  const ends: { page: number; line: string }[] = [];
  for (let page = 2; page <= pageCount; page++) {
    for (let column = 0; column < g.columns; column++) {
      const x = g.margin.side + column * (g.columnWidth + g.gutter);
      const text = await pdfTextIn(file, page, { x, y: g.margin.top + g.bandHeight, width: g.columnWidth, height: g.columnHeight });
      const line = flat(
        text
          .split('\n')
          .filter((l) => l.trim())
          .at(-1) ?? '',
      );
      if (line) ends.push({ page, line });
    }
  }
  return ends;
}

/** Pages 1–3 and the last as PNG in tests/artifacts, for a person to look at. */
async function writeArtifacts(pdf: PdfFile, pageCount: number, name: string): Promise<string[]> {
  const dir = path.resolve('tests/artifacts');
  await mkdir(dir, { recursive: true });
  const prefix = path.join(dir, name);
  await pdfToPng(pdf.path, prefix, 1, 3, 100);
  await pdfToPng(pdf.path, prefix, pageCount, pageCount, 100);
  // pdftoppm pads page numbers to the width of the page count.
  const digits = String(pageCount).length;
  return [1, 2, 3, pageCount].map((page) => `${prefix}-${String(page).padStart(digits, '0')}.png`);
}

describe.each([1, 2] as const)('PDF of Số 17/2025 in %i column(s)', (columns) => {
  let issue: IssueView;
  let pdf: PdfFile;
  let pages: string[];

  beforeAll(async () => {
    const stored = (await getIssueView({ year: 2025, number: 17 }, { visibility: 'public' }))!;
    issue = { ...stored, publication: { ...stored.publication, columns } };
    pdf = await writePdf(await renderIssuePdf(issue));
    pages = await pdfPages(pdf.path);
  }, 180_000);

  afterAll(() => pdf?.remove());

  it('prints every article title in the bulletin order, diacritics intact', async () => {
    const body = flat((await pdfReadingPages(pdf.path)).slice(1).join(' '));
    let from = 0;
    for (const article of articlesOf(issue)) {
      // NFC as stored: an NFD or garbled extraction would not match.
      const at = body.indexOf(flat(article.title), from);
      expect(at, article.title).toBeGreaterThanOrEqual(from);
      from = at + article.title.length;
    }
    expect(flat(body)).toContain('Trung tâm Phục vụ hành chính công xã Long Thạnh, tỉnh An Giang - Ảnh: VGP');
    expect(body).toContain('Theo Thu Giang - https://baochinhphu.vn/');
  });

  it('keeps the reading order: every paragraph after the one before it, column after column', async () => {
    const text = flat(await pdfReadingText(pdf.path));
    let from = 0;
    for (const start of paragraphStarts(issue)) {
      const at = text.indexOf(start, from);
      expect(at, start).toBeGreaterThanOrEqual(from);
      from = at;
    }
  });

  it('names, for every entry of the contents, the page where that article starts', async () => {
    const contents = await expectContentsToMatchPages(pdf.path, articlesOf(issue));
    // Số 17 fits its contents on page 1.
    expect(Math.min(...contents.values())).toBe(2);
  });

  it('keeps each page number of the contents on the last line of its title, after a dot leader', () => {
    const lines = pages[0]!.split('\n').map((line) => flat(line));
    const contents = tocPages(articlesOf(issue), pages[0]!);
    for (const article of articlesOf(issue)) {
      const lastWords = flat(article.title).split(' ').slice(-2).join(' ');
      expect(
        lines.some((l) => l.endsWith(`${lastWords} ${contents.get(article.id)}`)),
        article.title,
      ).toBe(true);
    }
  });

  it('never ends a column with a title or a sub-heading', async () => {
    const headings = headingsOf(issue);
    for (const { page, line } of await columnEnds(pdf.path, issue, pages.length)) {
      const heading = headings.find((h) => line.length > 8 && h.includes(line));
      expect(heading, `trang ${page}: "${line}"`).toBeUndefined();
    }
  });

  it('numbers every page "n/N" in the footer, N being the page count', async () => {
    const count = Number((await pdfInfo(pdf.path)).Pages);
    expect(count).toBe(pages.length);
    expect(count).toBeGreaterThan(10);
    pages.forEach((text, index) =>
      expect(text.trimEnd(), `trang ${index + 1}`).toMatch(new RegExp(`Số 17/2025\\s+${index + 1}/${count}$`)),
    );
  });

  it('has bookmarks by section, then article, opening the page each starts on', async () => {
    const outline = await pdfOutline(pdf.path);
    const contents = tocPages(articlesOf(issue), pages[0]!);
    expect(outline.map((item) => item.title)).toEqual(issue.sections.map((s) => s.title));
    issue.sections.forEach((section, index) => {
      const children = outline[index]!.children;
      expect(children.map((item) => item.title)).toEqual(section.articles.map((a) => a.title));
      children.forEach((item, i) => expect(item.page, item.title).toBe(contents.get(section.articles[i]!.id)));
    });
  });

  it('sets title, author, subject, language, creation date and the PDF/A-2b identification', async () => {
    const info = await pdfInfo(pdf.path);
    expect(info.Title).toBe('THÔNG TIN CẢI CÁCH HÀNH CHÍNH SỞ NỘI VỤ TỈNH LAI CHÂU - Số 17 (13–26/10/2025)');
    expect(info.Author).toBe(issue.publication.agencyName);
    expect(info.Subject).toContain('Số 17 năm 2025');
    expect(new Date(info.CreationDate!).getTime()).toBe(issue.publishAt!.getTime());
    const bytes = pdf.bytes.toString('latin1');
    expect(bytes).toContain('/Lang (vi)');
    expect(bytes).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(bytes).toContain('/OutputIntents');
  });

  it('opens with the masthead, the number, the period and the credit line', () => {
    const cover = flat(pages[0]!);
    expect(cover).toContain('BẢN TIN');
    expect(cover).toContain('THÔNG TIN CẢI CÁCH HÀNH CHÍNH SỞ NỘI VỤ TỈNH LAI CHÂU');
    expect(cover).toContain('SỐ 17');
    expect(cover).toContain('13–26/10/2025');
    expect(cover).toContain('Phòng cải cách hành chính, Sở Nội vụ tỉnh Lai Châu');
    expect(cover).toContain('MỤC LỤC');
    expect(cover).not.toContain('BẢN XEM TRƯỚC');
  });

  it('ends the last page with the colophon, just above the footer', async () => {
    // Reading order: the columns, then the footer drawn after them.
    const text = flat(await pdfReadingText(pdf.path, pages.length));
    expect(text).toMatch(/Nơi in: Sở Nội vụ tỉnh Lai Châu Kỳ hạn xuất bản: 2 số\/tháng THÔNG TIN .* · Số 17\/2025 \d+\/\d+$/);
    expect(text).not.toContain('Giấy phép xuất bản');
    // And at the foot of the page: nothing below it but the footer.
    const lines = pages
      .at(-1)!
      .split('\n')
      .filter((line) => line.trim());
    expect(lines.at(-2)).toContain('Kỳ hạn xuất bản: 2 số/tháng');
  });

  it('renders the same bytes for the same content', async () => {
    expect((await renderIssuePdf(issue)).equals(pdf.bytes)).toBe(true);
  }, 120_000);

  it('leaves pages 1–3 and the last page as PNG in tests/artifacts for a person to look at', async () => {
    for (const file of await writeArtifacts(pdf, pages.length, `so-17-2025-${columns}-cot`)) expect(existsSync(file), file).toBe(true);
  });
});

describe('preview PDF of Số 17/2025', () => {
  it('marks every page "BẢN XEM TRƯỚC"', async () => {
    const issue = (await getIssueView({ year: 2025, number: 17 }, { visibility: 'public' }))!;
    const pdf = await writePdf(await renderIssuePdf(issue, { preview: true }));
    try {
      const pages = await pdfPages(pdf.path);
      expect(pages.length).toBeGreaterThan(10);
      pages.forEach((text, index) => expect(text, `trang ${index + 1}`).toContain('BẢN XEM TRƯỚC · CHƯA XUẤT BẢN'));
    } finally {
      await pdf.remove();
    }
  }, 180_000);
});
