import 'server-only';
import { Prisma } from '@/generated/prisma/client';

/** A unique constraint of the database refused the write (Prisma's P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/**
 * Runs `work` (a whole transaction) again when a unique constraint refused it. Checks such as
 * "is this slug free?" see only committed rows, so two people creating the same title or tag at
 * the same moment both pass them; the constraint decides and the retry sees the winner's row.
 * Each round at least one of the racers commits, so `attempts` racers all succeed.
 */
export async function retryOnUniqueViolation<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isUniqueViolation(error)) throw error;
    }
  }
}
