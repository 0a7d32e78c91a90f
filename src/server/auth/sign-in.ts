import 'server-only';
import { z } from 'zod';
import { getDb } from '../db/client';
import { hashPassword, verifyPassword } from './passwords';

// Throttling lives in PostgreSQL (LoginAttempt), so it holds across restarts and app servers.
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Failed attempts allowed per account (email) in the window; a success resets the count. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failed attempts allowed per address in the window, whatever the account. */
export const MAX_FAILURES_PER_ADDRESS = 20;

export type SignInResult = { status: 'ok'; user: { id: number; sessionVersion: number } } | { status: 'invalid' } | { status: 'throttled' };

const credentialsSchema = z.object({
  email: z.string().max(320),
  password: z.string().max(1024),
});

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Unknown and deactivated accounts still pay for one argon2 verification, so the answer time
// does not tell which emails exist. Hashed lazily with the same parameters as real hashes.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword('dummy password that matches no account');
  return dummyHash;
}

/**
 * Checks email and password. Every attempt is recorded first as a failure and only then
 * counted, so parallel attempts cannot slip past the limit; a correct password turns the
 * record into a success. Throttled attempts count too: the lock lasts until the window has
 * been quiet. Unknown email, wrong password and deactivated account answer the same.
 */
export async function authorize(credentials: unknown, context: { ipAddress: string; now?: Date }): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return { status: 'invalid' };
  const email = normalizeEmail(parsed.data.email);
  const ipAddress = context.ipAddress.slice(0, 100);
  const now = context.now ?? new Date();
  const db = getDb();

  const attempt = await db.loginAttempt.create({ data: { email, ipAddress, isSuccess: false, createdAt: now } });
  const audit = (action: string, actorId: number | null, data: Record<string, string> = {}) =>
    db.auditEvent.create({
      data: { actorId, action, entityType: 'LoginAttempt', entityId: String(attempt.id), data: { email, ipAddress, ...data } },
    });

  if (await isThrottled(email, ipAddress, now)) {
    await audit('auth.signIn.throttled', null);
    return { status: 'throttled' };
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, isActive: true, sessionVersion: true },
  });
  const usable = user?.isActive ? user : null;
  const isMatch = await verifyPassword(usable?.passwordHash ?? (await getDummyHash()), parsed.data.password);
  if (!usable || !isMatch) {
    const reason = !user ? 'unknown-email' : !user.isActive ? 'inactive' : 'wrong-password';
    await audit('auth.signIn.failed', user?.id ?? null, { reason });
    return { status: 'invalid' };
  }

  await db.$transaction([
    db.loginAttempt.update({ where: { id: attempt.id }, data: { isSuccess: true } }),
    db.auditEvent.create({
      data: {
        actorId: usable.id,
        action: 'auth.signIn.succeeded',
        entityType: 'LoginAttempt',
        entityId: String(attempt.id),
        data: { email, ipAddress },
      },
    }),
  ]);
  return { status: 'ok', user: { id: usable.id, sessionVersion: usable.sessionVersion } };
}

async function isThrottled(email: string, ipAddress: string, now: Date): Promise<boolean> {
  const db = getDb();
  const windowStart = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, isSuccess: true, createdAt: { gte: windowStart } },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  // The counts include the attempt being made, hence "more than" the allowance.
  const [accountFailures, addressFailures] = await Promise.all([
    db.loginAttempt.count({
      where: { email, isSuccess: false, createdAt: lastSuccess ? { gt: lastSuccess.createdAt } : { gte: windowStart } },
    }),
    db.loginAttempt.count({ where: { ipAddress, isSuccess: false, createdAt: { gte: windowStart } } }),
  ]);
  return accountFailures > MAX_FAILURES_PER_ACCOUNT || addressFailures > MAX_FAILURES_PER_ADDRESS;
}

/**
 * The client's address as the nearest proxy saw it: the last X-Forwarded-For entry (`next
 * start` fills the header from the socket when no proxy set it). Without a proxy in front
 * a client can choose this value, so the per-account limit is the one that always holds.
 */
export function clientAddress(forwardedFor: string | string[] | undefined): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const last = header
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .pop();
  return last ?? 'không rõ';
}
