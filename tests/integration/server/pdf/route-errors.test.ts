import { afterEach, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/ban-tin/[year]/[number]/pdf/route';
import { getDb } from '@/server/db/client';
import { log } from '@/server/logger';

// Every render of this file fails the way a react-pdf bug would.
vi.mock('@/server/pdf/render', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/server/pdf/render')>()),
  renderIssuePdf: vi.fn(async () => {
    throw new Error('unsupported number: -1.7e+21\n    at PDFObject.number (/srv/app/node_modules/pdfkit/js/pdfkit.js:1:1)');
  }),
}));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('GET /ban-tin/{year}/{number}/pdf when rendering fails', () => {
  it('answers 500 with a short Vietnamese text, logs the error and shows no stack', async () => {
    const error = vi.spyOn(log, 'error').mockImplementation(() => undefined);
    // Content no other test has rendered, so no stored file can answer instead.
    const article = await getDb().article.findFirstOrThrow({ where: { placement: { section: { issue: { number: 8, year: 2025 } } } } });
    await getDb().article.update({ where: { id: article.id }, data: { title: `${article.title} ${crypto.randomUUID()}` } });

    const response = await GET(new Request('http://localhost:3000/ban-tin/2025/8/pdf'), {
      params: Promise.resolve({ year: '2025', number: '8' }),
    });

    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).toBe('Không tạo được bản PDF, vui lòng thử lại sau.');
    expect(body).not.toMatch(/unsupported|pdfkit|at /);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('Không tạo được PDF số 8/2025'), { error: expect.any(Error) });
  });
});
