'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { FormState } from '@/components/admin/form-state';
import { startManualBackup } from '@/server/backup/runs';
import { updateBackupSettings } from '@/server/backup/settings';
import { runAction } from '@/server/outcome';
import { parseInput } from '@/server/validation';
import { formFields } from '@/lib/form-data';
import { wholeNumberField } from '@/lib/route-params';

const settingsForm = z.strictObject({
  expectedVersion: wholeNumberField,
  isEnabled: z.literal('on').optional(),
  dailyTime: z.string(),
  keepCount: z.string(),
  directory: z.string(),
});

export async function updateBackupSettingsAction(_state: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  const typed = Object.fromEntries(
    (['dailyTime', 'keepCount', 'directory'] as const).map((name) => [name, typeof fields[name] === 'string' ? fields[name] : '']),
  );
  const outcome = await runAction(
    { attempted: 'backup.settings', entity: { type: 'backup' }, done: 'Đã lưu cài đặt sao lưu.', values: typed },
    async (actor) => {
      const { expectedVersion, isEnabled, dailyTime, keepCount, directory } = parseInput(settingsForm, fields);
      return updateBackupSettings(actor, {
        expectedVersion,
        isEnabled: isEnabled === 'on',
        dailyTime,
        // A blank or non-numeric entry reaches the command as NaN and is refused there, in words.
        keepCount: /^\d{1,4}$/.test(keepCount) ? Number(keepCount) : Number.NaN,
        directory,
      });
    },
  );
  if (outcome.ok) revalidatePath('/quan-tri/sao-luu');
  return outcome;
}

export async function startBackupAction(_state: FormState, formData: FormData): Promise<FormState> {
  const outcome = await runAction(
    { attempted: 'backup.start', entity: { type: 'backup' }, done: 'Đã bắt đầu sao lưu. Tải lại trang sau ít phút để xem kết quả.' },
    (actor) => {
      parseInput(z.strictObject({}), formFields(formData));
      return startManualBackup(actor);
    },
  );
  if (outcome.ok) revalidatePath('/quan-tri/sao-luu');
  return outcome;
}
