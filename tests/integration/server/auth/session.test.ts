import { describe, expect, it } from 'vitest';
import { actorFromToken } from '@/server/auth/session';
import { authOptions, SESSION_MAX_AGE_SECONDS } from '@/server/auth/options';
import { authorize } from '@/server/auth/sign-in';
import { changeRole, resetPassword, setActive } from '@/server/users/commands';
import { actorFor, createUser, DEMO_PASSWORD, tokenFor } from '../../../factories/users';

async function signInToken(email: string) {
  const result = await authorize({ email, password: DEMO_PASSWORD }, { ipAddress: '192.0.2.10' });
  if (result.status !== 'ok') throw new Error(`sign-in failed: ${result.status}`);
  return { userId: result.user.id, sessionVersion: result.user.sessionVersion };
}

describe('actorFromToken', () => {
  it('turns a fresh sign-in into the actor read from the database', async () => {
    const token = await signInToken('duyet@demo.local');
    expect(await actorFromToken(token)).toEqual({
      id: token.userId,
      email: 'duyet@demo.local',
      name: 'Trần Văn Duyệt',
      role: 'APPROVER',
    });
  });

  it.each([
    null,
    undefined,
    {},
    { userId: '1', sessionVersion: 1 },
    { userId: 1 },
    { userId: -1, sessionVersion: 1 },
    { userId: 999_999, sessionVersion: 1 },
  ])('has no actor for the claims %j', async (token) => {
    expect(await actorFromToken(token)).toBeNull();
  });

  it("ends a deactivated user's session at once", async () => {
    const user = await createUser();
    const token = await signInToken(user.email);
    expect(await actorFromToken(token)).not.toBeNull();
    await setActive(await actorFor('quantri@demo.local'), { userId: user.id, isActive: false });
    expect(await actorFromToken(token)).toBeNull();
    // Reactivating does not revive the old token: the version moved on twice.
    await setActive(await actorFor('quantri@demo.local'), { userId: user.id, isActive: true });
    expect(await actorFromToken(token)).toBeNull();
  });

  it('ends every older session on a role change; a new sign-in carries the new role', async () => {
    const user = await createUser({ role: 'EDITOR' });
    const before = await signInToken(user.email);
    await changeRole(await actorFor('quantri@demo.local'), { userId: user.id, role: 'APPROVER' });
    expect(await actorFromToken(before)).toBeNull();
    const after = await signInToken(user.email);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect((await actorFromToken(after))?.role).toBe('APPROVER');
  });

  it('ends every older session on a password reset', async () => {
    const user = await createUser();
    const before = await tokenFor(user.email);
    await resetPassword(await actorFor('quantri@demo.local'), { userId: user.id, password: 'MatKhauMoi@2026' });
    expect(await actorFromToken(before)).toBeNull();
    expect((await authorize({ email: user.email, password: DEMO_PASSWORD }, { ipAddress: '192.0.2.11' })).status).toBe('invalid');
    expect((await authorize({ email: user.email, password: 'MatKhauMoi@2026' }, { ipAddress: '192.0.2.11' })).status).toBe('ok');
  });
});

describe('the session token', () => {
  it('carries only the user id and the session version', async () => {
    const jwt = authOptions.callbacks!.jwt!;
    const user = { id: '42', sessionVersion: 3, email: 'x@demo.local', name: 'X' };
    const atSignIn = await jwt({ token: { name: 'X', email: 'x@demo.local', sub: '42' }, user, account: null, trigger: 'signIn' });
    expect(atSignIn).toEqual({ userId: 42, sessionVersion: 3 });
    // Data a client sends with a session update never enters the token.
    const updated = await jwt({
      token: { userId: 42, sessionVersion: 3, role: 'ADMIN' },
      user: undefined as never,
      account: null,
      trigger: 'update',
      session: { userId: 1, sessionVersion: 99 },
    });
    expect(updated).toEqual({ userId: 42, sessionVersion: 3 });
  });

  it('lasts eight hours', () => {
    expect(authOptions.session).toMatchObject({ strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS });
    expect(SESSION_MAX_AGE_SECONDS).toBe(8 * 3600);
  });
});
