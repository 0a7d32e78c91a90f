import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/ban-tin/[year]/[number]/pdf/route';
import { getDb } from '@/server/db/client';
import { getIssueView } from '@/server/issues/queries';
import { issuePdfKey, pdfCacheDir } from '@/server/pdf/cache';
import { flat, pdfInfo, pdfPages, writePdf } from './poppler';

const call = (year: string, number: string, headers: Record<string, string> = {}) =>
  GET(new Request(`http://localhost:3000/ban-tin/${year}/${number}/pdf`, { headers }), { params: Promise.resolve({ year, number }) });

// The route uses the shared cache directory: this file removes what it stored there, and
// starts each render from an empty slot so the render path really runs.
const storedKeys = new Set<string>();
const cachedFile = (key: string) => path.join(pdfCacheDir(), `${key}.pdf`);
async function currentKey(year: number, number: number): Promise<string> {
  const key = issuePdfKey((await getIssueView({ year, number }, { visibility: 'public' }))!);
  if (!storedKeys.has(key)) await rm(cachedFile(key), { force: true });
  storedKeys.add(key);
  return key;
}

afterAll(async () => {
  await Promise.all([...storedKeys].map((key) => rm(cachedFile(key), { force: true })));
});

describe('GET /ban-tin/{year}/{number}/pdf', () => {
  it('downloads Số 17 as a PDF attachment with its ETag and cache headers', async () => {
    const key = await currentKey(2025, 17);
    const response = await call('2025', '17');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="ban-tin-cchc-so-17-2025.pdf"');
    expect(response.headers.get('etag')).toBe(`"${key}"`);
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=1, must-revalidate');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(Number(response.headers.get('content-length'))).toBe(bytes.length);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const file = await writePdf(bytes);
    try {
      expect(Number((await pdfInfo(file.path)).Pages)).toBeGreaterThan(10);
    } finally {
      await file.remove();
    }
  }, 60_000);

  it('answers 304 when the reader already has this version', async () => {
    const key = await currentKey(2025, 17);
    for (const ifNoneMatch of [`"${key}"`, `W/"${key}"`, `"autre", "${key}"`]) {
      const response = await call('2025', '17', { 'If-None-Match': ifNoneMatch });
      expect(response.status).toBe(304);
      expect(response.headers.get('etag')).toBe(`"${key}"`);
      expect(await response.text()).toBe('');
    }
  }, 60_000);

  it('names Số 08 with the padded number', async () => {
    await currentKey(2025, 8);
    const response = await call('2025', '8');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="ban-tin-cchc-so-08-2025.pdf"');
  }, 60_000);

  it('renders afresh after an article of the issue is edited', async () => {
    const before = await currentKey(2025, 17);
    const issue = (await getIssueView({ year: 2025, number: 17 }, { visibility: 'public' }))!;
    const first = issue.sections[0]!.articles[0]!;
    await getDb().article.update({ where: { id: first.id }, data: { title: `${first.title} (đã cập nhật)` } });
    const after = await currentKey(2025, 17);
    expect(after).not.toBe(before);
    const response = await call('2025', '17', { 'If-None-Match': `"${before}"` });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe(`"${after}"`);
    const file = await writePdf(Buffer.from(await response.arrayBuffer()));
    try {
      expect(flat((await pdfPages(file.path))[0]!)).toContain(`${first.title} (đã cập nhật)`);
    } finally {
      await file.remove();
    }
  }, 60_000);

  it('is 404 for any address that is not a public issue', async () => {
    for (const [year, number] of [
      ['1999', '17'],
      ['2101', '1'],
      ['abc', '17'],
      ['2025', '0'],
      ['2025', '-1'],
      ['2025', '1.5'],
      ['2025', '17a'],
      ['2025', '0x11'],
      ['2025', '99'],
    ] as const) {
      const response = await call(year, number);
      expect(response.status, `${year}/${number}`).toBe(404);
      expect(response.headers.get('content-type')).toContain('text/plain');
    }
  });

  it('is 404 for a draft and for a scheduled issue before its time', async () => {
    const db = getDb();
    const publication = await db.publication.findFirstOrThrow();
    await db.issue.create({
      data: {
        publicationId: publication.id,
        number: 18,
        year: 2025,
        periodStart: new Date('2025-10-27'),
        periodEnd: new Date('2025-11-09'),
      },
    });
    await db.issue.create({
      data: {
        publicationId: publication.id,
        number: 1,
        year: 2099,
        status: 'SCHEDULED',
        publishAt: new Date('2099-01-05T01:00:00Z'),
        periodStart: new Date('2098-12-29'),
        periodEnd: new Date('2099-01-04'),
      },
    });
    expect((await call('2025', '18')).status).toBe(404);
    expect((await call('2099', '1')).status).toBe(404);
  });
});
