import 'server-only';
import type { Role } from '@/generated/prisma/enums';
import { getDb } from '../db/client';
import type { Actor } from '../auth/session';
import { assertCan } from '../permissions';

export type UserListItem = { id: number; email: string; name: string; role: Role; isActive: boolean; createdAt: Date };

/** Every account, active ones first, for the admins' users page. */
export async function listUsers(actor: Actor | null): Promise<UserListItem[]> {
  assertCan(actor, 'user.manage');
  return getDb().user.findMany({
    select: { id: true, email: true, name: true, role: true, isActive: true, createdAt: true },
    orderBy: [{ isActive: 'desc' }, { name: 'asc' }, { id: 'asc' }],
  });
}
