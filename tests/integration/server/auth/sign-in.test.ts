import { describe, expect, it } from 'vitest';
import { authorize } from '@/server/auth/sign-in';
import { FIRST_WAIT_MS, FREE_FAILURES, RECORDED_PER_MINUTE, purgeLoginAttempts } from '@/server/auth/throttle';
import { getDb } from '@/server/db/client';
import { createUser, DEMO_PASSWORD } from '../../../factories/users';

let addressCounter = 0;
/** Each test signs in from its own addresses, so only its own attempts count. */
function newAddress(): string {
  addressCounter += 1;
  return `198.51.${Math.floor(addressCounter / 250)}.${addressCounter % 250}`;
}

async function auditEvents(email: string) {
  return getDb().auditEvent.findMany({ where: { entityType: 'loginAttempt', entityId: email }, orderBy: { id: 'asc' } });
}

const wrong = (email: string, ipAddress: string, now?: Date) => authorize({ email, password: 'SaiMatKhau@2025' }, { ipAddress, now });
const right = (email: string, ipAddress: string, now?: Date) => authorize({ email, password: DEMO_PASSWORD }, { ipAddress, now });

describe('authorize', () => {
  it('signs in a demo account and records the attempt and an audit event', async () => {
    const ipAddress = newAddress();
    const result = await right('bientap@demo.local', ipAddress);
    const user = await getDb().user.findUniqueOrThrow({ where: { email: 'bientap@demo.local' } });
    expect(result).toEqual({ status: 'ok', user: { id: user.id, sessionVersion: user.sessionVersion } });
    expect(await getDb().loginAttempt.findMany({ where: { ipAddress } })).toMatchObject([{ email: 'bientap@demo.local', isSuccess: true }]);
    expect((await auditEvents('bientap@demo.local')).at(-1)).toMatchObject({ action: 'auth.signIn.succeeded', actorId: user.id });
  });

  it('compares the email trimmed and lowercased, without control characters', async () => {
    expect((await authorize({ email: '  QuanTri@Demo.LOCAL\u0000 ', password: DEMO_PASSWORD }, { ipAddress: newAddress() })).status).toBe(
      'ok',
    );
  });

  it('gives the same answer for an unknown email and a wrong password, and audits both', async () => {
    const user = await createUser();
    const unknown = await right('khong-co-ai@demo.local', newAddress());
    expect(unknown).toEqual({ status: 'invalid' });
    expect(await wrong(user.email, newAddress())).toEqual(unknown);
    expect((await auditEvents('khong-co-ai@demo.local')).map((event) => event.data)).toMatchObject([
      { failures: 1, lastReason: 'unknown-email' },
    ]);
    expect((await auditEvents(user.email)).map((event) => event.data)).toMatchObject([{ failures: 1, lastReason: 'wrong-password' }]);
  });

  it('tells a deactivated account so only after its correct password', async () => {
    const user = await createUser({ isActive: false });
    expect(await wrong(user.email, newAddress())).toEqual({ status: 'invalid' });
    expect(await right(user.email, newAddress())).toEqual({ status: 'inactive' });
    expect((await auditEvents(user.email)).map((event) => event.action)).toEqual(['auth.signIn.failed', 'auth.signIn.inactive']);
  });

  it('refuses malformed credentials without touching an account', async () => {
    expect(await authorize(undefined, { ipAddress: newAddress() })).toEqual({ status: 'invalid' });
    expect(await authorize({ email: ['a'], password: 1 }, { ipAddress: newAddress() })).toEqual({ status: 'invalid' });
  });
});

describe('sign-in throttling', () => {
  it('slows one address on one account, while the right password from another address still works', async () => {
    const victim = await createUser();
    const attacker = newAddress();
    for (let i = 0; i < FREE_FAILURES.pair; i += 1) expect(await wrong(victim.email, attacker)).toEqual({ status: 'invalid' });
    expect(await right(victim.email, attacker)).toMatchObject({ status: 'throttled' });
    expect((await right(victim.email, newAddress())).status).toBe('ok');
  });

  it('waits exponentially instead of locking, and a throttled attempt does not extend the wait', async () => {
    const user = await createUser();
    const address = newAddress();
    const start = Date.now() + 24 * 3600_000;
    const at = (ms: number) => new Date(start + ms);
    for (let i = 0; i < FREE_FAILURES.pair; i += 1) await wrong(user.email, address, at(i));
    // The first failure past the allowance waits FIRST_WAIT_MS, the next twice that.
    expect(await wrong(user.email, address, at(FREE_FAILURES.pair))).toMatchObject({ status: 'throttled', retryAfterSeconds: 1 });
    expect(await wrong(user.email, address, at(FREE_FAILURES.pair + FIRST_WAIT_MS))).toEqual({ status: 'invalid' });
    const last = FREE_FAILURES.pair + FIRST_WAIT_MS;
    for (let i = 1; i < 50; i += 1) expect((await wrong(user.email, address, at(last + i))).status).toBe('throttled');
    expect((await right(user.email, address, at(last + 2 * FIRST_WAIT_MS))).status).toBe('ok');
  });

  it('keeps no row for a throttled attempt and sums a burst into one audit event', async () => {
    const user = await createUser();
    const address = newAddress();
    for (let i = 0; i < FREE_FAILURES.pair + 30; i += 1) await wrong(user.email, address);
    expect(await getDb().loginAttempt.count({ where: { email: user.email } })).toBeLessThanOrEqual(FREE_FAILURES.pair + 1);
    const events = await auditEvents(user.email);
    expect(events).toHaveLength(1);
    const data = events[0]!.data as { failures: number; throttled: number };
    expect(data.failures + data.throttled).toBe(FREE_FAILURES.pair + 30);
  });

  it(`slows an address after ${FREE_FAILURES.address} failures, whatever the account, and only that address`, async () => {
    const user = await createUser();
    const noisy = newAddress();
    for (let i = 0; i < FREE_FAILURES.address; i += 1) await wrong(`doan-${i}-${noisy}@demo.local`, noisy);
    expect((await right(user.email, noisy)).status).toBe('throttled');
    expect((await right(user.email, newAddress())).status).toBe('ok');
  });

  it('slows guessing one account from many addresses, but not from an address it signed in from', async () => {
    const user = await createUser();
    const home = newAddress();
    expect((await right(user.email, home)).status).toBe('ok');
    for (let i = 0; i < FREE_FAILURES.account; i += 1) await wrong(user.email, newAddress());
    expect((await right(user.email, newAddress())).status).toBe('throttled');
    expect((await right(user.email, home)).status).toBe('ok');
  });

  it('treats an IPv6 /64 as one address', async () => {
    const user = await createUser();
    for (let i = 1; i <= FREE_FAILURES.pair; i += 1) await wrong(user.email, `2001:db8:7:${addressCounter}::${i}`);
    expect((await right(user.email, `2001:db8:7:${addressCounter}:ffff::1`)).status).toBe('throttled');
  });

  it('lets no more than the allowance through when attempts arrive at once', async () => {
    const user = await createUser();
    const address = newAddress();
    const results = await Promise.all(Array.from({ length: 12 }, () => wrong(user.email, address)));
    expect(results.filter((result) => result.status === 'invalid').length).toBeLessThanOrEqual(FREE_FAILURES.pair);
  });

  it('beyond the global cap, counts new addresses in one aggregate row and lets known ones in', async () => {
    const user = await createUser();
    const home = newAddress();
    const now = new Date(Date.now() + 48 * 3600_000);
    expect((await right(user.email, home, now)).status).toBe('ok');
    await getDb().loginAttempt.createMany({
      data: Array.from({ length: RECORDED_PER_MINUTE }, (_, i) => ({
        email: `lu-${i}@demo.local`,
        ipAddress: `203.0.113.${i % 250}`,
        isSuccess: false,
        createdAt: now,
      })),
    });
    const before = await getDb().loginAttempt.count();
    for (let i = 0; i < 20; i += 1) expect((await wrong(`khac-${i}@demo.local`, newAddress(), now)).status).toBe('throttled');
    expect(await getDb().loginAttempt.count()).toBe(before + 1);
    expect(await getDb().loginAttempt.findFirst({ where: { ipAddress: '*' } })).toMatchObject({ attempts: 20 });
    expect((await right(user.email, home, now)).status).toBe('ok');
  });

  it('purges failures after a day and successes after 30 days', async () => {
    const now = new Date(Date.now() + 400 * 24 * 3600_000);
    const email = `cu-${addressCounter}@demo.local`;
    const day = 24 * 3600_000;
    await getDb().loginAttempt.createMany({
      data: [
        { email, ipAddress: '192.0.2.1', isSuccess: false, createdAt: new Date(now.getTime() - 2 * day) },
        { email, ipAddress: '192.0.2.1', isSuccess: false, createdAt: new Date(now.getTime() - 3600_000) },
        { email, ipAddress: '192.0.2.1', isSuccess: true, createdAt: new Date(now.getTime() - 10 * day) },
        { email, ipAddress: '192.0.2.1', isSuccess: true, createdAt: new Date(now.getTime() - 31 * day) },
      ],
    });
    await purgeLoginAttempts(now);
    const left = await getDb().loginAttempt.findMany({ where: { email }, orderBy: { createdAt: 'asc' } });
    expect(left.map((row) => row.isSuccess)).toEqual([true, false]);
  });
});
