import 'server-only';
import { getDb } from '../db/client';
import type { Actor } from '../auth/session';
import { describeNotification } from './messages';
import { kindsVisibleTo } from './notify';
import type { Prisma } from '@/generated/prisma/client';

// The bell's count and the list ("Thông báo"): only what the person may see now.

export const NOTIFICATION_PAGE_SIZE = 30;

export type NotificationItem = { id: number; text: string; href: string; excerpt: string | null; createdAt: Date; isRead: boolean };

const visibleTo = (actor: Pick<Actor, 'id' | 'role'>): Prisma.NotificationWhereInput => ({
  recipientId: actor.id,
  kind: { in: kindsVisibleTo(actor.role) },
});

export function countUnread(actor: Pick<Actor, 'id' | 'role'>): Promise<number> {
  return getDb().notification.count({ where: { ...visibleTo(actor), readAt: null } });
}

export async function listNotifications(
  actor: Pick<Actor, 'id' | 'role'>,
  page = 1,
): Promise<{ items: NotificationItem[]; page: number; pageCount: number; unread: number }> {
  const db = getDb();
  const where = visibleTo(actor);
  const [total, unread] = await Promise.all([db.notification.count({ where }), countUnread(actor)]);
  const pageCount = Math.max(1, Math.ceil(total / NOTIFICATION_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db.notification.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (current - 1) * NOTIFICATION_PAGE_SIZE,
    take: NOTIFICATION_PAGE_SIZE,
    include: {
      actor: { select: { name: true } },
      article: { select: { id: true, title: true } },
      issue: { select: { id: true, number: true, year: true } },
    },
  });
  const items = rows.map((row) => ({
    id: row.id,
    ...describeNotification({
      kind: row.kind,
      actor: row.actor?.name ?? null,
      article: row.article,
      issue: row.issue,
      commentId: row.commentId,
    }),
    excerpt: row.excerpt,
    createdAt: row.createdAt,
    isRead: row.readAt !== null,
  }));
  return { items, page: current, pageCount, unread };
}
