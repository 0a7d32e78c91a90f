import 'server-only';
import type { Transaction } from '../db/client';
import { notify } from '../notifications/notify';
import type { PermissionActor } from '../permissions';
import { mentionedIn } from '@/schemas/comment';
import type { ArticleComment } from '@/generated/prisma/client';
import type { CommentKind } from '@/generated/prisma/enums';

// Posting into an article's thread, inside the caller's transaction: a comment, a return or an
// unpublish reason. Who hears of it: for a return, the author (RETURNED); people mentioned by
// "@Tên" (MENTIONED); for anything else, also the author and everyone who wrote in the thread
// (COMMENTED). Each person once, the writer never.

export type PostedComment = {
  comment: ArticleComment;
  /** Names mentioned whose accounts are deactivated: nobody was told. */
  inactiveMentions: string[];
};

export async function postComment(
  tx: Transaction,
  actor: PermissionActor,
  article: { id: number; authorId: number },
  fields: { kind: CommentKind; body: string; quote: string | null },
): Promise<PostedComment> {
  const comment = await tx.articleComment.create({
    data: { articleId: article.id, authorId: actor.id, kind: fields.kind, body: fields.body, quote: fields.quote },
  });
  const people = fields.body.includes('@')
    ? await tx.user.findMany({ select: { id: true, name: true, isActive: true }, orderBy: { id: 'asc' } })
    : [];
  const mentioned = mentionedIn(fields.body, people).filter((person) => person.id !== actor.id);
  const told = new Set<number>([actor.id]);
  const about = { actorId: actor.id, articleId: article.id, commentId: comment.id, excerpt: fields.body };

  if (fields.kind === 'RETURN') {
    // The author hears of a return as such, even when also mentioned.
    await notify(tx, [article.authorId], { kind: 'RETURNED', ...about });
    told.add(article.authorId);
  }
  const activeMentioned = mentioned.filter((person) => person.isActive && !told.has(person.id)).map((person) => person.id);
  await notify(tx, activeMentioned, { kind: 'MENTIONED', ...about });
  mentioned.forEach((person) => told.add(person.id));

  if (fields.kind !== 'RETURN') {
    const writers = await tx.articleComment.findMany({
      where: { articleId: article.id, authorId: { not: null } },
      distinct: ['authorId'],
      select: { authorId: true },
    });
    const participants = [article.authorId, ...writers.map((writer) => writer.authorId!)].filter((id) => !told.has(id));
    await notify(tx, participants, { kind: 'COMMENTED', ...about });
  }
  return { comment, inactiveMentions: mentioned.filter((person) => !person.isActive).map((person) => person.name) };
}
