import 'server-only';
import { recordAudit } from '../audit';
import { getDb } from '../db/client';
import { NotFoundError } from '../errors';
import { assertCan, can, ForbiddenError, type PermissionActor } from '../permissions';
import { parseInput } from '../validation';
import { postComment, type PostedComment } from './thread';
import { addCommentSchema, resolveCommentSchema } from '@/schemas/comment';

// "Bình luận": anyone signed in writes in an article's thread; a comment is resolved or
// reopened by its writer, the article's author, or an approver.

export async function addComment(actor: PermissionActor, articleId: number, input: unknown): Promise<PostedComment> {
  assertCan(actor, 'article.comment');
  const { body, quote } = parseInput(addCommentSchema, input);
  return getDb().$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { id: true, authorId: true } });
    if (!article) throw new NotFoundError('Không tìm thấy bài viết.');
    const posted = await postComment(tx, actor, article, { kind: 'NOTE', body, quote });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'article.commented',
      entityType: 'article',
      entityId: articleId,
      data: { commentId: posted.comment.id },
    });
    return posted;
  });
}

/** Who may resolve or reopen a comment. */
export function canResolveComment(actor: PermissionActor, comment: { authorId: number | null }, article: { authorId: number }): boolean {
  return can(actor, 'comment.moderate') || comment.authorId === actor.id || article.authorId === actor.id;
}

export async function setCommentResolved(actor: PermissionActor, commentId: number, input: unknown): Promise<{ articleId: number }> {
  assertCan(actor, 'article.comment');
  const { resolved } = parseInput(resolveCommentSchema, input);
  return getDb().$transaction(async (tx) => {
    const comment = await tx.articleComment.findUnique({
      where: { id: commentId },
      select: { id: true, authorId: true, articleId: true, resolvedAt: true, article: { select: { authorId: true } } },
    });
    if (!comment) throw new NotFoundError('Không tìm thấy bình luận.');
    if (!canResolveComment(actor, comment, comment.article)) throw new ForbiddenError('comment.moderate');
    // Already in the asked state: nothing to change or record (a double click).
    if ((comment.resolvedAt !== null) === resolved) return { articleId: comment.articleId };
    await tx.articleComment.update({
      where: { id: commentId },
      data: resolved ? { resolvedAt: new Date(), resolvedById: actor.id } : { resolvedAt: null, resolvedById: null },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: resolved ? 'article.commentResolved' : 'article.commentReopened',
      entityType: 'article',
      entityId: comment.articleId,
      data: { commentId },
    });
    return { articleId: comment.articleId };
  });
}
