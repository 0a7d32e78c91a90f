import { beforeAll, describe, expect, it } from 'vitest';
import { createArticle } from '@/server/articles/commands';
import { returnArticle, submitArticle } from '@/server/articles/workflow';
import type { Actor } from '@/server/auth/session';
import { addComment, setCommentResolved } from '@/server/comments/commands';
import { listComments } from '@/server/comments/queries';
import { getDb } from '@/server/db/client';
import { ValidationError } from '@/server/errors';
import { ForbiddenError } from '@/server/permissions';
import { actorFor, createUser } from '../../../factories/users';

// "Bình luận": a thread per article, mentions that notify, resolve/reopen by the right people,
// and returns that join the thread instead of overwriting each other.

let editor: Actor;
let approver: Actor;

const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nội dung.' }] }] };

beforeAll(async () => {
  editor = await actorFor('bientap@demo.local');
  approver = await actorFor('duyet@demo.local');
});

const draft = (title: string) => createArticle(editor, { title: `${title} ${Date.now()}`, body: doc, tags: [] });
const notificationsOf = (recipientId: number, articleId: number) =>
  getDb().notification.findMany({ where: { recipientId, articleId }, orderBy: { id: 'asc' }, select: { kind: true, excerpt: true } });

describe('comments', () => {
  it('keeps a thread with quotes, tells the author and the thread, and keeps HTML as text', async () => {
    const article = await draft('Bài có bình luận');
    await addComment(approver, article.id, { body: 'Số liệu này lấy ở đâu?', quote: '  Tỷ lệ hồ sơ trực tuyến đạt 85%.  ' });
    await addComment(editor, article.id, { body: '<script>alert(1)</script> Theo báo cáo quý III.' });
    const thread = await listComments(editor, article.id);
    expect(thread.map(({ author, body, quote, kind }) => ({ author, body, quote, kind }))).toEqual([
      { author: 'Trần Văn Duyệt', body: 'Số liệu này lấy ở đâu?', quote: 'Tỷ lệ hồ sơ trực tuyến đạt 85%.', kind: 'NOTE' },
      { author: 'Nguyễn Thị Biên Tập', body: '<script>alert(1)</script> Theo báo cáo quý III.', quote: null, kind: 'NOTE' },
    ]);
    // The author heard of the first comment; the approver, who wrote in the thread, of the reply.
    expect(await notificationsOf(editor.id, article.id)).toEqual([{ kind: 'COMMENTED', excerpt: 'Số liệu này lấy ở đâu?' }]);
    expect((await notificationsOf(approver.id, article.id)).map((n) => n.kind)).toEqual(['COMMENTED']);
    expect(await getDb().auditEvent.count({ where: { entityId: String(article.id), action: 'article.commented' } })).toBe(2);
  });

  it('refuses a 100,000-character comment with a message and stores nothing', async () => {
    const article = await draft('Bài bình luận quá dài');
    const refused = await addComment(editor, article.id, { body: 'a'.repeat(100_000) }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors).toEqual({ body: 'Bình luận tối đa 5000 ký tự.' });
    const empty = await addComment(editor, article.id, { body: ' \n ' }).catch((e: unknown) => e);
    expect((empty as ValidationError).fieldErrors).toEqual({ body: 'Cần nhập nội dung bình luận.' });
    expect(await getDb().articleComment.count({ where: { articleId: article.id } })).toBe(0);
  });

  it('notifies people mentioned by @name, and says who could not be told', async () => {
    const article = await draft('Bài nhắc tên');
    const gone = await createUser({ role: 'EDITOR', isActive: false });
    const posted = await addComment(editor, article.id, { body: `@Trần Văn Duyệt và @${gone.name} xem giúp đoạn này.` });
    expect(posted.inactiveMentions).toEqual([gone.name]);
    expect(await notificationsOf(approver.id, article.id)).toEqual([
      { kind: 'MENTIONED', excerpt: `@Trần Văn Duyệt và @${gone.name} xem giúp đoạn này.` },
    ]);
    expect(await getDb().notification.count({ where: { recipientId: gone.id } })).toBe(0);
    // Writing one's own name notifies nobody.
    await addComment(editor, article.id, { body: '@Nguyễn Thị Biên Tập ghi chú cho mình.' });
    expect(await getDb().notification.count({ where: { recipientId: editor.id, articleId: article.id } })).toBe(0);
  });

  it('is resolved or reopened by its writer, the article’s author or an approver, and nobody else', async () => {
    const article = await draft('Bài giải quyết bình luận');
    const other = await actorFor((await createUser({ role: 'EDITOR' })).email);
    const { comment } = await addComment(other, article.id, { body: 'Cần thêm ảnh.' });
    const stranger = await actorFor((await createUser({ role: 'EDITOR' })).email);
    expect(await setCommentResolved(stranger, comment.id, { resolved: true }).catch((e: unknown) => e)).toBeInstanceOf(ForbiddenError);
    await setCommentResolved(editor, comment.id, { resolved: true });
    expect((await listComments(stranger, article.id))[0]).toMatchObject({ resolvedBy: 'Nguyễn Thị Biên Tập', canResolve: false });
    await setCommentResolved(other, comment.id, { resolved: false });
    await setCommentResolved(approver, comment.id, { resolved: true });
    const actions = await getDb().auditEvent.findMany({
      where: { entityId: String(article.id), action: { in: ['article.commentResolved', 'article.commentReopened'] } },
      orderBy: { id: 'asc' },
    });
    expect(actions.map((event) => event.action)).toEqual(['article.commentResolved', 'article.commentReopened', 'article.commentResolved']);
  });
});

describe('returning an article', () => {
  it('needs a comment, which joins the thread; every return is kept and the author is told each time', async () => {
    const article = await draft('Bài trả lại hai lần');
    await submitArticle(editor, article.id, { expectedVersion: 1 });
    const bare = await returnArticle(approver, article.id, { expectedVersion: 1 }).catch((e: unknown) => e);
    expect((bare as ValidationError).fieldErrors).toEqual({ comment: 'Cần nhập lý do trả lại.' });
    await returnArticle(approver, article.id, { expectedVersion: 1, comment: 'Thiếu nguồn ảnh.' });
    await submitArticle(editor, article.id, { expectedVersion: 1 });
    await returnArticle(approver, article.id, { expectedVersion: 1, comment: 'Sapo còn dài.' });
    const thread = await listComments(editor, article.id);
    expect(thread.map(({ kind, body }) => [kind, body])).toEqual([
      ['RETURN', 'Thiếu nguồn ảnh.'],
      ['RETURN', 'Sapo còn dài.'],
    ]);
    expect((await getDb().article.findUniqueOrThrow({ where: { id: article.id } })).returnComment).toBe('Sapo còn dài.');
    expect((await notificationsOf(editor.id, article.id)).map((n) => n.kind)).toEqual(['RETURNED', 'RETURNED']);
  });
});
