import { expect, test } from '@playwright/test';
import { encode } from 'next-auth/jwt';
import { Client, sql } from './support/client';

// A session cookie is only as good as our server says: signed with our key, not expired, for an
// active user of the current session generation. Forged, tampered, expired or revoked cookies
// are signed out (the control case shows a good cookie does get in, so the test can fail).

const COOKIE = 'next-auth.session-token';
const secret = () => process.env.NEXTAUTH_SECRET ?? '';

async function editorClaims() {
  const [row] = await sql<{ id: number; sessionVersion: number }>(
    `SELECT id, "sessionVersion" FROM "User" WHERE email = 'bientap@demo.local'`,
  );
  return { userId: row!.id, sessionVersion: row!.sessionVersion };
}

async function dashboardWith(token: string) {
  return new Client().send('GET', '/quan-tri', { headers: { cookie: `${COOKIE}=${token}` } });
}

const isSignedOut = (answer: { status: number; headers: Record<string, unknown> }) =>
  answer.status === 307 && String(answer.headers.location ?? '').includes('/dang-nhap');

test('a session cookie signed with our key gets in (control)', async () => {
  const answer = await dashboardWith(await encode({ token: await editorClaims(), secret: secret() }));
  expect(answer.status).toBe(200);
});

test('tampered, foreign-key, expired and revoked session cookies are signed out', async () => {
  const claims = await editorClaims();
  const good = await encode({ token: claims, secret: secret() });
  const tampered = `${good.slice(0, -4)}${good.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
  const foreign = await encode({ token: claims, secret: 'another secret of at least thirty-two chars' });
  const expired = await encode({ token: claims, secret: secret(), maxAge: -60 });
  const revoked = await encode({ token: { ...claims, sessionVersion: claims.sessionVersion - 1 || 999 }, secret: secret() });
  for (const token of [tampered, foreign, expired, revoked]) expect(isSignedOut(await dashboardWith(token))).toBe(true);
});
