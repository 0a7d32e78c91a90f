// The PDF worker pool with real worker threads and the real typesetter.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PdfFailedError, PdfUnavailableError } from '@/server/errors';
import { createPdfPool, type PdfPool } from '@/server/pdf/pool';
import type { TypesetJob } from '@/server/pdf/typeset/protocol';
import type { IssueView } from '@/server/issues/queries';
import { flat, pdfPages, writePdf } from './poppler';
import { article, doc, filler, issueView, paragraph, shortArticles } from './views';
import { log } from '@/server/logger';

const job = (issue: IssueView): TypesetJob => ({
  issue,
  images: new Map(),
  baseUrl: 'http://localhost:3000',
  preview: false,
  creationDate: new Date('2026-02-15T01:00:00Z'),
});

const small = (title: string) => job(issueView([{ title: 'Tin trong tỉnh', articles: [article(title, doc(paragraph(filler)))] }]));
const large = () => job(issueView([{ title: 'Tin ngắn', articles: shortArticles(150) }]));

async function pagesOf(pdf: Buffer): Promise<string[]> {
  const file = await writePdf(pdf);
  try {
    return await pdfPages(file.path);
  } finally {
    await file.remove();
  }
}
const textOf = async (pdf: Buffer) => flat((await pagesOf(pdf)).join(' '));

let pool: PdfPool | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await pool?.close();
  pool = undefined;
});

describe('createPdfPool', () => {
  it('stops a render over its time limit, starts a fresh worker and renders the next task', async () => {
    pool = createPdfPool({ size: 1, timeLimitMs: 120_000 });
    const stopped = pool.render(large(), { timeLimitMs: 200 });
    await expect(stopped).rejects.toBeInstanceOf(PdfFailedError);
    await expect(stopped).rejects.toThrow('tạo PDF quá 1 giây nên đã dừng');
    const { pdf } = await pool.render(small('Bài sau khi bộ tạo PDF được thay'));
    expect(await textOf(pdf)).toContain('Bài sau khi bộ tạo PDF được thay');
    expect(pool.stats()).toMatchObject({ workers: 1, ready: 1, queued: 0 });
  }, 180_000);

  it('stops a render that outgrows its heap with a message, and renders the next task in a fresh worker', async () => {
    pool = createPdfPool({ size: 1, timeLimitMs: 120_000, heapLimitMb: 96 });
    const huge = job(issueView([1, 2, 3, 4].map((n) => ({ title: `Chuyên mục ${n}`, articles: shortArticles(400) }))));
    await expect(pool.render(huge)).rejects.toThrow('Bản tin quá lớn để tạo PDF (vượt giới hạn bộ nhớ của bộ tạo PDF)');
    const { pdf } = await pool.render(small('Bài in được sau khi bộ tạo PDF hết bộ nhớ'));
    expect(await textOf(pdf)).toContain('Bài in được sau khi bộ tạo PDF hết bộ nhớ');
  }, 300_000);

  it('fails a task whose input breaks the typesetter alone, and goes on with the next', async () => {
    const logged = vi.spyOn(log, 'error').mockImplementation(() => undefined);
    pool = createPdfPool({ size: 1, timeLimitMs: 120_000 });
    const broken = { ...small('Hỏng'), issue: { ...small('Hỏng').issue, sections: null } } as unknown as TypesetJob;
    const [failed, next] = await Promise.allSettled([pool.render(broken), pool.render(small('Bài tiếp theo vẫn in được'))]);
    expect(failed.status).toBe('rejected');
    expect((failed as PromiseRejectedResult).reason).toBeInstanceOf(PdfFailedError);
    expect((failed as PromiseRejectedResult).reason.message).toBe('Không tạo được bản PDF, vui lòng thử lại sau.');
    expect(logged).toHaveBeenCalledWith('Bộ tạo PDF không tạo được.', expect.objectContaining({ problem: expect.any(String) }));
    expect(next.status).toBe('fulfilled');
    expect(await textOf((next as PromiseFulfilledResult<{ pdf: Buffer }>).value.pdf)).toContain('Bài tiếp theo vẫn in được');
  }, 180_000);

  it('refuses what its queue cannot hold with a message, and renders the rest', async () => {
    pool = createPdfPool({ size: 1, timeLimitMs: 120_000, maxQueue: 2 });
    await pool.render(small('Khởi động'));
    // One runs, two wait, two are refused at once.
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => pool!.render(small(`Bản xem trước ${n}`))));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'rejected']);
    for (const result of results.slice(3)) {
      const { reason } = result as PromiseRejectedResult;
      expect(reason).toBeInstanceOf(PdfUnavailableError);
      expect(reason.message).toBe('Đang có nhiều bản PDF chờ tạo, vui lòng thử lại sau ít phút.');
    }
  }, 180_000);

  it('plans the pages exactly as the PDF prints them', async () => {
    pool = createPdfPool({ size: 1, timeLimitMs: 120_000 });
    const task = large();
    const plan = await pool.plan(task);
    const rendered = await pool.render(task);
    expect(plan).toEqual(rendered.plan);
    expect(plan.articles).toHaveLength(150);
    expect(plan.pageCount).toBe((await pagesOf(rendered.pdf)).length);
  }, 180_000);
});
