import { beforeAll, describe, expect, it } from 'vitest';
import { createArticle } from '@/server/articles/commands';
import { approveArticle, submitArticle } from '@/server/articles/workflow';
import type { Actor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { scheduleIssue } from '@/server/issues/release';
import { markNotificationsRead, openNotification } from '@/server/notifications/commands';
import { countUnread, listNotifications } from '@/server/notifications/queries';
import { publishDueIssues } from '@/server/publishing/publish-due';
import { NotFoundError } from '@/server/errors';
import { changeRole, setActive } from '@/server/users/commands';
import { approvedArticles, createDraftIssue, createPublication, placeArticles } from '../../../factories/issues';
import { actorFor, createUser } from '../../../factories/users';

// Who hears about what: approvers of submissions, authors of approvals, the scheduler and the
// authors of a scheduled issue that came out, approvers of one that could not. Never the person
// who acted, never someone deactivated, and nothing someone may no longer see.

let editor: Actor;
let approver: Actor;
let admin: Actor;

const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nội dung.' }] }] };

beforeAll(async () => {
  editor = await actorFor('bientap@demo.local');
  approver = await actorFor('duyet@demo.local');
  admin = await actorFor('quantri@demo.local');
});

const kindsFor = async (recipientId: number, where: { articleId?: number; issueId?: number }) =>
  (await getDb().notification.findMany({ where: { recipientId, ...where }, orderBy: { id: 'asc' }, select: { kind: true } })).map(
    (n) => n.kind,
  );

describe('workflow notifications', () => {
  it('sends a submission to every active approver, its approval to the author, never to the one who acted', async () => {
    const gone = await createUser({ role: 'APPROVER', isActive: false });
    const article = await createArticle(editor, { title: `Bài thông báo ${Date.now()}`, body: doc, tags: [] });
    await submitArticle(editor, article.id, { expectedVersion: 1 });
    expect(await kindsFor(approver.id, { articleId: article.id })).toEqual(['SUBMITTED']);
    expect(await kindsFor(admin.id, { articleId: article.id })).toEqual(['SUBMITTED']);
    expect(await kindsFor(editor.id, { articleId: article.id })).toEqual([]);
    expect(await kindsFor(gone.id, { articleId: article.id })).toEqual([]);
    await approveArticle(approver, article.id, { expectedVersion: 1 });
    expect(await kindsFor(editor.id, { articleId: article.id })).toEqual(['APPROVED']);
    expect(await kindsFor(approver.id, { articleId: article.id })).toEqual(['SUBMITTED']);
  });

  it('lists, counts and opens only what the person may still see', async () => {
    const user = await createUser({ role: 'APPROVER' });
    let person = await actorFor(user.email);
    const title = `Bài chờ người duyệt mới ${Date.now()}`;
    const article = await createArticle(editor, { title, body: doc, tags: [] });
    await submitArticle(editor, article.id, { expectedVersion: 1 });
    expect(await countUnread(person)).toBe(1);
    const [item] = (await listNotifications(person)).items;
    expect(item).toMatchObject({ text: `Nguyễn Thị Biên Tập gửi duyệt bài “${title}”`, href: `/quan-tri/bai-viet/${article.id}` });

    // No longer an approver: the approval queue's notice is not theirs any more.
    await changeRole(admin, { userId: user.id, role: 'EDITOR' });
    person = await actorFor(user.email);
    expect(await countUnread(person)).toBe(0);
    expect((await listNotifications(person)).items).toEqual([]);
    await expect(openNotification(person, item!.id)).rejects.toBeInstanceOf(NotFoundError);
    // Someone else's notification cannot be opened or marked either.
    expect(await markNotificationsRead(editor, { ids: [item!.id] })).toBe(0);
  });

  it('marks read one, or all', async () => {
    const user = await createUser({ role: 'APPROVER' });
    const person = await actorFor(user.email);
    for (const n of [1, 2]) {
      const article = await createArticle(editor, { title: `Bài đọc thông báo ${n} ${Date.now()}`, body: doc, tags: [] });
      await submitArticle(editor, article.id, { expectedVersion: 1 });
    }
    const { items } = await listNotifications(person);
    expect(await openNotification(person, items[0]!.id)).toMatch(/^\/quan-tri\/bai-viet\/\d+$/);
    expect(await countUnread(person)).toBe(1);
    expect(await markNotificationsRead(person, { all: true })).toBe(1);
    expect(await countUnread(person)).toBe(0);
  });
});

/** An issue of its own publication, with one approved article, scheduled an hour ahead. */
async function scheduledIssue() {
  const publication = await createPublication();
  const issue = await createDraftIssue(approver, publication.id);
  const articles = await approvedArticles([`Bài số hẹn giờ ${Date.now()}`]);
  const placed = await placeArticles(approver, issue, issue.sections[0]!.id, [articles[0]!.id]);
  const publishAt = new Date(Date.now() + 3_600_000);
  await scheduleIssue(approver, issue.id, {
    expectedVersion: placed.version,
    publishAt: publishAt.toISOString(),
    acknowledgedWarnings: true,
  });
  return { issue, publishAt };
}

describe('publishing notifications', () => {
  it('tells whoever scheduled the issue and its authors when the job publishes it', async () => {
    const { issue, publishAt } = await scheduledIssue();
    await publishDueIssues(new Date(publishAt.getTime() + 1000));
    expect(await kindsFor(approver.id, { issueId: issue.id })).toEqual(['ISSUE_PUBLISHED']);
    expect(await kindsFor(editor.id, { issueId: issue.id })).toEqual(['ISSUE_PUBLISHED']);
    expect(await kindsFor(admin.id, { issueId: issue.id })).toEqual([]);
    const [item] = (await listNotifications(editor)).items.filter((n) => n.href === `/quan-tri/ban-tin/${issue.id}`);
    expect(item?.text).toBe(`Số ${String(issue.number).padStart(2, '0')}/2040 đã được xuất bản theo lịch`);
  });

  it('tells every approver once when a due issue cannot be published, however often the job retries', async () => {
    const { issue, publishAt } = await scheduledIssue();
    // A real failure inside the publishing transaction: the database refuses this issue's update.
    await getDb().$executeRawUnsafe(`
      CREATE FUNCTION test_refuse_issue() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'ổ đĩa đầy'; END $$`);
    await getDb().$executeRawUnsafe(
      `CREATE TRIGGER test_refuse_issue BEFORE UPDATE ON "Issue" FOR EACH ROW WHEN (OLD.id = ${issue.id}) EXECUTE FUNCTION test_refuse_issue()`,
    );
    try {
      const due = new Date(publishAt.getTime() + 1000);
      expect(await publishDueIssues(due)).toEqual([]);
      expect(await publishDueIssues(due)).toEqual([]);
    } finally {
      await getDb().$executeRawUnsafe(`DROP TRIGGER test_refuse_issue ON "Issue"`);
    }
    expect(await kindsFor(approver.id, { issueId: issue.id })).toEqual(['PUBLISH_FAILED']);
    expect(await kindsFor(admin.id, { issueId: issue.id })).toEqual(['PUBLISH_FAILED']);
    expect(await kindsFor(editor.id, { issueId: issue.id })).toEqual([]);
    const row = await getDb().notification.findFirstOrThrow({ where: { recipientId: approver.id, issueId: issue.id } });
    expect(row.excerpt).toContain('ổ đĩa đầy');
  });

  it('skips a deactivated approver', async () => {
    const user = await createUser({ role: 'APPROVER' });
    await setActive(admin, { userId: user.id, isActive: false });
    const article = await createArticle(editor, { title: `Bài người nghỉ ${Date.now()}`, body: doc, tags: [] });
    await submitArticle(editor, article.id, { expectedVersion: 1 });
    expect(await kindsFor(user.id, { articleId: article.id })).toEqual([]);
  });
});
