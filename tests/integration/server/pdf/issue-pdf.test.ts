import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIssueView, type IssueView } from '@/server/issues/queries';
import { renderIssuePdf } from '@/server/pdf/render';
import { expectContentsToMatchPages, flat, pdfInfo, pdfOutline, pdfPages, pdfToPng, tocPages, writePdf, type PdfFile } from './poppler';

describe('PDF of Số 17/2025', () => {
  let issue: IssueView;
  let pdf: PdfFile;
  let pages: string[];

  beforeAll(async () => {
    issue = (await getIssueView({ year: 2025, number: 17 }, { visibility: 'public' }))!;
    pdf = await writePdf(await renderIssuePdf(issue));
    pages = await pdfPages(pdf.path);
  }, 120_000);

  afterAll(() => pdf?.remove());

  const articles = () => issue.sections.flatMap((s) => s.articles);

  it('prints every article title in the bulletin order, diacritics intact', () => {
    const body = flat(pages.slice(1).join(' '));
    let from = 0;
    for (const article of articles()) {
      // NFC as stored: an NFD or garbled extraction would not match.
      const at = body.indexOf(flat(article.title), from);
      expect(at, article.title).toBeGreaterThanOrEqual(from);
      from = at + article.title.length;
    }
    expect(body).toContain('Trung tâm Phục vụ hành chính công xã Long Thạnh, tỉnh An Giang - Ảnh: VGP');
    expect(body).toContain('Theo Thu Giang - https://baochinhphu.vn/');
  });

  it('names, for every entry of the contents, the page where that article starts', async () => {
    const contents = await expectContentsToMatchPages(pdf.path, articles());
    // Số 17 fits its contents on page 1.
    expect(Math.min(...contents.values())).toBe(2);
  });

  it('never leaves an article title alone at the bottom of a page', async () => {
    const contents = tocPages(articles(), pages[0]!);
    for (const article of articles()) {
      const page = flat(pages[contents.get(article.id)! - 1]!);
      const footer = new RegExp(`${issue.publication.mastheadTitle} · Số 17/2025 \\d+/\\d+$`);
      const after = page.slice(page.indexOf(flat(article.title)) + flat(article.title).length).replace(footer, '');
      expect(after.length, article.title).toBeGreaterThan(80);
    }
  });

  it('numbers every page "n/N" in the footer, N being the page count', async () => {
    const info = await pdfInfo(pdf.path);
    const count = Number(info.Pages);
    expect(count).toBe(pages.length);
    expect(count).toBeGreaterThan(10);
    pages.forEach((text, index) =>
      expect(text.trimEnd(), `trang ${index + 1}`).toMatch(new RegExp(`Số 17/2025\\s+${index + 1}/${count}$`)),
    );
  });

  it('has bookmarks by section, then article, opening the page each starts on', async () => {
    const outline = await pdfOutline(pdf.path);
    const contents = tocPages(articles(), pages[0]!);
    expect(outline.map((item) => item.title)).toEqual(issue.sections.map((s) => s.title));
    issue.sections.forEach((section, index) => {
      const children = outline[index]!.children;
      expect(children.map((item) => item.title)).toEqual(section.articles.map((a) => a.title));
      children.forEach((item, i) => expect(item.page, item.title).toBe(contents.get(section.articles[i]!.id)));
    });
    expect(pdf.bytes.includes('/Outlines')).toBe(true);
  });

  it('sets title, author, subject, language and creation date', async () => {
    const info = await pdfInfo(pdf.path);
    expect(info.Title).toBe('THÔNG TIN CẢI CÁCH HÀNH CHÍNH SỞ NỘI VỤ TỈNH LAI CHÂU - Số 17 (13–26/10/2025)');
    expect(info.Author).toBe(issue.publication.agencyName);
    expect(info.Subject).toContain('Số 17 năm 2025');
    expect(new Date(info.CreationDate!).getTime()).toBe(issue.publishAt!.getTime());
    expect(pdf.bytes.includes('/Lang (vi)')).toBe(true);
  });

  it('opens with the masthead, the number, the period and the credit line', () => {
    const cover = flat(pages[0]!);
    expect(cover).toContain('BẢN TIN');
    expect(cover).toContain('THÔNG TIN CẢI CÁCH HÀNH CHÍNH SỞ NỘI VỤ TỈNH LAI CHÂU');
    expect(cover).toContain('SỐ 17');
    expect(cover).toContain('13–26/10/2025');
    expect(cover).toContain('Phòng cải cách hành chính, Sở Nội vụ tỉnh Lai Châu');
    expect(cover).toContain('MỤC LỤC');
  });

  it('ends the last page with the colophon lines that are set', () => {
    const last = flat(pages.at(-1)!);
    expect(last).toContain('Nơi in: Sở Nội vụ tỉnh Lai Châu');
    expect(last).toContain('Kỳ hạn xuất bản: 2 số/tháng');
    expect(last).not.toContain('Giấy phép xuất bản');
  });

  it('renders the same bytes for the same content', async () => {
    expect((await renderIssuePdf(issue)).equals(pdf.bytes)).toBe(true);
  }, 60_000);

  it('leaves pages 1 and 2 as PNG in tests/artifacts for a person to look at', async () => {
    const dir = path.resolve('tests/artifacts');
    await mkdir(dir, { recursive: true });
    const prefix = path.join(dir, 'so-17-2025');
    await pdfToPng(pdf.path, prefix, 1, 2);
    // pdftoppm pads page numbers to the width of the page count.
    const digits = String(pages.length).length;
    for (const page of [1, 2]) expect(existsSync(`${prefix}-${String(page).padStart(digits, '0')}.png`)).toBe(true);
  });
});
