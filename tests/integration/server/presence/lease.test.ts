import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createArticle, saveArticle } from '@/server/articles/commands';
import type { Actor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { ConflictError } from '@/server/errors';
import { EditingTakenError, updatePresence } from '@/server/presence/lease';
import { LEASE_TTL_MS } from '@/schemas/presence';
import { actorFor, createUser } from '../../../factories/users';

// Who is editing: a lease in PostgreSQL, renewed by the heartbeat, free after a quiet minute,
// moved by "Tiếp quản" from the holder the person saw and no other.

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/server/auth/session', async (original) => ({
  ...(await original<typeof import('@/server/auth/session')>()),
  getActor: async () => session.actor,
}));
const { POST } = await import('@/app/quan-tri/api/bai-viet/[id]/dang-sua/route');

let editor: Actor;
let approver: Actor;
let admin: Actor;

const TAB_A = 'tab-aaaaaaaa';
const TAB_B = 'tab-bbbbbbbb';
const TAB_C = 'tab-cccccccc';

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const text = (title: string, body: string, expectedVersion: number) => ({
  title,
  body: doc(body),
  tags: [],
  expectedVersion,
  mode: 'auto',
});

beforeAll(async () => {
  editor = await actorFor('bientap@demo.local');
  approver = await actorFor('duyet@demo.local');
  admin = await actorFor('quantri@demo.local');
});

async function draft(title: string) {
  return createArticle(editor, { title: `${title} ${Date.now()}`, body: doc('Bắt đầu.'), tags: [] });
}

describe('the editing lease', () => {
  it('tells others who edits since when, and refuses their saves while it is live', async () => {
    const article = await draft('Bài có người đang sửa');
    const t0 = new Date();
    expect(await updatePresence(editor, article.id, { intent: 'edit', tab: TAB_A }, t0)).toEqual({
      mine: true,
      holder: null,
      takenOver: null,
    });
    const seen = await updatePresence(approver, article.id, { intent: 'edit', tab: TAB_B }, new Date(t0.getTime() + 1000));
    expect(seen).toEqual({
      mine: false,
      holder: { name: 'Nguyễn Thị Biên Tập', since: t0.toISOString(), tab: TAB_A, isSelf: false },
      takenOver: null,
    });
    const refused = await saveArticle(approver, article.id, text(article.slug, 'Chữ của người duyệt', 1)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(EditingTakenError);
    expect((refused as EditingTakenError).message).toMatch(
      /^Nguyễn Thị Biên Tập đang sửa bài viết này \(từ \d\d:\d\d\)\. Nội dung bạn chưa lưu vẫn được giữ trên máy này\.$/,
    );
    expect((await saveArticle(editor, article.id, text(article.slug, 'Chữ của tác giả', 1))).version).toBe(2);
  });

  it('renews with the heartbeat and frees itself after a quiet minute', async () => {
    const article = await draft('Bài hết hạn giữ chỗ');
    const t0 = new Date();
    await updatePresence(editor, article.id, { intent: 'edit', tab: TAB_A }, t0);
    const renewedAt = new Date(t0.getTime() + 40_000);
    await updatePresence(editor, article.id, { intent: 'edit', tab: TAB_A }, renewedAt);
    // 70 s after the start but 30 s after the last heartbeat: still held.
    const stillHeld = await updatePresence(approver, article.id, { intent: 'edit', tab: TAB_B }, new Date(t0.getTime() + 70_000));
    expect(stillHeld.holder?.name).toBe('Nguyễn Thị Biên Tập');
    const quiet = new Date(renewedAt.getTime() + LEASE_TTL_MS + 1);
    expect(await updatePresence(approver, article.id, { intent: 'edit', tab: TAB_B }, quiet)).toMatchObject({ mine: true });
    // The first editor, back from a quiet minute, sees the new holder; nothing was taken from them.
    expect(await updatePresence(editor, article.id, { intent: 'edit', tab: TAB_A }, quiet)).toMatchObject({
      mine: false,
      holder: { name: 'Trần Văn Duyệt' },
      takenOver: null,
    });
  });

  it('is given up when the tab closes, and never by someone else’s release', async () => {
    const article = await draft('Bài đóng thẻ');
    await updatePresence(editor, article.id, { intent: 'edit', tab: TAB_A });
    await updatePresence(approver, article.id, { intent: 'release', tab: TAB_A });
    expect((await updatePresence(approver, article.id, { intent: 'edit', tab: TAB_B })).mine).toBe(false);
    await updatePresence(editor, article.id, { intent: 'release', tab: TAB_A });
    expect((await updatePresence(approver, article.id, { intent: 'edit', tab: TAB_B })).mine).toBe(true);
  });

  it('is not taken by someone who may only read the article', async () => {
    const article = await draft('Bài đã duyệt chỉ đọc');
    await getDb().article.update({ where: { id: article.id }, data: { status: 'APPROVED' } });
    const other = await createUser({ role: 'EDITOR' });
    const reader = await actorFor(other.email);
    expect(await updatePresence(reader, article.id, { intent: 'edit', tab: TAB_C })).toEqual({
      mine: false,
      holder: null,
      takenOver: null,
    });
    expect(await getDb().editingLease.count({ where: { articleId: article.id } })).toBe(0);
  });
});

describe('Tiếp quản', () => {
  it('moves the lease, tells the first editor and refuses their next save', async () => {
    const article = await draft('Bài bị tiếp quản');
    await updatePresence(editor, article.id, { intent: 'edit', tab: TAB_A });
    const taken = await updatePresence(approver, article.id, { intent: 'takeover', tab: TAB_B, holderTab: TAB_A });
    expect(taken.mine).toBe(true);
    const told = await updatePresence(editor, article.id, { intent: 'edit', tab: TAB_A });
    expect(told).toMatchObject({ mine: false, holder: { name: 'Trần Văn Duyệt' }, takenOver: { by: 'Trần Văn Duyệt' } });
    const refused = await saveArticle(editor, article.id, text(article.slug, 'Chữ chưa lưu', 1)).catch((e: unknown) => e);
    expect((refused as EditingTakenError).message).toMatch(/^Trần Văn Duyệt đã tiếp quản bài viết lúc \d\d:\d\d\./);
    const audit = await getDb().auditEvent.findFirst({ where: { entityId: String(article.id), action: 'article.takenOver' } });
    expect(audit).toMatchObject({ actorId: approver.id, data: expect.objectContaining({ fromUserId: editor.id }) });
  });

  it('lets only one of two simultaneous take-overs win', async () => {
    const article = await draft('Bài hai người cùng tiếp quản');
    await updatePresence(editor, article.id, { intent: 'edit', tab: TAB_A });
    const results = await Promise.allSettled([
      updatePresence(approver, article.id, { intent: 'takeover', tab: TAB_B, holderTab: TAB_A }),
      updatePresence(admin, article.id, { intent: 'takeover', tab: TAB_C, holderTab: TAB_A }),
    ]);
    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.filter((result) => result.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect((lost[0] as PromiseRejectedResult).reason.message).toMatch(/đã nhận sửa bài này .* trước bạn/);
    const lease = await getDb().editingLease.findUniqueOrThrow({ where: { articleId: article.id } });
    expect(lease.previousTabId).toBe(TAB_A);
    expect(await getDb().auditEvent.count({ where: { entityId: String(article.id), action: 'article.takenOver' } })).toBe(1);
  });
});

describe('the heartbeat route', () => {
  const beat = (id: number, body: unknown, headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' }) =>
    POST(
      new Request(`http://localhost:3000/quan-tri/api/bai-viet/${id}/dang-sua`, { method: 'POST', body: JSON.stringify(body), headers }),
      {
        params: Promise.resolve({ id: String(id) }),
      },
    );

  it('refuses a signed-out session, another site and a forged body', async () => {
    const article = await draft('Bài nhịp tim');
    session.actor = null;
    const signedOut = await beat(article.id, { intent: 'edit', tab: TAB_A });
    expect(signedOut.status).toBe(401);
    expect(await getDb().editingLease.count({ where: { articleId: article.id } })).toBe(0);

    session.actor = editor;
    expect((await beat(article.id, { intent: 'edit', tab: TAB_A }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await beat(article.id, { intent: 'edit', tab: TAB_A, holderId: 1 })).status).toBe(422);
    const ok = await beat(article.id, { intent: 'edit', tab: TAB_A });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ mine: true, holder: null, takenOver: null });
  });
});
