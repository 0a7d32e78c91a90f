import 'server-only';
import { isIP } from 'node:net';
import { getDb } from '../db/client';

// Sign-in throttling that slows guessing without letting anyone lock an account (decision
// 013). Three counters of failed attempts, each with a free allowance and then an exponential
// wait after its last failure: the account from this address; the address, whatever the
// account (spraying); the account from every address (guessing from many addresses), which
// does not slow an address the account recently signed in from. A throttled attempt is not kept, so hammering never extends a wait,
// and a correct password from another address is never slowed by one address's failures.

export const SIGN_IN_WINDOW_MS = 60 * 60 * 1000;
/** Failures allowed before the waits start, per counter. */
export const FREE_FAILURES = { pair: 5, address: 20, account: 50 } as const;
export const FIRST_WAIT_MS = 1000;
export const MAX_WAIT_MS = 15 * 60 * 1000;
/** Attempts recorded one row each per minute, all accounts together; beyond it, aggregated. */
export const RECORDED_PER_MINUTE = 300;
/** An address the account signed in from within this long is known: not slowed by the account-wide counter. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60 * 1000;
const FAILURE_RETENTION_MS = 24 * 60 * 60 * 1000;
/** Where attempts beyond the global cap are counted (an address never looks like this). */
const OVERFLOW_KEY = '*';

export type Reservation = { kind: 'row'; id: number } | { kind: 'overflow' };
export type Verdict = { throttled: false } | { throttled: true; retryAfterMs: number };

/** The address as a counter key: IPv6 clients get a whole /64, so rotating inside it is no escape. */
export function throttleKey(address: string): string {
  if (isIP(address) !== 6) return address.slice(0, 100);
  const groups = expandIpv6(address).slice(0, 4);
  return `${groups.join(':')}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = address.includes('::') ? 8 - left.length - right.length : 0;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}

/** The wait a counter imposes after `rank` failures (this attempt included). */
export function waitAfter(rank: number, free: number): number {
  if (rank <= free) return 0;
  return Math.min(FIRST_WAIT_MS * 2 ** (rank - free - 1), MAX_WAIT_MS);
}

async function isKnownAddress(email: string, key: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - KNOWN_ADDRESS_MS);
  const known = await getDb().loginAttempt.findFirst({
    where: { email, ipAddress: key, isSuccess: true, createdAt: { gte: since, lte: now } },
    select: { id: true },
  });
  return known !== null;
}

/**
 * Records the attempt as a failure before anything is checked, so parallel attempts count
 * each other. Beyond the global cap (a flood from many addresses), only addresses known to
 * the account get their own row; the rest are counted in the minute's aggregate row and
 * refused, so a flood adds one row a minute, not one per request.
 */
export async function reserveAttempt(email: string, key: string, now: Date): Promise<Reservation> {
  const db = getDb();
  const minuteAgo = new Date(now.getTime() - 60_000);
  const recent = await db.loginAttempt.count({ where: { createdAt: { gt: minuteAgo, lte: now }, NOT: { ipAddress: OVERFLOW_KEY } } });
  if (recent < RECORDED_PER_MINUTE || (await isKnownAddress(email, key, now))) {
    const row = await db.loginAttempt.create({ data: { email, ipAddress: key, isSuccess: false, createdAt: now }, select: { id: true } });
    return { kind: 'row', id: row.id };
  }
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const updated = await db.loginAttempt.updateMany({
    where: { ipAddress: OVERFLOW_KEY, createdAt: minute },
    data: { attempts: { increment: 1 } },
  });
  if (updated.count === 0) {
    await db.loginAttempt.create({ data: { email: OVERFLOW_KEY, ipAddress: OVERFLOW_KEY, isSuccess: false, createdAt: minute } });
  }
  return { kind: 'overflow' };
}

type Counters = {
  pair_rank: bigint;
  pair_last: Date | null;
  address_rank: bigint;
  address_last: Date | null;
  account_rank: bigint;
  account_last: Date | null;
};

/**
 * Whether the reserved attempt must wait. Each counter ranks the attempt among the failures
 * recorded before it (by id, so two parallel attempts never both see themselves first) and
 * times its wait from the failure just before it.
 */
export async function checkThrottle(email: string, key: string, attemptId: number, now: Date): Promise<Verdict> {
  const db = getDb();
  const windowStart = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, isSuccess: true, createdAt: { gte: windowStart } },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  const accountSince = lastSuccess?.createdAt ?? windowStart;
  const [counters] = await db.$queryRaw<Counters[]>`
    SELECT
      count(*) FILTER (WHERE email = ${email} AND "ipAddress" = ${key} AND id <= ${attemptId} AND "createdAt" > ${accountSince}) AS pair_rank,
      max("createdAt") FILTER (WHERE email = ${email} AND "ipAddress" = ${key} AND id < ${attemptId} AND "createdAt" > ${accountSince}) AS pair_last,
      count(*) FILTER (WHERE "ipAddress" = ${key} AND id <= ${attemptId}) AS address_rank,
      max("createdAt") FILTER (WHERE "ipAddress" = ${key} AND id < ${attemptId}) AS address_last,
      count(*) FILTER (WHERE email = ${email} AND id <= ${attemptId} AND "createdAt" > ${accountSince}) AS account_rank,
      max("createdAt") FILTER (WHERE email = ${email} AND id < ${attemptId} AND "createdAt" > ${accountSince}) AS account_last
    FROM "LoginAttempt"
    WHERE "isSuccess" = false AND "createdAt" >= ${windowStart} AND (email = ${email} OR "ipAddress" = ${key})`;
  const isKnown = await isKnownAddress(email, key, now);
  const checks: [bigint, Date | null, number][] = [
    [counters!.pair_rank, counters!.pair_last, FREE_FAILURES.pair],
    [counters!.address_rank, counters!.address_last, FREE_FAILURES.address],
    ...(isKnown ? [] : [[counters!.account_rank, counters!.account_last, FREE_FAILURES.account] as [bigint, Date | null, number]]),
  ];
  let retryAfterMs = 0;
  for (const [rank, last, free] of checks) {
    const wait = waitAfter(Number(rank), free);
    if (wait === 0) continue;
    // No earlier failure yet means the ones before it are still being checked: wait too.
    const readyAt = (last?.getTime() ?? now.getTime()) + wait;
    retryAfterMs = Math.max(retryAfterMs, readyAt - now.getTime());
  }
  return retryAfterMs > 0 ? { throttled: true, retryAfterMs } : { throttled: false };
}

/** A throttled attempt is forgotten: only checked attempts count, so waiting is enough. */
export async function releaseAttempt(reservation: Reservation): Promise<void> {
  if (reservation.kind === 'row') await getDb().loginAttempt.delete({ where: { id: reservation.id } });
}

export async function markSucceeded(reservation: { id: number }): Promise<void> {
  await getDb().loginAttempt.update({ where: { id: reservation.id }, data: { isSuccess: true } });
}

/**
 * Run by the job runner: failures (and aggregates) are needed for a day at most, successes
 * for as long as they make an address known to an account.
 */
export async function purgeLoginAttempts(now = new Date()): Promise<number> {
  const { count } = await getDb().loginAttempt.deleteMany({
    where: {
      OR: [
        { isSuccess: false, createdAt: { lt: new Date(now.getTime() - FAILURE_RETENTION_MS) } },
        { isSuccess: true, createdAt: { lt: new Date(now.getTime() - KNOWN_ADDRESS_MS) } },
      ],
    },
  });
  return count;
}
