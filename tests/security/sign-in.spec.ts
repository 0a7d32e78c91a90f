import { expect, test } from '@playwright/test';
import { Client, createAccount, sql } from './support/client';

// Issue 12: the per-address limit trusted a header the client chooses, six anonymous wrong
// passwords locked any account, and a flood added two rows per request.

const WRONG = 'SaiMatKhau@2025';
const countRows = async (table: string) => Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`))[0]!.n);

test('rotating X-Forwarded-For does not escape the per-address limit', async () => {
  const attacker = new Client();
  const answers = [];
  for (let i = 0; i < 40; i += 1) {
    const email = await createAccount();
    answers.push(await attacker.signIn(email, WRONG, { 'x-forwarded-for': `203.0.113.${i}`, 'x-real-ip': `198.51.100.${i}` }));
  }
  // Past the address's allowance (20 failures) only the backoff's few slots are checked,
  // although every sign-in claimed a new address.
  expect(answers.slice(0, 20).every((answer) => answer.error === 'CredentialsSignin')).toBe(true);
  expect(answers.filter((answer) => answer.error === 'Throttled').length).toBeGreaterThanOrEqual(10);
  const stored = await sql<{ ipAddress: string }>(`SELECT DISTINCT "ipAddress" FROM "LoginAttempt" WHERE "ipAddress" = $1`, [
    attacker.from,
  ]);
  expect(stored).toEqual([{ ipAddress: attacker.from }]);
  expect(await sql(`SELECT 1 FROM "LoginAttempt" WHERE "ipAddress" LIKE '203.0.113.%' OR "ipAddress" LIKE '198.51.100.%'`)).toEqual([]);
});

test("a trusted proxy's X-Forwarded-For hop is believed, an untrusted one is not", async () => {
  const email = await createAccount();
  // The server under test trusts 127.0.0.2 (scripts/test.ts): it plays the reverse proxy.
  await new Client('127.0.0.2').signIn(email, WRONG, { 'x-forwarded-for': '6.6.6.6, 192.0.2.77' });
  const rows = await sql<{ ipAddress: string }>(`SELECT "ipAddress" FROM "LoginAttempt" WHERE email = $1`, [email]);
  expect(rows).toEqual([{ ipAddress: '192.0.2.77' }]);
  const audit = await sql<{ data: { ipAddress: string } }>(`SELECT data FROM "AuditEvent" WHERE "entityId" = $1`, [email]);
  expect(audit.map((event) => event.data.ipAddress)).toEqual(['192.0.2.77']);
});

test('anonymous wrong passwords cannot lock an account: the owner signs in from elsewhere', async () => {
  const email = await createAccount('ADMIN');
  const attacker = new Client();
  const errors = [];
  for (let i = 0; i < 12; i += 1) errors.push((await attacker.signIn(email, `${WRONG}-${i}`)).error);
  expect(errors).toContain('Throttled');
  const owner = await new Client().signIn(email);
  expect(owner).toEqual({ ok: true, error: null });
});

test('a flood of sign-ins from one address adds at most a handful of rows', async () => {
  const email = await createAccount();
  const attacker = new Client();
  const [attemptsBefore, auditBefore] = [await countRows('LoginAttempt'), await countRows('AuditEvent')];
  const csrf = JSON.parse((await attacker.send('GET', '/api/auth/csrf')).text) as { csrfToken: string };
  const body = new URLSearchParams({ email, password: WRONG, csrfToken: csrf.csrfToken, json: 'true' }).toString();
  const post = () =>
    attacker.send('POST', '/api/auth/callback/credentials', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  // The first alone, so the burst's audit event exists before the waves arrive.
  expect((await post()).status).toBe(401);
  for (let wave = 0; wave < 10; wave += 1) {
    const answers = await Promise.all(Array.from({ length: 20 }, post));
    expect(answers.every((answer) => answer.status < 500)).toBe(true);
  }
  // 201 requests: the account's 5 free failures plus the few backoff slots, one audit burst.
  expect((await countRows('LoginAttempt')) - attemptsBefore).toBeLessThanOrEqual(12);
  expect((await countRows('AuditEvent')) - auditBefore).toBe(1);
  const [burst] = await sql<{ data: { failures: number; throttled: number } }>(`SELECT data FROM "AuditEvent" WHERE "entityId" = $1`, [
    email,
  ]);
  expect(burst!.data.failures + burst!.data.throttled).toBe(201);
});

test('a deactivated account is told so only after its correct password; unknown and wrong answer alike', async () => {
  const email = await createAccount('EDITOR', false);
  const client = new Client();
  expect(await client.signIn(email, WRONG)).toEqual({ ok: false, error: 'CredentialsSignin' });
  expect(await client.signIn('khong-ai-ca@test.local', WRONG)).toEqual({ ok: false, error: 'CredentialsSignin' });
  expect(await client.signIn(email)).toEqual({ ok: false, error: 'Inactive' });
});
