'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireActor } from '@/server/auth/session';
import { startManualBackup } from '@/server/backup/runs';
import { updateBackupSettings } from '@/server/backup/settings';
import { formFields } from '@/lib/form-data';
import { INVALID_FORM, refusal, type FormState } from '../ban-tin/form-state';

const settingsForm = z.strictObject({
  expectedVersion: z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number),
  isEnabled: z.literal('on').optional(),
  dailyTime: z.string(),
  keepCount: z.string(),
  directory: z.string(),
});

export async function updateBackupSettingsAction(_state: FormState, formData: FormData): Promise<FormState> {
  const parsed = settingsForm.safeParse(formFields(formData));
  if (!parsed.success) return INVALID_FORM;
  const { expectedVersion, isEnabled, dailyTime, keepCount, directory } = parsed.data;
  const typed = { dailyTime, keepCount, directory };
  try {
    await updateBackupSettings(await requireActor(), {
      expectedVersion,
      isEnabled: isEnabled === 'on',
      dailyTime,
      // A blank or non-numeric entry reaches the command as NaN and is refused there, in words.
      keepCount: /^\d{1,4}$/.test(keepCount) ? Number(keepCount) : Number.NaN,
      directory,
    });
  } catch (error) {
    return refusal(error, typed);
  }
  revalidatePath('/quan-tri/sao-luu');
  return { ok: true, message: 'Đã lưu cài đặt sao lưu.' };
}

export async function startBackupAction(_state: FormState, formData: FormData): Promise<FormState> {
  if (!z.strictObject({}).safeParse(formFields(formData)).success) return INVALID_FORM;
  try {
    await startManualBackup(await requireActor());
  } catch (error) {
    return refusal(error);
  }
  revalidatePath('/quan-tri/sao-luu');
  return { ok: true, message: 'Đã bắt đầu sao lưu. Tải lại trang sau ít phút để xem kết quả.' };
}
