import { describe, expect, it } from 'vitest';
import { authorize, clientAddress, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, SIGN_IN_WINDOW_MS } from '@/server/auth/sign-in';
import { getDb } from '@/server/db/client';
import { createUser, DEMO_PASSWORD } from '../../../factories/users';

let addressCounter = 0;
/** Each test signs in from its own address, so only its own attempts count. */
function newAddress(): string {
  addressCounter += 1;
  return `198.51.100.${addressCounter}`;
}

async function auditActions(email: string): Promise<string[]> {
  const events = await getDb().auditEvent.findMany({
    where: { entityType: 'LoginAttempt', data: { path: ['email'], equals: email } },
    orderBy: { id: 'asc' },
  });
  return events.map((event) => event.action);
}

describe('authorize', () => {
  it('signs in a demo account and records the attempt and an audit event', async () => {
    const ipAddress = newAddress();
    const result = await authorize({ email: 'bientap@demo.local', password: DEMO_PASSWORD }, { ipAddress });
    const user = await getDb().user.findUniqueOrThrow({ where: { email: 'bientap@demo.local' } });
    expect(result).toEqual({ status: 'ok', user: { id: user.id, sessionVersion: user.sessionVersion } });
    const attempts = await getDb().loginAttempt.findMany({ where: { ipAddress } });
    expect(attempts).toMatchObject([{ email: 'bientap@demo.local', isSuccess: true }]);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { entityType: 'LoginAttempt', entityId: String(attempts[0]!.id) } });
    expect(audit).toMatchObject({ action: 'auth.signIn.succeeded', actorId: user.id });
  });

  it('compares the email trimmed and lowercased', async () => {
    const result = await authorize({ email: '  QuanTri@Demo.LOCAL ', password: DEMO_PASSWORD }, { ipAddress: newAddress() });
    expect(result.status).toBe('ok');
  });

  it('gives the same answer for an unknown email and a wrong password, and audits both', async () => {
    const user = await createUser();
    const unknown = await authorize({ email: 'khong-co-ai@demo.local', password: DEMO_PASSWORD }, { ipAddress: newAddress() });
    const wrong = await authorize({ email: user.email, password: 'SaiMatKhau@2025' }, { ipAddress: newAddress() });
    expect(unknown).toEqual({ status: 'invalid' });
    expect(wrong).toEqual(unknown);
    expect(await auditActions('khong-co-ai@demo.local')).toEqual(['auth.signIn.failed']);
    expect(await auditActions(user.email)).toEqual(['auth.signIn.failed']);
  });

  it('refuses a deactivated account with the same answer, even with the right password', async () => {
    const user = await createUser({ isActive: false });
    expect(await authorize({ email: user.email, password: DEMO_PASSWORD }, { ipAddress: newAddress() })).toEqual({ status: 'invalid' });
  });

  it('refuses malformed credentials without touching an account', async () => {
    expect(await authorize(undefined, { ipAddress: newAddress() })).toEqual({ status: 'invalid' });
    expect(await authorize({ email: ['a'], password: 1 }, { ipAddress: newAddress() })).toEqual({ status: 'invalid' });
  });
});

describe('sign-in throttling', () => {
  it(`locks an account after ${MAX_FAILURES_PER_ACCOUNT} failures, even for the right password, and leaves others alone`, async () => {
    const victim = await createUser();
    const bystander = await createUser();
    // Spread over addresses, so only the per-account rule can be what stops it.
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i += 1) {
      expect(await authorize({ email: victim.email, password: `sai-${i}` }, { ipAddress: newAddress() })).toEqual({ status: 'invalid' });
    }
    expect(await authorize({ email: victim.email, password: DEMO_PASSWORD }, { ipAddress: newAddress() })).toEqual({ status: 'throttled' });
    expect((await authorize({ email: bystander.email, password: DEMO_PASSWORD }, { ipAddress: newAddress() })).status).toBe('ok');

    const actions = await auditActions(victim.email);
    expect(actions.filter((action) => action === 'auth.signIn.failed')).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(actions.at(-1)).toBe('auth.signIn.throttled');
    expect(await getDb().loginAttempt.count({ where: { email: victim.email } })).toBe(MAX_FAILURES_PER_ACCOUNT + 1);
  });

  it('lets the account in again once the window has been quiet', async () => {
    const user = await createUser();
    const start = new Date(Date.now() + 24 * 3600_000);
    for (let i = 0; i <= MAX_FAILURES_PER_ACCOUNT; i += 1) {
      await authorize({ email: user.email, password: 'sai' }, { ipAddress: newAddress(), now: start });
    }
    const stillLocked = new Date(start.getTime() + SIGN_IN_WINDOW_MS - 60_000);
    expect(await authorize({ email: user.email, password: DEMO_PASSWORD }, { ipAddress: newAddress(), now: stillLocked })).toEqual({
      status: 'throttled',
    });
    // The refused attempt counted too: quiet means a whole window after the last try.
    const later = new Date(stillLocked.getTime() + SIGN_IN_WINDOW_MS + 1000);
    expect((await authorize({ email: user.email, password: DEMO_PASSWORD }, { ipAddress: newAddress(), now: later })).status).toBe('ok');
  });

  it('starts counting afresh after a successful sign-in', async () => {
    const user = await createUser();
    const ipAddress = newAddress();
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i += 1) {
        await authorize({ email: user.email, password: 'sai' }, { ipAddress });
      }
      expect((await authorize({ email: user.email, password: DEMO_PASSWORD }, { ipAddress })).status).toBe('ok');
    }
  });

  it(`locks an address after ${MAX_FAILURES_PER_ADDRESS} failures, whatever the account, and only that address`, async () => {
    const user = await createUser();
    const noisy = newAddress();
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i += 1) {
      await authorize({ email: `doan-${i}@demo.local`, password: 'sai' }, { ipAddress: noisy });
    }
    expect(await authorize({ email: user.email, password: DEMO_PASSWORD }, { ipAddress: noisy })).toEqual({ status: 'throttled' });
    expect((await authorize({ email: user.email, password: DEMO_PASSWORD }, { ipAddress: newAddress() })).status).toBe('ok');
  });

  it('lets no more than the allowance through when attempts arrive at once', async () => {
    const user = await createUser();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => authorize({ email: user.email, password: `sai-${i}` }, { ipAddress: newAddress() })),
    );
    const checked = results.filter((result) => result.status === 'invalid').length;
    expect(checked).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    expect(results.filter((result) => result.status === 'throttled')).toHaveLength(12 - checked);
  });
});

describe('clientAddress', () => {
  it('takes the entry the nearest proxy added', () => {
    expect(clientAddress('203.0.113.9, 10.0.0.2')).toBe('10.0.0.2');
    expect(clientAddress('203.0.113.9')).toBe('203.0.113.9');
    expect(clientAddress(undefined)).toBe('không rõ');
  });
});
