'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formFields } from '@/lib/form-data';
import { AuthError } from '@/server/auth/errors';
import { getActor, type Actor } from '@/server/auth/session';
import { ForbiddenError } from '@/server/permissions';
import { changeRole, createUser, resetPassword, setActive, UserCommandError } from '@/server/users/commands';

// Server actions are public endpoints: each parses its form strictly, then hands over to the
// domain command, which re-reads the actor and checks the permission itself.

export type FormState = {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string>;
  /** What was typed (never a password), so a refused form keeps it. */
  values?: Record<string, string>;
} | null;

const PAGE = '/quan-tri/nguoi-dung';
const INVALID_FORM: FormState = { ok: false, message: 'Biểu mẫu gửi lên không hợp lệ. Vui lòng tải lại trang và thử lại.' };

const userIdField = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number);

async function run(work: (actor: Actor | null) => Promise<unknown>, success: string, values?: Record<string, string>): Promise<FormState> {
  try {
    await work(await getActor());
  } catch (error) {
    if (error instanceof UserCommandError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors, values };
    if (error instanceof ForbiddenError || error instanceof AuthError) return { ok: false, message: error.message, values };
    throw error;
  }
  revalidatePath(PAGE);
  return { ok: true, message: success };
}

const createForm = z.strictObject({ name: z.string(), email: z.string(), role: z.string(), password: z.string() });

export async function createUserAction(_state: FormState, formData: FormData): Promise<FormState> {
  const parsed = createForm.safeParse(formFields(formData));
  if (!parsed.success) return INVALID_FORM;
  const { password, ...values } = parsed.data;
  return run((actor) => createUser(actor, { ...values, password }), `Đã tạo tài khoản ${values.email.trim()}.`, values);
}

const roleForm = z.strictObject({ userId: userIdField, role: z.string() });

export async function changeRoleAction(_state: FormState, formData: FormData): Promise<FormState> {
  const parsed = roleForm.safeParse(formFields(formData));
  if (!parsed.success) return INVALID_FORM;
  return run((actor) => changeRole(actor, parsed.data), 'Đã đổi vai trò. Các phiên đăng nhập của người này đã kết thúc.');
}

const activeForm = z.strictObject({ userId: userIdField, isActive: z.enum(['true', 'false']).transform((value) => value === 'true') });

export async function setActiveAction(_state: FormState, formData: FormData): Promise<FormState> {
  const parsed = activeForm.safeParse(formFields(formData));
  if (!parsed.success) return INVALID_FORM;
  return run(
    (actor) => setActive(actor, parsed.data),
    parsed.data.isActive ? 'Đã kích hoạt lại tài khoản.' : 'Đã ngừng hoạt động tài khoản. Các phiên đăng nhập của người này đã kết thúc.',
  );
}

const passwordForm = z.strictObject({ userId: userIdField, password: z.string() });

export async function resetPasswordAction(_state: FormState, formData: FormData): Promise<FormState> {
  const parsed = passwordForm.safeParse(formFields(formData));
  if (!parsed.success) return INVALID_FORM;
  return run((actor) => resetPassword(actor, parsed.data), 'Đã đặt lại mật khẩu. Các phiên đăng nhập của người này đã kết thúc.');
}
