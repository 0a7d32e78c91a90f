import 'server-only';
import { recordAudit } from '../audit';
import path from 'node:path';
import { z } from 'zod';
import { getDb } from '../db/client';
import { getEnv } from '../env';
import { ConflictError, ValidationError } from '../errors';
import { assertCan, type PermissionActor } from '../permissions';
import { parseInput } from '../validation';

// The scheduled-backup settings (one row, id 1), edited on /quan-tri/sao-luu by an admin and
// saved against the version the form loaded.

export const KEEP_COUNT_MAX = 365;

export type BackupSettingsView = { isEnabled: boolean; dailyTime: string; keepCount: number; directory: string; version: number };

/** Without a saved row: off, 02:30, two weeks, beside the media directory (.data/backups). */
export function defaultBackupDirectory(): string {
  return path.join(path.dirname(getEnv().mediaRoot), 'backups');
}

export async function readBackupSettings(): Promise<BackupSettingsView> {
  const row = await getDb().backupSettings.findUnique({ where: { id: 1 } });
  if (row)
    return { isEnabled: row.isEnabled, dailyTime: row.dailyTime, keepCount: row.keepCount, directory: row.directory, version: row.version };
  return { isEnabled: false, dailyTime: '02:30', keepCount: 14, directory: defaultBackupDirectory(), version: 0 };
}

export async function getBackupSettings(actor: PermissionActor): Promise<BackupSettingsView> {
  assertCan(actor, 'system.manage');
  return readBackupSettings();
}

export const backupSettingsSchema = z.strictObject({
  expectedVersion: z.number({ error: 'Thiếu phiên bản của cài đặt.' }).int().nonnegative(),
  isEnabled: z.boolean({ error: 'Giá trị “bật sao lưu” không hợp lệ.' }),
  dailyTime: z.string({ error: 'Cần nhập giờ sao lưu.' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ sao lưu cần dạng HH:mm, ví dụ 02:30.'),
  keepCount: z
    .number({ error: 'Số bản giữ lại phải là một số.' })
    .int('Số bản giữ lại phải là số nguyên.')
    .min(1, 'Giữ lại ít nhất 1 bản.')
    .max(KEEP_COUNT_MAX, `Giữ lại tối đa ${KEEP_COUNT_MAX} bản.`),
  directory: z
    .string({ error: 'Cần nhập thư mục.' })
    .trim()
    .min(1, 'Cần nhập thư mục.')
    .max(500, 'Đường dẫn thư mục tối đa 500 ký tự.')
    .refine((value) => path.isAbsolute(value), 'Cần đường dẫn tuyệt đối, ví dụ /var/backups/ban-tin.')
    .refine((value) => !value.split(/[\\/]/).includes('..'), 'Đường dẫn không được chứa “..”.')
    .transform((value) => path.normalize(value)),
});

const STALE = 'Cài đặt sao lưu vừa được người khác lưu. Tải lại trang để xem bản mới; thay đổi của bạn chưa được lưu.';

/** Saves the settings; the directory must not be the media directory or inside it. */
export async function updateBackupSettings(actor: PermissionActor, input: unknown): Promise<{ version: number }> {
  assertCan(actor, 'system.manage');
  const { expectedVersion, ...values } = parseInput(backupSettingsSchema, input);
  const mediaRoot = getEnv().mediaRoot;
  if (values.directory === mediaRoot || values.directory.startsWith(`${mediaRoot}${path.sep}`)) {
    throw new ValidationError('Vui lòng sửa các lỗi được đánh dấu.', { directory: 'Không đặt bản sao lưu trong thư mục ảnh.' });
  }
  return getDb().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ version: number }[]>`SELECT version FROM "BackupSettings" WHERE id = 1 FOR UPDATE`;
    const current = rows[0]?.version ?? 0;
    if (current !== expectedVersion) throw new ConflictError(STALE, { version: current });
    const saved = await tx.backupSettings.upsert({
      where: { id: 1 },
      create: { id: 1, ...values },
      update: { ...values, version: { increment: 1 } },
      select: { version: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'backup.settingsUpdated',
      entityType: 'backup',
      entityId: 'settings',
      data: values,
    });
    return saved;
  });
}
