import 'server-only';
import { getDb } from '../db/client';
import type { PermissionActor } from '../permissions';
import { canResolveComment } from './commands';
import type { Colleague, CommentView } from '@/schemas/comment';

/** An article's thread, oldest first, as the viewer may act on it. */
export async function listComments(actor: PermissionActor, articleId: number): Promise<CommentView[]> {
  const db = getDb();
  const [article, rows] = await Promise.all([
    db.article.findUnique({ where: { id: articleId }, select: { authorId: true } }),
    db.articleComment.findMany({
      where: { articleId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      include: { author: { select: { name: true } }, resolvedBy: { select: { name: true } } },
    }),
  ]);
  if (!article) return [];
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    author: row.author?.name ?? null,
    body: row.body,
    quote: row.quote,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedBy: row.resolvedBy?.name ?? null,
    canResolve: canResolveComment(actor, row, article),
  }));
}

/** The active colleagues one can mention ("@Tên"), by name. */
export async function listColleagues(): Promise<Colleague[]> {
  const people = await getDb().user.findMany({ where: { isActive: true }, orderBy: { name: 'asc' }, select: { id: true, name: true } });
  return people;
}
