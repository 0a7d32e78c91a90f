import { beforeAll, describe, expect, it } from 'vitest';
import { createArticle, saveArticle } from '@/server/articles/commands';
import { approveArticle, returnArticle, submitArticle } from '@/server/articles/workflow';
import { getDashboard } from '@/server/articles/dashboard-queries';
import { getEditableArticle, listEditorialArticles } from '@/server/articles/editorial-queries';
import { getRevision, listRevisions } from '@/server/articles/revision-queries';
import { editorAbilities } from '@/server/articles/abilities';
import { getDb } from '@/server/db/client';
import { ForbiddenError } from '@/server/permissions';
import type { PermissionActor } from '@/server/permissions';

let editor: PermissionActor;
let approver: PermissionActor;

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const fields = (title: string, text = 'Nội dung.') => ({ title, lead: 'Sapo.', body: doc(text), tags: ['Thử nghiệm bảng tin'] });

beforeAll(async () => {
  const pick = async (email: string) => {
    const user = await getDb().user.findUniqueOrThrow({ where: { email } });
    return { id: user.id, role: user.role };
  };
  editor = await pick('bientap@demo.local');
  approver = await pick('duyet@demo.local');
});

describe('getDashboard', () => {
  it('sorts an editor’s work into drafts, returned (with the comment) and waiting for approval', async () => {
    const draft = await createArticle(editor, fields('Bản nháp bảng điều khiển'));
    const returned = await createArticle(editor, fields('Bài bị trả lại bảng điều khiển'));
    await submitArticle(editor, returned.id, { expectedVersion: 1 });
    await returnArticle(approver, returned.id, { expectedVersion: 1, comment: 'Bổ sung nguồn ảnh.' });
    const waiting = await createArticle(editor, fields('Bài chờ duyệt bảng điều khiển'));
    await submitArticle(editor, waiting.id, { expectedVersion: 1 });

    const mine = await getDashboard(editor, false);
    expect(mine.myDrafts.map((a) => a.id)).toContain(draft.id);
    expect(mine.myDrafts.map((a) => a.id)).not.toContain(returned.id);
    expect(mine.returnedToMe).toEqual([expect.objectContaining({ id: returned.id, status: 'DRAFT', returnComment: 'Bổ sung nguồn ảnh.' })]);
    expect(mine.waitingForApproval).toBeNull();
    expect(mine.recentlyPublished.length).toBeGreaterThan(0);
    expect(mine.recentlyPublished.every((a) => a.status === 'PUBLISHED')).toBe(true);

    const theirs = await getDashboard(approver, true);
    expect(theirs.waitingForApproval?.map((a) => a.id)).toContain(waiting.id);
    expect(theirs.myDrafts.map((a) => a.id)).not.toContain(draft.id);

    // Resubmitting clears the comment: it leaves the "returned" list.
    await submitArticle(editor, returned.id, { expectedVersion: 1 });
    expect((await getDashboard(editor, false)).returnedToMe).toEqual([]);
  });
});

describe('listEditorialArticles', () => {
  it('filters by status, tag, author and text, sorts and pages', async () => {
    const a = await createArticle(editor, { ...fields('Lọc danh sách Ưu tiên'), tags: ['Chủ đề lọc riêng'] });
    await createArticle(editor, fields('Lọc danh sách thứ hai'));
    const byText = await listEditorialArticles({ text: 'lọc danh sách', sort: 'tieu-de', page: 1 });
    expect(byText.items.map((i) => i.title)).toEqual(['Lọc danh sách thứ hai', 'Lọc danh sách Ưu tiên']);
    const byTag = await listEditorialArticles({ tagSlug: 'chu-de-loc-rieng', sort: 'moi-cap-nhat', page: 1 });
    expect(byTag.items).toEqual([expect.objectContaining({ id: a.id, tags: ['Chủ đề lọc riêng'] })]);
    const published = await listEditorialArticles({ status: 'PUBLISHED', sort: 'moi-cap-nhat', page: 1 });
    expect(published.total).toBeGreaterThan(0);
    expect(published.items.every((i) => i.status === 'PUBLISHED')).toBe(true);
    // Accent- and case-insensitive; characters that mean something to LIKE mean nothing here.
    const unaccented = await listEditorialArticles({ text: 'LOC DANH SACH uu tien', sort: 'tieu-de', page: 1 });
    expect(unaccented.items.map((i) => i.title)).toEqual(['Lọc danh sách Ưu tiên']);
    expect((await listEditorialArticles({ text: '%_\\', sort: 'tieu-de', page: 1 })).total).toBeGreaterThan(0);
    expect((await listEditorialArticles({ text: 'khongcobaivietnaocochunay', sort: 'tieu-de', page: 1 })).total).toBe(0);
    const byAuthor = await listEditorialArticles({ authorId: approver.id, text: 'Lọc danh sách', sort: 'moi-cap-nhat', page: 1 });
    expect(byAuthor.total).toBe(0);
    const far = await listEditorialArticles({ sort: 'moi-cap-nhat', page: 9999 });
    expect(far.page).toBe(far.pageCount);
  });
});

describe('listEditorialArticles: paging', () => {
  it('pages by 50 in the chosen order, every article once', async () => {
    const db = getDb();
    await db.article.createMany({
      data: Array.from({ length: 51 }, (_, i) => ({
        title: `Phân trang biên tập ${String(i + 1).padStart(2, '0')}`,
        slug: `phan-trang-bien-tap-${i + 1}`,
        body: doc('Nội dung.'),
        authorId: editor.id,
      })),
    });
    const first = await listEditorialArticles({ text: 'Phân trang biên tập', sort: 'tieu-de', page: 1 });
    const second = await listEditorialArticles({ text: 'Phân trang biên tập', sort: 'tieu-de', page: 2 });
    expect([first.total, first.pageCount, first.items.length, second.items.length]).toEqual([51, 2, 50, 1]);
    expect(first.items[0]!.title).toBe('Phân trang biên tập 01');
    expect(second.items[0]!.title).toBe('Phân trang biên tập 51');
  });
});

describe('revisions', () => {
  it('keeps every saved version with its author and text', async () => {
    const created = await createArticle(editor, fields('Phiên bản một', 'Văn bản đầu.'));
    await saveArticle(approver, created.id, { ...fields('Phiên bản hai', 'Văn bản sau.'), expectedVersion: 1 });
    const revisions = (await listRevisions(created.id)).items;
    expect(revisions.map((r) => [r.version, r.kind])).toEqual([
      [2, 'SAVED'],
      [1, 'CREATED'],
    ]);
    expect(revisions[0]!.author).toBe('Trần Văn Duyệt');
    expect((await getRevision(created.id, 1)).title).toBe('Phiên bản một');
    const current = await getEditableArticle(created.id);
    expect(current).toMatchObject({
      title: 'Phiên bản hai',
      version: 2,
      slugFixed: false,
      tags: [{ name: 'Thử nghiệm bảng tin', slug: 'thu-nghiem-bang-tin' }],
    });
  });
});

describe('editorAbilities', () => {
  it('offers each role only the buttons the server allows', async () => {
    const own = { authorId: editor.id, status: 'DRAFT' as const };
    expect(editorAbilities(editor, own)).toEqual({
      edit: true,
      submit: true,
      approve: false,
      return: false,
      publish: false,
      publishRevision: false,
      unpublish: false,
    });
    expect(editorAbilities(editor, { ...own, status: 'SUBMITTED' })).toMatchObject({ approve: false, return: false });
    expect(editorAbilities(editor, { ...own, status: 'APPROVED' })).toMatchObject({ edit: false, publish: false });
    expect(editorAbilities(approver, { ...own, status: 'SUBMITTED' })).toMatchObject({ edit: true, approve: true, return: true });
    expect(editorAbilities(approver, { ...own, status: 'APPROVED' })).toMatchObject({ publish: true, return: true, approve: false });
    expect(editorAbilities(approver, { ...own, status: 'PUBLISHED' })).toMatchObject({ unpublish: true, publish: false });
    expect(editorAbilities(editor, { ...own, status: 'PUBLISHED' })).toMatchObject({ unpublish: false });
    // The buttons agree with the commands: an editor's forged approval is refused.
    const created = await createArticle(editor, fields('Tự duyệt'));
    await submitArticle(editor, created.id, { expectedVersion: 1 });
    await expect(approveArticle(editor, created.id, { expectedVersion: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getDb().article.findUniqueOrThrow({ where: { id: created.id } })).status).toBe('SUBMITTED');
  });
});

describe('dashboard issues and the section filter', () => {
  it('shows the issue being composed and the scheduled ones', async () => {
    const db = getDb();
    const publication = await db.publication.findFirstOrThrow();
    const period = { periodStart: new Date('2025-11-10'), periodEnd: new Date('2025-11-23') };
    const before = await getDashboard(editor, false);
    expect(before.composingIssue).toBeNull();
    expect(before.scheduledIssues).toEqual([]);
    await db.issue.create({ data: { publicationId: publication.id, number: 18, year: 2025, ...period } });
    const publishAt = new Date('2099-01-01T01:00:00Z');
    await db.issue.create({ data: { publicationId: publication.id, number: 19, year: 2025, status: 'SCHEDULED', publishAt, ...period } });
    const after = await getDashboard(editor, false);
    expect(after.composingIssue).toMatchObject({ number: 18, year: 2025, articleCount: 0 });
    expect(after.scheduledIssues).toEqual([expect.objectContaining({ number: 19, publishAt })]);
  });

  it('filters the article list by section name across issues', async () => {
    const page = await listEditorialArticles({ sectionTitle: 'Thông tin CCHC của tỉnh', sort: 'tieu-de', page: 1 });
    expect(page.total).toBe(11);
    expect(page.items.map((item) => item.title)).toContain('Lấy người dân làm trung tâm phục vụ');
    expect(page.items.map((item) => item.title)).not.toContain('Bổ sung một số vị trí việc làm tại cấp xã để phù hợp thực tiễn');
  });
});
