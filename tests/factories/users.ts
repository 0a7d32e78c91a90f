// Accounts for tests, written straight to the test file's own database, and the actor a
// signed-in session of one would resolve to.
import { getDb } from '@/server/db/client';
import { hashPassword } from '@/server/auth/passwords';
import { actorFromToken, type Actor } from '@/server/auth/session';
import type { Role } from '@/generated/prisma/enums';

export const DEMO_PASSWORD = 'DemoCCHC@2025';

let counter = 0;
let passwordHash: Promise<string> | undefined;

/** A fresh account (password DEMO_PASSWORD) so a test's sign-in attempts count for it alone. */
export async function createUser(options: { role?: Role; isActive?: boolean } = {}) {
  counter += 1;
  passwordHash ??= hashPassword(DEMO_PASSWORD);
  return getDb().user.create({
    data: {
      email: `nguoi-thu-${counter}-${Date.now().toString(36)}@test.local`,
      name: `Người thử ${counter}`,
      role: options.role ?? 'EDITOR',
      isActive: options.isActive ?? true,
      passwordHash: await passwordHash,
    },
  });
}

/** The claims a session token of this user carries right now. */
export async function tokenFor(email: string): Promise<{ userId: number; sessionVersion: number }> {
  const user = await getDb().user.findUniqueOrThrow({ where: { email }, select: { id: true, sessionVersion: true } });
  return { userId: user.id, sessionVersion: user.sessionVersion };
}

export async function actorFor(email: string): Promise<Actor> {
  const actor = await actorFromToken(await tokenFor(email));
  if (!actor) throw new Error(`${email} has no valid session`);
  return actor;
}
