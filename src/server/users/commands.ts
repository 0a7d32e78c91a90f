import 'server-only';
import { z } from 'zod';
import { singleLineText } from '@/schemas/text';
import type { Prisma } from '@/generated/prisma/client';
import { Role } from '@/generated/prisma/enums';
import { getDb, type Database, type Transaction } from '../db/client';
import { isUniqueViolation } from '../db/unique';
import { recordAudit, type AuditAction } from '../audit';
import { AuthError, ConflictError, NotFoundError, TransitionError } from '../errors';
import { hashPassword } from '../auth/passwords';
import type { Actor } from '../auth/session';
import { assertCan, type PermissionActor } from '../permissions';
import { parseInput } from '../validation';

// Account administration. Every command re-reads the actor, checks 'user.manage', validates
// its input with a strict schema, and changes the user and writes the audit event in one
// transaction. Password, role and active changes bump sessionVersion, which ends that
// user's open sessions on their next request.

const COMMON_PASSWORDS = new Set([
  '1234567890',
  '0123456789',
  '12345678910',
  'qwertyuiop',
  'password123',
  'matkhau123',
  'abc1234567',
  'admin12345',
]);

export const passwordSchema = z
  .string({ error: 'Hãy nhập mật khẩu.' })
  .min(10, 'Mật khẩu cần ít nhất 10 ký tự.')
  .max(256, 'Mật khẩu dài tối đa 256 ký tự.')
  .refine((password) => new Set(password).size >= 4 && !COMMON_PASSWORDS.has(password.toLowerCase()), 'Mật khẩu quá dễ đoán.');

const emailSchema = z
  .string({ error: 'Hãy nhập email.' })
  .trim()
  .toLowerCase()
  .pipe(z.email('Email không hợp lệ.').max(254, 'Email quá dài.'));

const nameSchema = singleLineText(
  z.string().min(1, 'Hãy nhập họ và tên.').max(120, 'Họ và tên dài tối đa 120 ký tự.'),
  'Hãy nhập họ và tên.',
);
const roleSchema = z.enum(Role, { error: 'Vai trò không hợp lệ.' });
const userIdSchema = z.number({ error: 'Người dùng không hợp lệ.' }).int().positive();

export const createUserSchema = z.strictObject({ email: emailSchema, name: nameSchema, role: roleSchema, password: passwordSchema });
export const changeRoleSchema = z.strictObject({ userId: userIdSchema, role: roleSchema });
export const setActiveSchema = z.strictObject({ userId: userIdSchema, isActive: z.boolean() });
export const resetPasswordSchema = z.strictObject({ userId: userIdSchema, password: passwordSchema });
const systemAdminSchema = createUserSchema.omit({ role: true });

/** The actor as the database has it now; a stale or revoked actor is no actor. */
async function reloadActor(db: Database | Transaction, actor: Actor | null): Promise<PermissionActor> {
  if (!actor) throw new AuthError();
  const current = await db.user.findUnique({ where: { id: actor.id }, select: { id: true, role: true, isActive: true } });
  if (!current?.isActive) throw new AuthError();
  return current;
}

type Audit = { action: AuditAction; entityId: number; data?: Prisma.InputJsonValue };

/**
 * Permission check, input validation, then the change and its audit event in one transaction,
 * which checks the actor once more inside it.
 */
async function manageUsers<I, R>(
  actor: Actor | null,
  schema: z.ZodType<I>,
  input: unknown,
  work: (tx: Transaction, input: I, actorId: number) => Promise<{ result: R; audit: Audit | null }>,
): Promise<R> {
  const db = getDb();
  assertCan(await reloadActor(db, actor), 'user.manage');
  const parsed = parseInput(schema, input);
  return db.$transaction(async (tx) => {
    const current = await reloadActor(tx, actor);
    assertCan(current, 'user.manage');
    const { result, audit } = await work(tx, parsed, current.id);
    if (audit) await recordAudit(tx, { actorId: current.id, entityType: 'user', ...audit });
    return result;
  });
}

type Target = { id: number; role: Role; isActive: boolean };

async function findTarget(tx: Transaction, userId: number): Promise<Target> {
  const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, isActive: true } });
  if (!target) throw new NotFoundError('Không tìm thấy người dùng này.');
  return target;
}

/**
 * Refuses a change that would leave no active admin. The active admins' rows are locked, so
 * two admins demoting each other at once cannot both succeed.
 */
async function keepOneActiveAdmin(tx: Transaction, target: Target, after: { role: Role; isActive: boolean }): Promise<void> {
  const wasAdmin = target.role === 'ADMIN' && target.isActive;
  const staysAdmin = after.role === 'ADMIN' && after.isActive;
  if (!wasAdmin || staysAdmin) return;
  const admins = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM "User" WHERE role = 'ADMIN' AND "isActive" = true FOR UPDATE`;
  if (!admins.some((admin) => admin.id !== target.id)) {
    throw new TransitionError('Phải còn ít nhất một tài khoản Quản trị đang hoạt động.');
  }
}

const emailTaken = () => new ConflictError('Chưa tạo được tài khoản.', undefined, { email: 'Email này đã có tài khoản.' });

async function insertUser(
  tx: Transaction,
  input: { email: string; name: string; role: Role; password: string },
  actorId: number | null,
  via: string,
) {
  if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId,
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      data: { email: input.email, role: input.role, via },
    });
    return user;
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

/** `password` is the new user's initial password; it is stored only as an argon2id hash. */
export function createUser(actor: Actor | null, input: unknown): Promise<{ id: number }> {
  return manageUsers(actor, createUserSchema, input, async (tx, data, actorId) => ({
    result: await insertUser(tx, data, actorId, 'admin'),
    audit: null,
  }));
}

export function changeRole(actor: Actor | null, input: unknown): Promise<void> {
  return manageUsers(actor, changeRoleSchema, input, async (tx, { userId, role }) => {
    const target = await findTarget(tx, userId);
    if (target.role === role) return { result: undefined, audit: null };
    await keepOneActiveAdmin(tx, target, { role, isActive: target.isActive });
    await tx.user.update({ where: { id: userId }, data: { role, sessionVersion: { increment: 1 } } });
    return { result: undefined, audit: { action: 'user.roleChanged', entityId: userId, data: { from: target.role, to: role } } };
  });
}

export function setActive(actor: Actor | null, input: unknown): Promise<void> {
  return manageUsers(actor, setActiveSchema, input, async (tx, { userId, isActive }) => {
    const target = await findTarget(tx, userId);
    if (target.isActive === isActive) return { result: undefined, audit: null };
    await keepOneActiveAdmin(tx, target, { role: target.role, isActive });
    await tx.user.update({ where: { id: userId }, data: { isActive, sessionVersion: { increment: 1 } } });
    return { result: undefined, audit: { action: isActive ? 'user.activated' : 'user.deactivated', entityId: userId } };
  });
}

export function resetPassword(actor: Actor | null, input: unknown): Promise<void> {
  return manageUsers(actor, resetPasswordSchema, input, async (tx, { userId, password }) => {
    await findTarget(tx, userId);
    const passwordHash = await hashPassword(password);
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    return { result: undefined, audit: { action: 'user.passwordReset', entityId: userId } };
  });
}

/**
 * For `npm run user:create` only: creates an admin with no signed-in actor, which is why it
 * takes the database explicitly and is named for what it bypasses.
 */
export async function createAdminAsSystem(db: Database, input: unknown): Promise<{ id: number; email: string; name: string }> {
  const data = parseInput(systemAdminSchema, input);
  const user = await db.$transaction((tx) => insertUser(tx, { ...data, role: 'ADMIN' }, null, 'cli'));
  return { id: user.id, email: data.email, name: data.name };
}
