'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { FormState } from '@/components/admin/form-state';
import type { Actor } from '@/server/auth/session';
import { runAction } from '@/server/outcome';
import { changeRole, createUser, resetPassword, setActive } from '@/server/users/commands';
import { parseInput } from '@/server/validation';
import { formFields } from '@/lib/form-data';
import { idField } from '@/lib/route-params';

// Server actions are public endpoints: each parses its form strictly, then hands over to the
// domain command, which re-reads the actor and checks the permission itself.

const PAGE = '/quan-tri/nguoi-dung';

async function manage(
  formData: FormData,
  attempted: string,
  done: string,
  work: (actor: Actor, fields: Record<string, FormDataEntryValue>) => Promise<unknown>,
  values?: Record<string, string>,
): Promise<FormState> {
  const fields = formFields(formData);
  const outcome = await runAction({ attempted, entity: { type: 'user', id: fields.userId }, done, values }, (actor) => work(actor, fields));
  if (outcome.ok) revalidatePath(PAGE);
  return outcome;
}

const createForm = z.strictObject({ name: z.string(), email: z.string(), role: z.string(), password: z.string() });

export async function createUserAction(_state: FormState, formData: FormData): Promise<FormState> {
  // What was typed comes back after a refusal, never the password.
  const typed = formFields(formData);
  const values = Object.fromEntries(
    Object.entries(typed).filter((entry): entry is [string, string] => entry[0] !== 'password' && typeof entry[1] === 'string'),
  );
  return manage(
    formData,
    'user.create',
    `Đã tạo tài khoản ${String(typed.email ?? '').trim()}.`,
    (actor, fields) => createUser(actor, parseInput(createForm, fields)),
    values,
  );
}

const roleForm = z.strictObject({ userId: idField, role: z.string() });

export async function changeRoleAction(_state: FormState, formData: FormData): Promise<FormState> {
  return manage(formData, 'user.changeRole', 'Đã đổi vai trò. Các phiên đăng nhập của người này đã kết thúc.', (actor, fields) =>
    changeRole(actor, parseInput(roleForm, fields)),
  );
}

const activeForm = z.strictObject({ userId: idField, isActive: z.enum(['true', 'false']).transform((value) => value === 'true') });

export async function setActiveAction(_state: FormState, formData: FormData): Promise<FormState> {
  const activating = formData.get('isActive') === 'true';
  return manage(
    formData,
    'user.setActive',
    activating ? 'Đã kích hoạt lại tài khoản.' : 'Đã ngừng hoạt động tài khoản. Các phiên đăng nhập của người này đã kết thúc.',
    (actor, fields) => setActive(actor, parseInput(activeForm, fields)),
  );
}

const passwordForm = z.strictObject({ userId: idField, password: z.string() });

export async function resetPasswordAction(_state: FormState, formData: FormData): Promise<FormState> {
  return manage(formData, 'user.resetPassword', 'Đã đặt lại mật khẩu. Các phiên đăng nhập của người này đã kết thúc.', (actor, fields) =>
    resetPassword(actor, parseInput(passwordForm, fields)),
  );
}
