import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getIssueView, type IssueView } from '@/server/issues/queries';
import { PdfUnavailableError } from '@/server/errors';
import { createPdfCache, issuePdfKey } from '@/server/pdf/cache';

let so17: IssueView;
let dir: string;

beforeAll(async () => {
  so17 = (await getIssueView({ year: 2025, number: 17 }, { visibility: 'public' }))!;
});

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A stand-in renderer that counts its calls. */
function fakeRenderer(delayMs = 20) {
  const stats = { calls: 0 };
  const render = async (issue: IssueView, { preview = false }: { preview?: boolean }) => {
    stats.calls++;
    await sleep(delayMs);
    return Buffer.from(`%PDF-giả số ${issue.number} ${issue.sections[0]?.articles[0]?.title}${preview ? ' xem trước' : ''}`);
  };
  return { render, stats };
}

async function newCache(
  render: (issue: IssueView, options: { preview?: boolean }) => Promise<Buffer>,
  options: { timeoutMs?: number } = {},
) {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bantin-pdf-cache-'));
  return createPdfCache({ dir, render, ...options });
}

/** Số 17 with its first article retitled: new content, same issue. */
const edited = (issue: IssueView, title: string): IssueView => ({
  ...issue,
  sections: issue.sections.map((section, index) =>
    index === 0 ? { ...section, articles: section.articles.map((a, i) => (i === 0 ? { ...a, title } : a)) } : section,
  ),
});

describe('issuePdfKey', () => {
  it('is stable for the same content and changes with an article, the masthead, an image or the preview mark', () => {
    const key = issuePdfKey(so17);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(issuePdfKey({ ...so17, media: new Map(so17.media), updatedAt: new Date() })).toBe(key);
    expect(issuePdfKey(edited(so17, 'Tiêu đề đã sửa'))).not.toBe(key);
    expect(issuePdfKey({ ...so17, publication: { ...so17.publication, mastheadTitle: 'BẢN TIN MỚI' } })).not.toBe(key);
    const [firstImage] = so17.media.values();
    const media = new Map(so17.media).set(firstImage!.id, { ...firstImage!, storageKey: 'ab/anh-thay-the-1' });
    expect(issuePdfKey({ ...so17, media })).not.toBe(key);
    expect(issuePdfKey(so17, { preview: true })).not.toBe(key);
    expect(issuePdfKey({ ...so17, publication: { ...so17.publication, columns: 2 } })).not.toBe(key);
  });
});

describe('createPdfCache', () => {
  it('renders once for concurrent first requests, then serves the stored file', async () => {
    const { render, stats } = fakeRenderer();
    const cache = await newCache(render);
    const results = await Promise.all(Array.from({ length: 5 }, () => cache.get(so17)));
    expect(stats.calls).toBe(1);
    expect(new Set(results.map((r) => r.path)).size).toBe(1);
    expect((await readFile(results[0]!.path)).toString()).toContain('%PDF-giả số 17');
    expect(results[0]!.size).toBe((await readFile(results[0]!.path)).length);
    await cache.get(so17);
    expect(stats.calls).toBe(1);
  });

  it('renders afresh when the content changes', async () => {
    const { render, stats } = fakeRenderer();
    const cache = await newCache(render);
    const first = await cache.get(so17);
    const second = await cache.get(edited(so17, 'Tiêu đề đã sửa'));
    expect(stats.calls).toBe(2);
    expect(second.key).not.toBe(first.key);
    expect((await readFile(second.path)).toString()).toContain('Tiêu đề đã sửa');
  });

  it('keeps the preview apart from the public file', async () => {
    const { render, stats } = fakeRenderer();
    const cache = await newCache(render);
    const published = await cache.get(so17);
    const preview = await cache.get(so17, { preview: true });
    expect(stats.calls).toBe(2);
    expect((await readFile(published.path)).toString()).not.toContain('xem trước');
    expect((await readFile(preview.path)).toString()).toContain('xem trước');
  });

  it('stops waiting after the timeout but keeps the render for the next request', async () => {
    const { render, stats } = fakeRenderer(300);
    const cache = await newCache(render, { timeoutMs: 50 });
    await expect(cache.get(so17)).rejects.toBeInstanceOf(PdfUnavailableError);
    await sleep(400);
    const stored = await cache.get(so17);
    expect(stats.calls).toBe(1);
    expect((await readFile(stored.path)).toString()).toContain('%PDF-giả số 17');
  });

  it('tries again after a failed render and stores nothing broken', async () => {
    let calls = 0;
    const cache = await newCache(async () => {
      if (++calls === 1) throw new Error('hỏng');
      return Buffer.from('%PDF-lần hai');
    });
    await expect(cache.get(so17)).rejects.toThrow('hỏng');
    const stored = await cache.get(so17);
    expect(calls).toBe(2);
    expect((await readFile(stored.path)).toString()).toBe('%PDF-lần hai');
  });
});
