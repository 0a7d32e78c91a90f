import 'server-only';
import { recordAudit } from '../audit';
import { getDb } from '../db/client';

// The sign-in audit trail: every success, and for failures one event per burst (an account
// tried from one address with no pause of BURST_GAP_MS), kept up to date with its counts, so
// a thousand wrong passwords are one row that says a thousand.

const BURST_GAP_MS = 15 * 60 * 1000;
const FAILED = 'auth.signIn.failed' as const;

export type FailedAttempt = {
  email: string;
  address: string;
  userId: number | null;
  outcome: 'failed' | 'throttled';
  reason: 'unknown-email' | 'wrong-password' | 'throttled' | 'flood';
  now: Date;
};

/** Adds the attempt to its burst's event, or starts a new one. */
export async function auditFailedAttempt(attempt: FailedAttempt): Promise<void> {
  const { email, address, userId, outcome, reason, now } = attempt;
  const failed = outcome === 'failed' ? 1 : 0;
  const db = getDb();
  const gapStart = new Date(now.getTime() - BURST_GAP_MS).toISOString();
  const updated = await db.$executeRaw`
    UPDATE "AuditEvent"
    SET data = data || jsonb_build_object(
      'failures', (data->>'failures')::int + ${failed}::int,
      'throttled', (data->>'throttled')::int + ${1 - failed}::int,
      'lastReason', ${reason}::text,
      'lastAt', ${now.toISOString()}::text)
    WHERE id = (
      SELECT id FROM "AuditEvent"
      WHERE "entityType" = 'loginAttempt' AND "entityId" = ${email} AND action = ${FAILED} AND data->>'ipAddress' = ${address}
      ORDER BY id DESC LIMIT 1)
    AND data->>'lastAt' >= ${gapStart}`;
  if (updated > 0) return;
  await recordAudit(db, {
    actorId: userId,
    action: FAILED,
    entityType: 'loginAttempt',
    entityId: email,
    data: {
      email,
      ipAddress: address,
      failures: failed,
      throttled: 1 - failed,
      lastReason: reason,
      firstAt: now.toISOString(),
      lastAt: now.toISOString(),
    },
    createdAt: now,
  });
}

export async function auditSignIn(
  action: 'auth.signIn.succeeded' | 'auth.signIn.inactive',
  userId: number,
  email: string,
  address: string,
) {
  await recordAudit(getDb(), { actorId: userId, action, entityType: 'loginAttempt', entityId: email, data: { email, ipAddress: address } });
}
