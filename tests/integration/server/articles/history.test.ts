import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createArticle, saveArticle } from '@/server/articles/commands';
import { listRevisions } from '@/server/articles/revision-queries';
import { approveArticle, submitArticle } from '@/server/articles/workflow';
import type { Actor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { actorFor } from '../../../factories/users';

// History that scales: autosaves update the working copy; a revision (and an audit row) is kept
// on explicit saves, workflow steps, and at most one automatic checkpoint per ten minutes.

let editor: Actor;
let approver: Actor;
const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

beforeAll(async () => {
  editor = await actorFor('bientap@demo.local');
  approver = await actorFor('duyet@demo.local');
});

afterEach(() => {
  vi.useRealTimers();
});

describe('a day of autosaving', () => {
  it('keeps at most one checkpoint per ten minutes, and writes an audit row only with each revision', async () => {
    const title = `Bài gõ cả ngày ${Date.now()}`;
    const created = await createArticle(editor, { title, body: doc('Bắt đầu.'), tags: [] });
    // A second after the first revision, so the first ten minutes end at minute 10.
    const start = Date.now() + 1000;
    // Eight hours of typing, an autosave every pause of a minute: 480 saves.
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    let version = created.version;
    for (let minute = 1; minute <= 8 * 60; minute += 1) {
      vi.setSystemTime(start + minute * 60_000);
      const saved = await saveArticle(editor, created.id, {
        title,
        body: doc(`Đoạn thứ ${minute}.`),
        tags: [],
        expectedVersion: version,
        mode: 'auto',
      });
      version = saved.version;
    }
    vi.useRealTimers();
    expect(version).toBe(481);
    const revisions = await listRevisions(created.id, 1, 100);
    // The first revision, then one checkpoint every ten minutes: 48 in eight hours.
    expect(revisions.total).toBe(1 + 48);
    expect(revisions.items.filter((revision) => revision.kind === 'CHECKPOINT')).toHaveLength(48);
    const saves = await getDb().auditEvent.count({
      where: { entityType: 'article', entityId: String(created.id), action: 'article.saved' },
    });
    expect(saves).toBe(48);
    // Nothing typed was lost: the article holds the last autosave.
    expect((await getDb().article.findUniqueOrThrow({ where: { id: created.id } })).body).toEqual(doc('Đoạn thứ 480.'));
  });
});

describe('the kinds of revisions', () => {
  it('names why each revision exists, newest first, a page at a time', async () => {
    const title = `Bài nhiều loại phiên bản ${Date.now()}`;
    const created = await createArticle(editor, { title, body: doc('Một.'), tags: [] });
    await saveArticle(editor, created.id, { title, body: doc('Hai.'), tags: [], expectedVersion: 1, mode: 'auto' });
    await saveArticle(editor, created.id, { title, body: doc('Ba.'), tags: [], expectedVersion: 2, mode: 'manual' });
    await saveArticle(editor, created.id, { title, body: doc('Bốn.'), tags: [], expectedVersion: 3, mode: 'auto' });
    await submitArticle(editor, created.id, { expectedVersion: 4 });
    await saveArticle(approver, created.id, { title, body: doc('Năm.'), tags: [], expectedVersion: 4, mode: 'auto' });
    await approveArticle(approver, created.id, { expectedVersion: 5 });
    const all = await listRevisions(created.id);
    expect(all.items.map((revision) => [revision.version, revision.kind])).toEqual([
      [5, 'APPROVED'],
      [4, 'SUBMITTED'],
      [3, 'SAVED'],
      [1, 'CREATED'],
    ]);
    const second = await listRevisions(created.id, 2, 3);
    expect(second).toMatchObject({ page: 2, pageCount: 2, total: 4 });
    expect(second.items.map((revision) => revision.version)).toEqual([1]);
  });
});
