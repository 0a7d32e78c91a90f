import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/server/auth/session';
import { getIssueView } from '@/server/issues/queries';
import { issuePdfKey, pdfCacheDir } from '@/server/pdf/cache';
import { actorFor } from '../../../factories/users';
import { approvedArticles, createDraftIssue, createPublication, placeArticles } from '../../../factories/issues';
import { pdfPages, writePdf } from '../../server/pdf/poppler';

// Only the session lookup is replaced; the database, the renderer and the cache are real.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/server/auth/session', async (original) => ({
  ...(await original<typeof import('@/server/auth/session')>()),
  getActor: async () => session.actor,
}));

const { GET } = await import('@/app/quan-tri/ban-tin/[id]/pdf/route');

const call = (id: string) => GET(new Request(`http://localhost:3000/quan-tri/ban-tin/${id}/pdf`), { params: Promise.resolve({ id }) });

let editor: Actor;
let draftId: number;
let cachedFile = '';

beforeAll(async () => {
  editor = await actorFor('bientap@demo.local');
  const publication = await createPublication();
  const issue = await createDraftIssue(editor, publication.id);
  const [article] = await approvedArticles(['Bài của bản PDF xem trước']);
  await placeArticles(editor, issue, issue.sections[0]!.id, [article!.id]);
  draftId = issue.id;
  const view = (await getIssueView({ id: draftId }, { visibility: 'editorial' }))!;
  cachedFile = path.join(pdfCacheDir(), `${issuePdfKey(view, { preview: true })}.pdf`);
});

beforeEach(() => {
  session.actor = editor;
});

afterAll(async () => {
  await rm(cachedFile, { force: true });
});

describe('GET /quan-tri/ban-tin/{id}/pdf', () => {
  it('gives a signed-in editor the PDF of a draft issue, marked as a preview on every page, never cached by the browser', async () => {
    const response = await call(String(draftId));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="ban-tin-cchc-so-\d+-2040-xem-truoc\.pdf"$/);
    const pdf = await writePdf(Buffer.from(await response.arrayBuffer()));
    try {
      const pages = await pdfPages(pdf.path);
      expect(pages.length).toBeGreaterThan(1);
      pages.forEach((text, index) => expect(text, `trang ${index + 1}`).toContain('BẢN XEM TRƯỚC · CHƯA XUẤT BẢN'));
      expect(pages.join(' ')).toContain('Bài của bản PDF xem trước');
    } finally {
      await pdf.remove();
    }
  }, 120_000);

  it('is 401 signed out and 404 for an unknown or malformed issue', async () => {
    session.actor = null;
    expect((await call(String(draftId))).status).toBe(401);
    session.actor = editor;
    expect((await call('987654')).status).toBe(404);
    expect((await call('abc')).status).toBe(404);
    expect((await call('0')).status).toBe(404);
  });
});
