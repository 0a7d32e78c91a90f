import { beforeAll, describe, expect, it } from 'vitest';
import { createArticle } from '@/server/articles/commands';
import { runBulkAction } from '@/server/articles/bulk';
import { findPublicArticle } from '@/server/articles/queries';
import { approveArticle, publishArticle, submitArticle } from '@/server/articles/workflow';
import type { Actor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { updatePresence } from '@/server/presence/lease';
import { approvedArticles, createDraftIssue, createPublication } from '../../../factories/issues';
import { actorFor } from '../../../factories/users';

// Bulk actions of the article list: each article through the command a person would use on it
// alone, the role rules included, with an answer per article.

let editor: Actor;
let approver: Actor;
const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

beforeAll(async () => {
  editor = await actorFor('bientap@demo.local');
  approver = await actorFor('duyet@demo.local');
});

const draft = (title: string) => createArticle(editor, { title: `${title} ${Date.now()}`, body: doc('Nội dung.'), tags: [] });
const statusOf = async (id: number) => (await getDb().article.findUniqueOrThrow({ where: { id } })).status;

describe('bulk submit and approve', () => {
  it('submits each draft and says which could not be', async () => {
    const a = await draft('Bài gửi loạt một');
    const b = await draft('Bài gửi loạt hai');
    await submitArticle(editor, b.id, { expectedVersion: 1 });
    const results = await runBulkAction(editor, { action: 'submit', items: [a, b].map(({ id }) => ({ id, version: 1 })) });
    expect(results).toEqual([
      { id: a.id, title: expect.stringContaining('Bài gửi loạt một'), ok: true, message: 'Đã gửi duyệt.' },
      { id: b.id, title: expect.stringContaining('Bài gửi loạt hai'), ok: false, message: 'Chỉ gửi duyệt được bài đang là Nháp.' },
    ]);
    expect(await statusOf(a.id)).toBe('SUBMITTED');
  });

  it('refuses an editor’s approval of every article, each audited, and lets an approver approve', async () => {
    const items = [];
    for (const n of [1, 2]) {
      const article = await draft(`Bài duyệt loạt ${n}`);
      await submitArticle(editor, article.id, { expectedVersion: 1 });
      items.push({ id: article.id, version: 1 });
    }
    const refused = await runBulkAction(editor, { action: 'approve', items });
    expect(refused.map((result) => [result.ok, result.message])).toEqual([
      [false, 'Bạn không có quyền thực hiện thao tác này.'],
      [false, 'Bạn không có quyền thực hiện thao tác này.'],
    ]);
    for (const { id } of items) {
      expect(await statusOf(id)).toBe('SUBMITTED');
      expect(await getDb().auditEvent.count({ where: { entityId: String(id), action: 'article.denied', actorId: editor.id } })).toBe(1);
    }
    const approved = await runBulkAction(approver, { action: 'approve', items });
    expect(approved.every((result) => result.ok)).toBe(true);
    for (const { id } of items) expect(await statusOf(id)).toBe('APPROVED');
  });

  it('refuses an article changed since the list was shown', async () => {
    const article = await draft('Bài đổi sau khi mở danh sách');
    const [result] = await runBulkAction(editor, { action: 'submit', items: [{ id: article.id, version: 7 }] });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('Tải lại danh sách') });
  });
});

describe('bulk add tag', () => {
  it('adds the tag through a save: a draft at once, a published article through its pending revision', async () => {
    const a = await draft('Bài thêm chủ đề');
    const published = await draft('Bài đã xuất bản thêm chủ đề');
    await submitArticle(editor, published.id, { expectedVersion: 1 });
    await approveArticle(approver, published.id, { expectedVersion: 1 });
    await publishArticle(approver, published.id, { expectedVersion: 1 });
    const items = [a, published].map(({ id }) => ({ id, version: 1 }));

    // An editor may not change a published article.
    const byEditor = await runBulkAction(editor, { action: 'tag', items, tag: 'Cải cách' });
    expect(byEditor.map((result) => result.ok)).toEqual([true, false]);
    const byApprover = await runBulkAction(approver, { action: 'tag', items: [{ id: published.id, version: 1 }], tag: 'Cải cách' });
    expect(byApprover[0]).toMatchObject({ ok: true, message: 'Đã thêm chủ đề “Cải cách”.' });
    const tagsOf = async (id: number) =>
      (await getDb().articleTag.findMany({ where: { articleId: id }, include: { tag: true } })).map(({ tag }) => tag.name);
    expect(await tagsOf(a.id)).toEqual(['Cải cách']);
    // The public article is unchanged until the revision is published.
    expect(await tagsOf(published.id)).toEqual([]);
    expect((await getDb().articlePendingRevision.findUniqueOrThrow({ where: { articleId: published.id } })).tags).toEqual(['Cải cách']);
    const found = await findPublicArticle(published.slug);
    expect(found?.kind).toBe('article');
  });

  it('does not write into an article someone else has open', async () => {
    const article = await draft('Bài đang mở khi thêm chủ đề');
    await updatePresence(editor, article.id, { intent: 'edit', tab: 'tab-of-editor' });
    const [result] = await runBulkAction(approver, { action: 'tag', items: [{ id: article.id, version: 1 }], tag: 'Khẩn' });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/^Nguyễn Thị Biên Tập đang sửa bài viết này/) });
  });
});

describe('bulk move to an issue', () => {
  it('moves approved articles into a section, out of their old draft issue, and refuses drafts', async () => {
    const publication = await createPublication();
    const first = await createDraftIssue(approver, publication.id);
    const second = await createDraftIssue(approver, publication.id);
    const [a, b] = await approvedArticles([`Bài chuyển số một ${Date.now()}`, `Bài chuyển số hai ${Date.now()}`]);
    const notApproved = await draft('Bài nháp không chuyển được');
    const into = (issue: typeof first) => ({ issueId: issue.id, sectionId: issue.sections[1]!.id });

    const toFirst = await runBulkAction(editor, { action: 'move', items: [{ id: a!.id, version: 1 }], ...into(first) });
    expect(toFirst[0]).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Đã thêm vào Số \d+\/2040, chuyên mục “Thông tin CCHC của tỉnh”\.$/),
    });

    const results = await runBulkAction(editor, {
      action: 'move',
      items: [a!, b!, notApproved].map(({ id }) => ({ id, version: 1 })),
      ...into(second),
    });
    expect(results.map((result) => result.ok)).toEqual([true, true, false]);
    expect(results[0]!.message).toMatch(/^Đã chuyển từ Số \d+\/2040 sang Số \d+\/2040/);
    expect(results[2]!.message).toMatch(/^Chỉ thêm được bài đã duyệt/);
    const placements = await getDb().articlePlacement.findMany({
      where: { articleId: { in: [a!.id, b!.id] } },
      orderBy: { position: 'asc' },
    });
    expect(placements.map((placement) => [placement.articleId, placement.sectionId])).toEqual([
      [a!.id, second.sections[1]!.id],
      [b!.id, second.sections[1]!.id],
    ]);
  });
});
