import 'server-only';
import { z } from 'zod';
import { cleanText } from '@/lib/text';
import { getDb } from '../db/client';
import { hashPassword, verifyPassword } from './passwords';
import { auditFailedAttempt, auditSignIn } from './sign-in-audit';
import { checkThrottle, markSucceeded, releaseAttempt, reserveAttempt, throttleKey } from './throttle';

export type SignInResult =
  | { status: 'ok'; user: { id: number; sessionVersion: number } }
  | { status: 'invalid' }
  | { status: 'inactive' }
  | { status: 'throttled'; retryAfterSeconds: number };

const credentialsSchema = z.object({
  email: z.string().max(320),
  password: z.string().max(1024),
});

/** Trimmed, lowercased, without control characters (a NUL would not even fit in the database). */
export function normalizeEmail(email: string): string {
  return cleanText(email).toLowerCase();
}

// Unknown accounts still pay for one argon2 verification, so the answer time does not tell
// which emails exist. Hashed lazily with the same parameters as real hashes.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword('dummy password that matches no account');
  return dummyHash;
}

/**
 * Checks email and password under the throttling rules of ./throttle.ts. Unknown email and
 * wrong password answer the same; a deactivated account is told so only after its correct
 * password, so the answer reveals nothing to someone who does not know it.
 */
export async function authorize(credentials: unknown, context: { ipAddress: string; now?: Date }): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return { status: 'invalid' };
  const email = normalizeEmail(parsed.data.email);
  const address = context.ipAddress.slice(0, 100);
  const key = throttleKey(address);
  const now = context.now ?? new Date();

  const reservation = await reserveAttempt(email, key, now);
  if (reservation.kind === 'overflow') {
    // Beyond the global cap: one summary for the whole flood, not one per account.
    await auditFailedAttempt({ email: '*', address: '*', userId: null, outcome: 'throttled', reason: 'flood', now });
    return { status: 'throttled', retryAfterSeconds: 60 };
  }
  const verdict = await checkThrottle(email, key, reservation.id, now);
  if (verdict.throttled) {
    await releaseAttempt(reservation);
    await auditFailedAttempt({ email, address, userId: null, outcome: 'throttled', reason: 'throttled', now });
    return { status: 'throttled', retryAfterSeconds: Math.ceil(verdict.retryAfterMs / 1000) };
  }

  const user = await getDb().user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, isActive: true, sessionVersion: true },
  });
  const isMatch = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), parsed.data.password);
  if (!user || !isMatch) {
    const reason = user ? 'wrong-password' : 'unknown-email';
    await auditFailedAttempt({ email, address, userId: user?.id ?? null, outcome: 'failed', reason, now });
    return { status: 'invalid' };
  }

  // The password was right: not a guess, whatever the account's state.
  await markSucceeded(reservation);
  if (!user.isActive) {
    await auditSignIn('auth.signIn.inactive', user.id, email, address);
    return { status: 'inactive' };
  }
  await auditSignIn('auth.signIn.succeeded', user.id, email, address);
  return { status: 'ok', user: { id: user.id, sessionVersion: user.sessionVersion } };
}
