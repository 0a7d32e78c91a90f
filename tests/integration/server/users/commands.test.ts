import { describe, expect, it } from 'vitest';
import { AuthError, ConflictError, ValidationError } from '@/server/errors';
import { authorize } from '@/server/auth/sign-in';
import { getDb } from '@/server/db/client';
import { ForbiddenError } from '@/server/permissions';
import { changeRole, createAdminAsSystem, createUser, resetPassword, setActive } from '@/server/users/commands';
import { listUsers } from '@/server/users/queries';
import { actorFor, createUser as createUserRow, DEMO_PASSWORD } from '../../../factories/users';

const admin = () => actorFor('quantri@demo.local');
const NEW_PASSWORD = 'MatKhauMoi@2026';

async function snapshotUsers() {
  return getDb().user.findMany({ orderBy: { id: 'asc' } });
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the command to be refused');
}

async function signsIn(email: string, password: string): Promise<boolean> {
  return (await authorize({ email, password }, { ipAddress: '192.0.2.50' })).status === 'ok';
}

describe('createUser', () => {
  it('creates an account that can sign in, stores only a hash, and audits it', async () => {
    const { id } = await createUser(await admin(), {
      email: ' Moi.Nguoi@Demo.Local ',
      name: ' Lê Thị Mới ',
      role: 'EDITOR',
      password: NEW_PASSWORD,
    });
    const user = await getDb().user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({ email: 'moi.nguoi@demo.local', name: 'Lê Thị Mới', role: 'EDITOR', isActive: true });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await signsIn('moi.nguoi@demo.local', NEW_PASSWORD)).toBe(true);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: 'user.created', entityId: String(id) } });
    expect(audit.actorId).toBe((await admin()).id);
    expect(JSON.stringify(audit.data)).not.toContain(NEW_PASSWORD);
  });

  it('refuses an email that already has an account, whatever its case', async () => {
    const error = await caught(
      createUser(await admin(), { email: 'BIENTAP@demo.local', name: 'Trùng', role: 'EDITOR', password: NEW_PASSWORD }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, fieldErrors: { email: 'Email này đã có tài khoản.' } });
  });

  it.each([
    ['short', 'Ngan@2025', 'Mật khẩu cần ít nhất 10 ký tự.'],
    ['one repeated character', 'aaaaaaaaaaaa', 'Mật khẩu quá dễ đoán.'],
    ['a common one', '1234567890', 'Mật khẩu quá dễ đoán.'],
  ])('refuses a %s password', async (_kind, password, message) => {
    const before = await snapshotUsers();
    const error = await caught(createUser(await admin(), { email: 'yeu@demo.local', name: 'Yếu', role: 'EDITOR', password }));
    expect(error).toMatchObject({ status: 422, fieldErrors: { password: message } });
    expect(await snapshotUsers()).toEqual(before);
  });

  it('refuses a bad email, an empty name and an unknown role, naming each field', async () => {
    const error = await caught(createUser(await admin(), { email: 'khong-phai-email', name: '  ', role: 'ROOT', password: NEW_PASSWORD }));
    expect(error).toMatchObject({
      status: 422,
      fieldErrors: { email: 'Email không hợp lệ.', name: 'Hãy nhập họ và tên.', role: 'Vai trò không hợp lệ.' },
    });
  });
});

describe('extra fields in command input', () => {
  it.each([
    ['createUser', () => ({ email: 'them@demo.local', name: 'Thêm', role: 'EDITOR', password: NEW_PASSWORD, isActive: false })],
    [
      'createUser',
      () => JSON.parse(`{"email":"proto@demo.local","name":"P","role":"EDITOR","password":"${NEW_PASSWORD}","__proto__":{"role":"ADMIN"}}`),
    ],
  ])('%s refuses them and changes nothing', async (_name, input) => {
    const before = await snapshotUsers();
    const error = await caught(createUser(await admin(), input()));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ message: 'Yêu cầu có trường không được phép.', hasForbiddenFields: true });
    expect(await snapshotUsers()).toEqual(before);
  });

  it('changeRole, setActive and resetPassword refuse them and change nothing', async () => {
    const target = await createUserRow();
    const before = await snapshotUsers();
    const actor = await admin();
    await expect(changeRole(actor, { userId: target.id, role: 'APPROVER', sessionVersion: 1 })).rejects.toThrow(ValidationError);
    await expect(setActive(actor, { userId: target.id, isActive: false, version: 2 })).rejects.toThrow(ValidationError);
    await expect(resetPassword(actor, { userId: target.id, password: NEW_PASSWORD, approvedById: 1 })).rejects.toThrow(ValidationError);
    expect(await snapshotUsers()).toEqual(before);
  });
});

describe('who may manage users', () => {
  it.each(['bientap@demo.local', 'duyet@demo.local'])(
    '%s is refused every command and nothing changes (refusals are audited by runAction, see outcome.test.ts)',
    async (email) => {
      const target = await createUserRow();
      const actor = await actorFor(email);
      const before = await snapshotUsers();
      const attempts = [
        () => createUser(actor, { email: 'lam-gia@demo.local', name: 'Giả', role: 'ADMIN', password: NEW_PASSWORD }),
        () => changeRole(actor, { userId: actor.id, role: 'ADMIN' }),
        () => setActive(actor, { userId: target.id, isActive: false }),
        () => resetPassword(actor, { userId: target.id, password: NEW_PASSWORD }),
      ];
      for (const attempt of attempts) {
        const error = await caught(attempt());
        expect(error).toBeInstanceOf(ForbiddenError);
        expect(error).toMatchObject({ status: 403, message: 'Bạn không có quyền thực hiện thao tác này.' });
      }
      expect(await snapshotUsers()).toEqual(before);
      await expect(listUsers(actor)).rejects.toThrow(ForbiddenError);
    },
  );

  it('refuses a signed-out caller, and an actor whose account was deactivated meanwhile', async () => {
    await expect(setActive(null, { userId: 1, isActive: false })).rejects.toThrow(AuthError);
    const secondAdmin = await createUserRow({ role: 'ADMIN' });
    const stale = await actorFor(secondAdmin.email);
    await setActive(await admin(), { userId: secondAdmin.id, isActive: false });
    const target = await createUserRow();
    await expect(resetPassword(stale, { userId: target.id, password: NEW_PASSWORD })).rejects.toThrow(AuthError);
  });

  it('refuses an actor object claiming a role the database does not give it', async () => {
    const editor = await actorFor('bientap@demo.local');
    const target = await createUserRow();
    await expect(setActive({ ...editor, role: 'ADMIN' }, { userId: target.id, isActive: false })).rejects.toThrow(ForbiddenError);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: target.id } })).isActive).toBe(true);
  });
});

describe('changes that end sessions', () => {
  it('changeRole bumps sessionVersion and audits from → to; the same role again changes nothing', async () => {
    const target = await createUserRow({ role: 'EDITOR' });
    await changeRole(await admin(), { userId: target.id, role: 'APPROVER' });
    const changed = await getDb().user.findUniqueOrThrow({ where: { id: target.id } });
    expect(changed).toMatchObject({ role: 'APPROVER', sessionVersion: target.sessionVersion + 1 });
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: 'user.roleChanged', entityId: String(target.id) } });
    expect(audit.data).toEqual({ from: 'EDITOR', to: 'APPROVER' });

    await changeRole(await admin(), { userId: target.id, role: 'APPROVER' });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: target.id } })).sessionVersion).toBe(changed.sessionVersion);
  });

  it('setActive stops and restores sign-in, bumping sessionVersion each time', async () => {
    const target = await createUserRow();
    await setActive(await admin(), { userId: target.id, isActive: false });
    expect(await signsIn(target.email, DEMO_PASSWORD)).toBe(false);
    await setActive(await admin(), { userId: target.id, isActive: true });
    expect(await signsIn(target.email, DEMO_PASSWORD)).toBe(true);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: target.id } })).sessionVersion).toBe(target.sessionVersion + 2);
    const actions = await getDb().auditEvent.findMany({
      where: { entityType: 'user', entityId: String(target.id) },
      orderBy: { id: 'asc' },
    });
    expect(actions.map((event) => event.action)).toEqual(['user.deactivated', 'user.activated']);
  });

  it('resetPassword replaces the password and audits without the password', async () => {
    const target = await createUserRow();
    await resetPassword(await admin(), { userId: target.id, password: NEW_PASSWORD });
    expect(await signsIn(target.email, NEW_PASSWORD)).toBe(true);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: 'user.passwordReset', entityId: String(target.id) } });
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
  });

  it('answers 404 for an account that does not exist', async () => {
    await expect(setActive(await admin(), { userId: 999_999, isActive: false })).rejects.toMatchObject({ status: 404 });
  });
});

describe('the last active admin', () => {
  it('cannot demote or deactivate themselves while no other admin is active', async () => {
    const actor = await admin();
    const others = await getDb().user.findMany({ where: { role: 'ADMIN', isActive: true, id: { not: actor.id } } });
    for (const other of others) await setActive(actor, { userId: other.id, isActive: false });

    await expect(changeRole(actor, { userId: actor.id, role: 'EDITOR' })).rejects.toMatchObject({ status: 409 });
    await expect(setActive(actor, { userId: actor.id, isActive: false })).rejects.toMatchObject({ status: 409 });
    expect(await getDb().user.findUniqueOrThrow({ where: { id: actor.id } })).toMatchObject({ role: 'ADMIN', isActive: true });

    // With a second active admin the same change is allowed (and ends the actor's session).
    const second = await createUserRow({ role: 'ADMIN' });
    await changeRole(actor, { userId: actor.id, role: 'EDITOR' });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: actor.id } })).role).toBe('EDITOR');
    await changeRole(await actorFor(second.email), { userId: actor.id, role: 'ADMIN' });
  });

  it('survives two admins demoting each other at the same moment', async () => {
    const actor = await admin();
    const others = await getDb().user.findMany({ where: { role: 'ADMIN', isActive: true, id: { not: actor.id } } });
    for (const other of others) await setActive(actor, { userId: other.id, isActive: false });
    const second = await createUserRow({ role: 'ADMIN' });
    const secondActor = await actorFor(second.email);

    const results = await Promise.allSettled([
      changeRole(actor, { userId: second.id, role: 'EDITOR' }),
      changeRole(secondActor, { userId: actor.id, role: 'EDITOR' }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(await getDb().user.count({ where: { role: 'ADMIN', isActive: true } })).toBe(1);
  });
});

describe('createAdminAsSystem (npm run user:create)', () => {
  it('creates an admin with no actor, audited as coming from the command line', async () => {
    const user = await createAdminAsSystem(getDb(), { email: 'Truong.Phong@So.Gov.VN', name: 'Trưởng phòng', password: NEW_PASSWORD });
    expect(await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      email: 'truong.phong@so.gov.vn',
      role: 'ADMIN',
    });
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: 'user.created', entityId: String(user.id) } });
    expect(audit).toMatchObject({ actorId: null, data: { via: 'cli', role: 'ADMIN' } });
  });

  it('refuses a weak password and a role field', async () => {
    await expect(createAdminAsSystem(getDb(), { email: 'a@so.gov.vn', name: 'A', password: 'ngan' })).rejects.toMatchObject({
      status: 422,
    });
    await expect(createAdminAsSystem(getDb(), { email: 'a@so.gov.vn', name: 'A', password: NEW_PASSWORD, role: 'EDITOR' })).rejects.toThrow(
      /không được phép/,
    );
  });
});
