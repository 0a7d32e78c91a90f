import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { z } from 'zod';
import type { Role } from '@/generated/prisma/enums';
import { getDb } from '../db/client';
import { AuthError } from '../errors';
import { authOptions } from './options';

export type Actor = { id: number; email: string; name: string; role: Role };

const tokenSchema = z.object({
  userId: z.number().int().positive(),
  sessionVersion: z.number().int().positive(),
});

/**
 * The signed-in user for a session token's claims, read fresh from the database: null unless
 * the user exists, is active and still has the session generation the token was issued for
 * (a password, role or active change bumps it and so ends every older session at once).
 */
export async function actorFromToken(token: unknown): Promise<Actor | null> {
  const parsed = tokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const user = await getDb().user.findUnique({
    where: { id: parsed.data.userId },
    select: { id: true, email: true, name: true, role: true, isActive: true, sessionVersion: true },
  });
  if (!user || !user.isActive || user.sessionVersion !== parsed.data.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** The current request's actor, or null; one database read per request. */
export const getActor = cache(async (): Promise<Actor | null> => actorFromToken(await getServerSession(authOptions)));

/** For server actions and route handlers: throws AuthError (401) when nobody is signed in. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AuthError();
  return actor;
}

/**
 * For pages under /quan-tri: sends a signed-out visitor to the sign-in page, back to
 * `path` afterwards. Every page calls it itself, because a shared layout is not rendered
 * again on client-side navigation.
 */
export async function requirePageActor(path: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/dang-nhap?callbackUrl=${encodeURIComponent(path)}`);
  return actor;
}
