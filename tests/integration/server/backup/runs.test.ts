import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBackupStatus, startManualBackup, startScheduledBackupIfDue, waitForBackupInProgress } from '@/server/backup/runs';
import { updateBackupSettings } from '@/server/backup/settings';
import { getDb } from '@/server/db/client';
import { ConflictError } from '@/server/errors';
import { ForbiddenError, type PermissionActor } from '@/server/permissions';
import { vietnamTime } from '@/lib/dates';

let dir: string;
let admin: PermissionActor;
let editor: PermissionActor;
let version = 0;

async function configure(values: { isEnabled?: boolean; dailyTime?: string; keepCount?: number; directory?: string }) {
  ({ version } = await updateBackupSettings(admin, {
    expectedVersion: version,
    isEnabled: true,
    dailyTime: '02:30',
    keepCount: 2,
    directory: dir,
    ...values,
  }));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bantin-scheduled-'));
  const pick = async (email: string) => {
    const user = await getDb().user.findUniqueOrThrow({ where: { email } });
    return { id: user.id, role: user.role };
  };
  admin = await pick('quantri@demo.local');
  editor = await pick('bientap@demo.local');
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('scheduled backups', () => {
  it('runs once a day after its time, on one server only, and keeps the newest archives', async () => {
    await configure({ dailyTime: '02:30', keepCount: 2 });
    for (const day of ['20261127', '20261128', '20261129']) await writeFile(path.join(dir, `ban-tin-cchc-${day}-0230.tar`), 'cũ');
    await writeFile(path.join(dir, 'ghi-chu.txt'), 'không phải bản sao lưu');

    expect(await startScheduledBackupIfDue(vietnamTime('2026-11-30', 2, 29))).toBe(false);
    // Two servers' job runners at the same moment: one takes the day.
    const started = await Promise.all(
      [vietnamTime('2026-11-30', 2, 31), vietnamTime('2026-11-30', 2, 31)].map((at) => startScheduledBackupIfDue(at)),
    );
    expect(started.filter(Boolean)).toHaveLength(1);
    await waitForBackupInProgress();
    expect(await startScheduledBackupIfDue(vietnamTime('2026-11-30', 9, 0))).toBe(false);

    const runs = await getDb().backupRun.findMany({ where: { trigger: 'SCHEDULED' } });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ slot: '2026-11-30', status: 'SUCCEEDED' });
    expect(existsSync(runs[0]!.file!)).toBe(true);
    expect(Number(runs[0]!.byteSize)).toBeGreaterThan(100_000);
    const kept = (await readdir(dir)).sort();
    expect(kept).toEqual([path.basename(runs[0]!.file!), 'ban-tin-cchc-20261129-0230.tar', 'ghi-chu.txt'].sort());

    const status = await readBackupStatus();
    expect(status.lastSuccess).toMatchObject({ id: runs[0]!.id, byteSize: Number(runs[0]!.byteSize) });
  }, 120_000);

  it('does nothing while disabled', async () => {
    await configure({ isEnabled: false });
    expect(await startScheduledBackupIfDue(vietnamTime('2026-12-01', 23, 0))).toBe(false);
  });

  it('records a failure with its message and keeps the older archives', async () => {
    const blocked = path.join(dir, 'la-tep');
    await writeFile(blocked, 'một tệp, không phải thư mục');
    await configure({ isEnabled: true, directory: blocked });
    expect(await startScheduledBackupIfDue(vietnamTime('2026-12-02', 3, 0))).toBe(true);
    await waitForBackupInProgress();
    const run = await getDb().backupRun.findUniqueOrThrow({ where: { slot: '2026-12-02' } });
    expect(run.status).toBe('FAILED');
    expect(run.error).toMatch(/Không tạo được thư mục/);
    expect((await readBackupStatus()).last).toMatchObject({ status: 'FAILED' });
    expect(await readdir(dir)).toContain('ban-tin-cchc-20261129-0230.tar');
  });

  it('lets only an admin change the settings or start one by hand, one at a time', async () => {
    await expect(
      updateBackupSettings(editor, { expectedVersion: version, isEnabled: true, dailyTime: '01:00', keepCount: 3, directory: dir }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      updateBackupSettings(admin, { expectedVersion: version - 1, isEnabled: true, dailyTime: '01:00', keepCount: 3, directory: dir }),
    ).rejects.toThrow(ConflictError);
    await expect(
      updateBackupSettings(admin, { expectedVersion: version, isEnabled: true, dailyTime: '25:00', keepCount: 0, directory: 'tuong-doi' }),
    ).rejects.toMatchObject({
      fieldErrors: {
        dailyTime: expect.stringMatching(/HH:mm/),
        keepCount: expect.any(String),
        directory: expect.stringMatching(/tuyệt đối/),
      },
    });
    await configure({ directory: dir });
    await expect(startManualBackup(editor)).rejects.toThrow(ForbiddenError);
    await startManualBackup(admin);
    await expect(startManualBackup(admin)).rejects.toThrow(ConflictError);
    await waitForBackupInProgress();
    expect((await readBackupStatus()).last).toMatchObject({ trigger: 'MANUAL', status: 'SUCCEEDED' });
  }, 120_000);
});
