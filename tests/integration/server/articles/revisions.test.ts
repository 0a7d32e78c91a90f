import { beforeAll, describe, expect, it } from 'vitest';
import { createArticle, discardRevision, publishRevision, restoreRevision, saveArticle } from '@/server/articles/commands';
import { getEditableArticle } from '@/server/articles/editorial-queries';
import { findPublicArticle } from '@/server/articles/queries';
import { approveArticle, publishArticle, submitArticle } from '@/server/articles/workflow';
import { getDb } from '@/server/db/client';
import { ConflictError, TransitionError } from '@/server/errors';
import { ForbiddenError } from '@/server/permissions';
import { getIssueView } from '@/server/issues/queries';
import { scheduleIssue } from '@/server/issues/release';
import { publishDueIssues } from '@/server/publishing/publish-due';
import type { PermissionActor } from '@/server/permissions';
import { createDraftIssue, createPublication, placeArticles } from '../../../factories/issues';
import { actorFor } from '../../../factories/users';

// A live article (published, or approved in a scheduled issue) keeps its public text while it is
// being corrected: edits go to a pending revision until an approver publishes it.

let editor: PermissionActor;
let approver: PermissionActor;

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const fields = (title: string, text: string, lead = 'Sapo.') => ({ title, lead, body: doc(text), tags: ['CCHC'] });

beforeAll(async () => {
  editor = await actorFor('bientap@demo.local');
  approver = await actorFor('duyet@demo.local');
});

async function publishedArticle(title: string) {
  const created = await createArticle(editor, fields(title, 'Bản đang xuất bản.'));
  await submitArticle(editor, created.id, { expectedVersion: 1 });
  await approveArticle(approver, created.id, { expectedVersion: 1 });
  return publishArticle(approver, created.id, { expectedVersion: 1 });
}

const publicText = async (slug: string) => {
  const found = await findPublicArticle(slug);
  return found?.kind === 'article' ? JSON.stringify(found.article.body) : null;
};

describe('a published article being corrected', () => {
  it('keeps the public text while autosaves update the pending revision, until "Xuất bản bản sửa"', async () => {
    const article = await publishedArticle(`Bài đang xuất bản ${Date.now()}`);
    const first = await saveArticle(approver, article.id, { ...fields('Tiêu đề sửa', 'Câu đang gõ dở'), expectedVersion: 1, mode: 'auto' });
    expect(first).toMatchObject({ status: 'PUBLISHED', isLive: true, hasPendingRevision: true, version: 2 });
    const second = await saveArticle(approver, article.id, {
      ...fields('Tiêu đề sửa', 'Câu đã gõ xong.'),
      expectedVersion: 2,
      mode: 'auto',
    });
    expect(second.version).toBe(3);

    expect(await publicText(article.slug)).toContain('Bản đang xuất bản.');
    const row = await getDb().article.findUniqueOrThrow({ where: { id: article.id } });
    expect(row.version).toBe(1);
    expect(row.title).not.toBe('Tiêu đề sửa');
    const editable = await getEditableArticle(article.id);
    expect(editable.pendingRevision).toMatchObject({ version: 3, title: 'Tiêu đề sửa' });

    const published = await publishRevision(approver, article.id, { expectedVersion: 3 });
    expect(published).toMatchObject({ version: 3, status: 'PUBLISHED', hasPendingRevision: false, slug: article.slug });
    expect(await publicText(article.slug)).toContain('Câu đã gõ xong.');
    expect(await getDb().articlePendingRevision.count({ where: { articleId: article.id } })).toBe(0);
    expect(await getDb().articleRevision.findUnique({ where: { articleId_version: { articleId: article.id, version: 3 } } })).toMatchObject(
      {
        title: 'Tiêu đề sửa',
      },
    );
    const actions = await getDb().auditEvent.findMany({
      where: { entityType: 'article', entityId: String(article.id) },
      orderBy: { id: 'asc' },
    });
    expect(actions.map((event) => event.action).slice(-1)).toEqual(['article.revisionPublished']);
  });

  it('discards a pending revision, leaving the public text as it was', async () => {
    const article = await publishedArticle(`Bài bỏ bản sửa ${Date.now()}`);
    await saveArticle(approver, article.id, { ...fields('Sửa nhầm', 'Không dùng'), expectedVersion: 1 });
    const back = await discardRevision(approver, article.id, { expectedVersion: 2 });
    expect(back).toMatchObject({ version: 1, hasPendingRevision: false, isLive: true });
    expect(await publicText(article.slug)).toContain('Bản đang xuất bản.');
    expect((await getEditableArticle(article.id)).pendingRevision).toBeNull();
  });

  it('refuses an editor publishing the revision and a second approver saving on an old version', async () => {
    const article = await publishedArticle(`Bài hai người sửa bản sửa ${Date.now()}`);
    await saveArticle(approver, article.id, { ...fields('A', 'Bản của người thứ nhất'), expectedVersion: 1 });
    const admin = await actorFor('quantri@demo.local');
    const conflict = await saveArticle(admin, article.id, { ...fields('B', 'Bản của người thứ hai'), expectedVersion: 1 }).catch(
      (e: unknown) => e,
    );
    expect(conflict).toBeInstanceOf(ConflictError);
    expect((conflict as ConflictError<{ version: number; body: unknown }>).current).toMatchObject({
      version: 2,
      body: doc('Bản của người thứ nhất'),
    });
    expect(await publishRevision(editor, article.id, { expectedVersion: 2 }).catch((e: unknown) => e)).toBeInstanceOf(ForbiddenError);
    expect(await publishRevision(approver, article.id, { expectedVersion: 1 }).catch((e: unknown) => e)).toBeInstanceOf(ConflictError);
  });

  it('keeps other workflow steps until the pending revision is published or discarded', async () => {
    const created = await createArticle(editor, fields(`Bài duyệt có bản sửa ${Date.now()}`, 'Bản đã duyệt.'));
    await submitArticle(editor, created.id, { expectedVersion: 1 });
    await approveArticle(approver, created.id, { expectedVersion: 1 });
    const publication = await createPublication();
    const issue = await createDraftIssue(approver, publication.id);
    const placed = await placeArticles(approver, issue, issue.sections[0]!.id, [created.id]);
    await getDb().article.update({ where: { id: created.id }, data: { sourceOutlet: 'Báo Lai Châu' } });
    const publishAt = new Date(Date.now() + 3_600_000);
    await scheduleIssue(approver, issue.id, {
      expectedVersion: placed.version,
      publishAt: publishAt.toISOString(),
      acknowledgedWarnings: true,
    });
    const pending = await saveArticle(approver, created.id, { ...fields(created.slug, 'Sửa sau khi lên lịch'), expectedVersion: 1 });
    expect(pending).toMatchObject({ status: 'APPROVED', isLive: true, hasPendingRevision: true });
    expect(await publishArticle(approver, created.id, { expectedVersion: 2 }).catch((e: unknown) => e)).toBeInstanceOf(TransitionError);

    // The scheduled issue comes out with the approved text, not the pending one.
    await publishDueIssues(new Date(publishAt.getTime() + 1000));
    const view = await getIssueView({ id: issue.id }, { visibility: 'editorial' });
    expect(JSON.stringify(view?.sections[0]?.articles[0]?.body)).toContain('Bản đã duyệt.');
  });

  it('publishing the revision of an approved article in a scheduled issue approves the new version', async () => {
    const created = await createArticle(editor, fields(`Bài đã duyệt sửa lại ${Date.now()}`, 'Bản đã duyệt.'));
    await submitArticle(editor, created.id, { expectedVersion: 1 });
    await approveArticle(approver, created.id, { expectedVersion: 1 });
    const publication = await createPublication();
    const issue = await createDraftIssue(approver, publication.id);
    const placed = await placeArticles(approver, issue, issue.sections[0]!.id, [created.id]);
    await getDb().article.update({ where: { id: created.id }, data: { sourceOutlet: 'Báo Lai Châu' } });
    await scheduleIssue(approver, issue.id, {
      expectedVersion: placed.version,
      publishAt: new Date(Date.now() + 3_600_000).toISOString(),
      acknowledgedWarnings: true,
    });
    await saveArticle(approver, created.id, { ...fields('Tiêu đề mới', 'Bản sửa'), expectedVersion: 1 });
    await publishRevision(approver, created.id, { expectedVersion: 2 });
    expect(await getDb().article.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      status: 'APPROVED',
      version: 2,
      approvedVersion: 2,
      approvedById: approver.id,
    });
  });
});

describe('a submitted article being edited', () => {
  it('stays in the approver’s queue, and the approval must be of the newest version', async () => {
    const created = await createArticle(editor, fields(`Bài chờ duyệt sửa tiếp ${Date.now()}`, 'Bản gửi duyệt.'));
    await submitArticle(editor, created.id, { expectedVersion: 1 });
    const edited = await saveArticle(editor, created.id, { ...fields(created.slug, 'Bổ sung sau khi gửi.'), expectedVersion: 1 });
    expect(edited.status).toBe('SUBMITTED');
    expect(await approveArticle(approver, created.id, { expectedVersion: 1 }).catch((e: unknown) => e)).toBeInstanceOf(ConflictError);
    expect((await approveArticle(approver, created.id, { expectedVersion: 2 })).status).toBe('APPROVED');
  });
});

describe('history that scales', () => {
  it('keeps a revision for explicit saves and at most one checkpoint per ten minutes of autosaves', async () => {
    const created = await createArticle(editor, fields(`Bài gõ lâu ${Date.now()}`, 'Bắt đầu.'));
    let version = 1;
    for (const text of ['Một', 'Một hai', 'Một hai ba']) {
      version = (await saveArticle(editor, created.id, { ...fields(created.slug, text), expectedVersion: version, mode: 'auto' })).version;
    }
    expect(await getDb().articleRevision.count({ where: { articleId: created.id } })).toBe(1);
    await getDb().articleRevision.updateMany({ where: { articleId: created.id }, data: { createdAt: new Date(Date.now() - 11 * 60_000) } });
    version = (await saveArticle(editor, created.id, { ...fields(created.slug, 'Sau mười phút'), expectedVersion: version, mode: 'auto' }))
      .version;
    expect(await getDb().articleRevision.count({ where: { articleId: created.id } })).toBe(2);
    await saveArticle(editor, created.id, { ...fields(created.slug, 'Lưu nháp'), expectedVersion: version, mode: 'manual' });
    expect(await getDb().articleRevision.count({ where: { articleId: created.id } })).toBe(3);
  });

  it('keeps a colleague’s autosaved text as a revision before another person’s save replaces it', async () => {
    const created = await createArticle(editor, fields(`Bài hai người ${Date.now()}`, 'Bắt đầu.'));
    await saveArticle(editor, created.id, { ...fields(created.slug, 'Chữ của biên tập viên'), expectedVersion: 1, mode: 'auto' });
    await saveArticle(approver, created.id, { ...fields(created.slug, 'Chữ của người duyệt'), expectedVersion: 2, mode: 'auto' });
    const kept = await getDb().articleRevision.findUnique({ where: { articleId_version: { articleId: created.id, version: 2 } } });
    expect(kept).toMatchObject({ authorId: editor.id, body: doc('Chữ của biên tập viên') });
  });

  it('restores an old revision as its own audited step, losing nothing', async () => {
    const created = await createArticle(editor, fields(`Bài khôi phục ${Date.now()}`, 'Bản đầu.'));
    await saveArticle(editor, created.id, { ...fields(created.slug, 'Bản sau'), expectedVersion: 1 });
    const restored = await restoreRevision(editor, created.id, { version: 1, expectedVersion: 2 });
    expect(restored.version).toBe(3);
    expect((await getDb().article.findUniqueOrThrow({ where: { id: created.id } })).body).toEqual(doc('Bản đầu.'));
    expect(await getDb().auditEvent.count({ where: { entityId: String(created.id), action: 'article.restored' } })).toBe(1);
  });
});
