// The bad inputs of the print issue: each still gives a valid PDF, never an error and never a
// blank page. Issues are built here as IssueView objects; no database row is needed.
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BlockNode } from '@/content/schema';
import type { IssueView } from '@/server/issues/queries';
import { renderIssuePdf } from '@/server/pdf/render';
import { variantKey } from '@/server/media/images';
import { getMediaStorage } from '@/server/media/service';
import { pageGeometry, printPixels } from '@/server/pdf/typeset/geometry';
import { expectContentsToMatchPages, flat, pdfImages, pdfInfo, pdfOutline, pdfPages, pdfTextIn, writePdf, type PdfFile } from './poppler';
import { article, doc, filler, issueView as issue, paragraph, shortArticles } from './views';
import { log } from '@/server/logger';

const files: PdfFile[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(files.splice(0).map((file) => file.remove()));
});

/** Renders, checks the file is a PDF poppler reads, and that no page is blank. */
async function render(view: IssueView): Promise<{ file: PdfFile; pages: string[] }> {
  const file = await writePdf(await renderIssuePdf(view));
  files.push(file);
  const info = await pdfInfo(file.path);
  const pages = await pdfPages(file.path);
  expect(Number(info.Pages)).toBe(pages.length);
  pages.forEach((text, index) => {
    // Everything but the running head and the footer, which name the issue.
    const content = text
      .split('\n')
      .filter((line) => !/Số \d{2}\/\d{4}/.test(line))
      .join(' ')
      .trim();
    expect(content.length, `trang ${index + 1} không được trống`).toBeGreaterThan(0);
  });
  return { file, pages };
}

const articlesOf = (view: IssueView) => view.sections.flatMap((s) => s.articles);

describe('PDF with bad input', () => {
  it('splits a 40-row table between rows, every row printed', async () => {
    const rows = Array.from({ length: 40 }, (_, r) => ({
      type: 'tableRow' as const,
      content: ['Đơn vị', 'Hồ sơ', 'Đúng hạn'].map((column) => ({
        type: r === 0 ? ('tableHeader' as const) : ('tableCell' as const),
        content: [paragraph(r === 0 ? column : `${column} hàng ${r}`)],
      })),
    }));
    const view = issue([
      {
        title: 'Số liệu',
        articles: [article('Bảng kết quả giải quyết hồ sơ', doc(paragraph(filler), { type: 'table', content: rows }, paragraph(filler)))],
      },
    ]);
    const { pages } = await render(view);
    const text = flat(pages.join(' '));
    for (let r = 1; r < 40; r++) expect(text).toContain(`Đúng hạn hàng ${r}`);
  });

  it('lets a table row taller than a page break rather than lose its end', async () => {
    const long = `${'Nội dung rất dài trong một ô của bảng. '.repeat(500)}Hết ô dài.`;
    const rows = [
      ['Ngắn', long],
      ['Ô cuối', 'Hàng cuối'],
    ].map((cells) => ({
      type: 'tableRow' as const,
      content: cells.map((cell) => ({ type: 'tableCell' as const, content: [paragraph(cell)] })),
    }));
    const view = issue([{ title: 'Bảng dài', articles: [article('Một ô dài hơn một trang', doc({ type: 'table', content: rows }))] }]);
    const { pages } = await render(view);
    const text = flat(pages.join(' '));
    expect(text).toContain('Hết ô dài.');
    expect(text).toContain('Hàng cuối');
  });

  it('keeps a 40-row table and a 300-word string inside their column in two columns', async () => {
    const rows = Array.from({ length: 40 }, (_, r) => ({
      type: 'tableRow' as const,
      content: ['Đơn vị', 'Đúng hạn'].map((column) => ({ type: 'tableCell' as const, content: [paragraph(`${column} ${r}`)] })),
    }));
    const unbroken = Array.from({ length: 300 }, (_, i) => `chữ${i}`).join('');
    const body = doc(paragraph(filler), { type: 'table', content: rows }, paragraph(unbroken), paragraph(filler));
    const view = issue([{ title: 'Hai cột', articles: [article('Bảng và chuỗi dài trong hai cột', body)] }], {
      publication: { columns: 2 },
    });
    const { file, pages } = await render(view);
    // Everything the article prints is found inside the two column boxes: nothing runs
    // into the gutter or off the page.
    const g = pageGeometry('A4', 2);
    let inColumns = '';
    for (let page = 2; page <= pages.length; page++) {
      for (const column of [0, 1]) {
        const x = g.margin.side + column * (g.columnWidth + g.gutter);
        inColumns += await pdfTextIn(file.path, page, { x, y: g.margin.top + g.bandHeight, width: g.columnWidth, height: g.columnHeight });
      }
    }
    // The long string breaks with a hyphen at each line end.
    const text = inColumns.replace(/-\s*\n/g, '').replace(/\s+/g, '');
    for (let r = 0; r < 40; r++) expect(text).toContain(`Đúnghạn${r}`);
    expect(text).toContain(unbroken);
  });

  it('breaks a 300-word string without spaces inside the page', async () => {
    const unbroken = Array.from({ length: 300 }, (_, i) => `chữ${i}`).join('');
    const view = issue([
      { title: 'Chuỗi dài', articles: [article('Một chuỗi không có dấu cách', doc(paragraph(filler), paragraph(unbroken)))] },
    ]);
    const { pages } = await render(view);
    const text = pages.join('\n');
    expect(text).toContain('chữ0chữ1chữ2');
    expect(text).toContain('chữ299');
    // It wraps: no printed line is longer than a page line.
    expect(Math.max(...text.split('\n').map((line) => line.length))).toBeLessThan(140);
  });

  it('draws a placeholder for an image missing from storage and logs it', async () => {
    const warn = vi.spyOn(log, 'warn').mockImplementation(() => undefined);
    const image: BlockNode = { type: 'image', attrs: { mediaId: 4242, caption: 'Quang cảnh hội nghị', credit: 'Ảnh: Báo Lai Châu' } };
    const view = issue([{ title: 'Ảnh', articles: [article('Bài có ảnh đã mất', doc(paragraph(filler), image, paragraph(filler)))] }], {
      media: [{ id: 4242, width: 1600, height: 1000, storageKey: 'zz/khong-con-trong-kho', sha256: 'khong-con' }],
    });
    const { pages } = await render(view);
    const text = flat(pages.join(' '));
    expect(text).toContain('Ảnh không còn trong kho lưu trữ');
    expect(text).toContain('Quang cảnh hội nghị - Ảnh: Báo Lai Châu');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('thiếu ảnh in'), { mediaIds: '4242' });
  });

  it('prints a 12,000 × 12,000 px image scaled to the column, not at its full size', async () => {
    const storageKey = 'zz/anh-rat-lon-12000';
    const huge = await sharp({ create: { width: 12_000, height: 12_000, channels: 3, background: '#4a7a9c' } })
      .jpeg()
      .toBuffer();
    await getMediaStorage().put(variantKey(storageKey, 'print'), huge);
    const image: BlockNode = { type: 'image', attrs: { mediaId: 4343, caption: 'Ảnh rất lớn', credit: 'Ảnh: thử nghiệm' } };
    const view = issue([{ title: 'Ảnh lớn', articles: [article('Bài có ảnh rất lớn', doc(paragraph(filler), image))] }], {
      media: [{ id: 4343, width: 12_000, height: 12_000, storageKey, sha256: `lon-${randomUUID()}` }],
    });
    const { file, pages } = await render(view);
    expect(flat(pages.join(' '))).toContain('Ảnh rất lớn - Ảnh: thử nghiệm');
    const [embedded] = await pdfImages(file.path);
    expect(embedded!.width).toBeLessThanOrEqual(printPixels(pageGeometry('A4', 1).columnWidth));
    expect(file.bytes.length).toBeLessThan(huge.length);
  }, 120_000);

  it('leaves an empty section out of the contents, the pages and the bookmarks', async () => {
    const view = issue([
      { title: 'Chuyên mục trống', articles: [] },
      { title: 'Tin trong tỉnh', articles: [article('Bài duy nhất của số', doc(paragraph(filler)))] },
    ]);
    const { file, pages } = await render(view);
    expect(pages.join(' ')).not.toContain('CHUYÊN MỤC TRỐNG');
    expect((await pdfOutline(file.path)).map((item) => item.title)).toEqual(['Tin trong tỉnh']);
    await expectContentsToMatchPages(file.path, articlesOf(view));
  });

  it('prints an issue without any article as page 1 alone', async () => {
    const { pages } = await render(issue([{ title: 'Trống', articles: [] }]));
    expect(pages).toHaveLength(1);
    expect(flat(pages[0]!)).toContain('Số này chưa có bài viết.');
  });

  it('typesets 150 articles with contents over several pages, every page number right', async () => {
    const many = shortArticles(150);
    const view = issue([
      { title: 'Tin Trung ương', articles: many.slice(0, 70) },
      { title: 'Tin địa phương', articles: many.slice(70) },
    ]);
    const { file, pages } = await render(view);
    const contents = await expectContentsToMatchPages(file.path, articlesOf(view));
    expect(Math.min(...contents.values()), 'mục lục dài hơn một trang').toBeGreaterThan(2);
    const outline = await pdfOutline(file.path);
    expect(outline.flatMap((section) => section.children)).toHaveLength(150);
    expect(pages.length).toBeGreaterThan(40);
  }, 180_000);

  it('keeps rare Vietnamese letters, prints decomposed text composed and leaves out emoji', async () => {
    const title = 'Người dân 👍 hài lòng: ỷ lại, kỹ thuật, Ỡ ỹ 🇻🇳 👨‍👩‍👧';
    // Pasted text may come decomposed (NFD): it must print, and extract, as NFC.
    const decomposed = 'Thực hiện thủ tục'.normalize('NFD');
    const body = doc(paragraph('Chữ ỷ ỹ Ỡ giữa emoji 😀🎉 và “ngoặc kép”…'), paragraph(decomposed));
    const view = issue([{ title: 'Chữ hiếm 😀', articles: [article(title, body, 'Dẫn 🎉 ỷ')] }]);
    const { file, pages } = await render(view);
    const text = flat(pages.join(' '));
    expect(text).toContain('Thực hiện thủ tục');
    expect(text).toContain('Người dân hài lòng: ỷ lại, kỹ thuật, Ỡ ỹ');
    expect(text).toContain('Chữ ỷ ỹ Ỡ giữa emoji và “ngoặc kép”…');
    expect((await pdfOutline(file.path))[0]!.children[0]!.title).toBe('Người dân hài lòng: ỷ lại, kỹ thuật, Ỡ ỹ');
  });

  it('keeps every letter searchable in the PDFs that follow in the same process', async () => {
    // "ộ" and "ả" are drawn from "o" and "a": the first PDF embeds them without using the bare
    // letters, the second uses the bare letters (see the NOTE in fonts.ts).
    await render(issue([{ title: 'Một', articles: [article('Nội dung', doc(paragraph('Nội cải ộ ả')))] }]));
    const { pages } = await render(issue([{ title: 'Hai', articles: [article('Tin tiếp', doc(paragraph('trong kho và gia đình')))] }]));
    expect(flat(pages.join(' '))).toContain('trong kho và gia đình');
  });

  it('uses the 19 × 27 cm page when the publication asks for it', async () => {
    const view = issue([{ title: 'Khổ nhỏ', articles: [article('Bài khổ 19 × 27', doc(paragraph(filler)))] }], {
      publication: { pageSize: 'B5_19X27' },
    });
    const { file } = await render(view);
    const info = await pdfInfo(file.path);
    const [width, height] = info['Page size']!.split(' x ').map((value) => Number.parseFloat(value));
    expect(width).toBeCloseTo((19 / 2.54) * 72, 1);
    expect(height).toBeCloseTo((27 / 2.54) * 72, 1);
  });
});
