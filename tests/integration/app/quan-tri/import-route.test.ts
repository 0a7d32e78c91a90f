import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { NotFoundError } from '@/server/errors';
import { createFromStaged } from '@/server/import/review-session';
import { MAX_IMPORT_BYTES, type ReviewPayload } from '@/schemas/import';
import { actorFor } from '../../../factories/users';

// Only the session lookup is replaced; the route, the pipeline, the staging and the database are real.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/server/auth/session', async (original) => ({
  ...(await original<typeof import('@/server/auth/session')>()),
  getActor: async () => session.actor,
}));

const { POST } = await import('@/app/quan-tri/api/import/route');
const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/import');

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  POST(
    new Request('http://localhost:3000/quan-tri/api/import', {
      method: 'POST',
      body,
      headers: { 'sec-fetch-site': 'same-origin', 'x-file-name': encodeURIComponent('Số 08.md'), ...headers },
      duplex: 'half',
    } as RequestInit),
  );

let editor: Actor;
let approver: Actor;

beforeAll(async () => {
  editor = await actorFor('bientap@demo.local');
  approver = await actorFor('duyet@demo.local');
});

describe('POST /quan-tri/api/import', () => {
  it('refuses without a session, from another site, and past the byte cap whatever Content-Length says', async () => {
    const bytes = await readFile(path.join(FIXTURES, 'so-08-2025.md'));
    session.actor = null;
    expect((await post(bytes)).status).toBe(401);
    session.actor = editor;
    const crossSite = await post(bytes, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const tooLarge = await post(new Blob([Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x61)]), { 'content-length': '10' });
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).error).toBe('Tệp quá lớn (tối đa 30 MB).');
  });

  it('answers the proposal for review, and refusals in Vietnamese', async () => {
    session.actor = editor;
    const response = await post(await readFile(path.join(FIXTURES, 'so-08-2025.md')));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const payload = (await response.json()) as ReviewPayload;
    expect(payload).toMatchObject({ fileName: 'Số 08.md', format: 'markdown', numberTaken: true, proposal: { number: 8, year: 2025 } });
    // The publication's own section names are used.
    expect(payload.proposal.sections.map((section) => section.title)).toEqual(['Thông tin CCHC của Trung ương', 'Thông tin CCHC của tỉnh']);
    const refused = await post(Buffer.from('%PDF-1.7 không phải văn bản'), { 'x-file-name': 'a.txt' });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error).toMatch(/đuôi \.txt nhưng nội dung là PDF/);
  });

  it('the staged file serves only its uploader, once', async () => {
    session.actor = editor;
    const payload = (await (
      await post(await readFile(path.join(FIXTURES, 'trich-xuat-pdf.txt')), { 'x-file-name': 'ha-giang.txt' })
    ).json()) as ReviewPayload;
    const target = { kind: 'new', number: 51, year: 2025, periodStart: '2025-03-01', periodEnd: '2025-03-15' };
    await expect(createFromStaged(approver, { token: payload.token, edits: [], target })).rejects.toBeInstanceOf(NotFoundError);
    const result = await createFromStaged(editor, { token: payload.token, edits: [{ op: 'dropArticle', article: 'a4' }], target });
    expect(await getDb().article.count({ where: { id: { in: result.articleIds } } })).toBe(3);
    await expect(createFromStaged(editor, { token: payload.token, edits: [], target })).rejects.toBeInstanceOf(NotFoundError);
  });
});
