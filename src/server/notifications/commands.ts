import 'server-only';
import { z } from 'zod';
import { getDb } from '../db/client';
import { NotFoundError } from '../errors';
import type { PermissionActor } from '../permissions';
import { parseInput } from '../validation';
import { describeNotification } from './messages';
import { kindsVisibleTo } from './notify';
import { idSchema } from '@/lib/route-params';

// Marking notifications read: only one's own, only those one may still see.

const markSchema = z.union([z.strictObject({ all: z.literal(true) }), z.strictObject({ ids: z.array(idSchema).min(1).max(100) })]);

export async function markNotificationsRead(actor: PermissionActor, input: unknown): Promise<number> {
  const request = parseInput(markSchema, input);
  const { count } = await getDb().notification.updateMany({
    where: {
      recipientId: actor.id,
      readAt: null,
      kind: { in: kindsVisibleTo(actor.role) },
      ...('ids' in request ? { id: { in: request.ids } } : {}),
    },
    data: { readAt: new Date() },
  });
  return count;
}

/** Marks one notification read and answers where it leads. */
export async function openNotification(actor: PermissionActor, id: number): Promise<string> {
  const db = getDb();
  const row = await db.notification.findFirst({
    where: { id, recipientId: actor.id, kind: { in: kindsVisibleTo(actor.role) } },
    include: { article: { select: { id: true, title: true } }, issue: { select: { id: true, number: true, year: true } } },
  });
  if (!row) throw new NotFoundError('Không tìm thấy thông báo này.');
  if (!row.readAt) await db.notification.update({ where: { id }, data: { readAt: new Date() } });
  return describeNotification({ kind: row.kind, actor: null, article: row.article, issue: row.issue, commentId: row.commentId }).href;
}
