import 'server-only';
import { recordAudit } from '../audit';
import { readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BackupTrigger } from '@/generated/prisma/enums';
import { toVietnamIsoLocal } from '@/lib/dates';
import { getDb, type Database } from '../db/client';
import { getEnv } from '../env';
import { ConflictError } from '../errors';
import { log } from '../logger';
import { assertCan, type PermissionActor } from '../permissions';
import { createBackup, type BackupResult } from './create';
import { ArchiveExistsError } from './errors';
import { readBackupSettings } from './settings';

// Backup runs as rows: each attempt is recorded (RUNNING, then SUCCEEDED with its file and
// size, or FAILED with the message), whoever started it: the daily schedule, an admin's
// "Sao lưu ngay", or `npm run backup`. The schedule's row carries the day, unique, so with
// several app servers one of them takes it; after a success, archives beyond the number to
// keep are removed from the directory (only files named like ours).

const ARCHIVE_PATTERN = /^ban-tin-cchc-\d{8}-\d{4}(-\d+)?\.tar$/;
/** A run still RUNNING after this long died with its process. */
const STALE_RUN_MS = 6 * 3600_000;

export type BackupRunView = {
  id: number;
  trigger: BackupTrigger;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  file: string | null;
  byteSize: number | null;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
};

export const BACKUP_STATUS_LABELS: Record<BackupRunView['status'], string> = {
  RUNNING: 'Đang chạy',
  SUCCEEDED: 'Thành công',
  FAILED: 'Thất bại',
};
export const BACKUP_TRIGGER_LABELS: Record<BackupTrigger, string> = {
  SCHEDULED: 'Tự động hằng ngày',
  MANUAL: 'Sao lưu ngay',
  COMMAND: 'Lệnh npm run backup',
};

/** "ban-tin-cchc-20261130-0230.tar", in Asia/Ho_Chi_Minh time. */
export function archiveName(now: Date, suffix = ''): string {
  const local = toVietnamIsoLocal(now);
  return `ban-tin-cchc-${local.slice(0, 10).replaceAll('-', '')}-${local.slice(11, 16).replace(':', '')}${suffix}.tar`;
}

/** The day whose scheduled backup is due at `now` ("2026-11-30"), or null before the time. */
export function dueSlot(dailyTime: string, now: Date): string | null {
  const local = toVietnamIsoLocal(now);
  return local.slice(11, 16) >= dailyTime ? local.slice(0, 10) : null;
}

/** Records the run around `work`; the error is recorded and rethrown. */
export async function recordRun(db: Database, runId: number, work: () => Promise<BackupResult>): Promise<BackupResult> {
  try {
    const result = await work();
    await db.backupRun.update({
      where: { id: runId },
      data: { status: 'SUCCEEDED', file: result.file, byteSize: BigInt(result.size), finishedAt: new Date() },
    });
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.backupRun.update({ where: { id: runId }, data: { status: 'FAILED', error: message.slice(0, 2000), finishedAt: new Date() } });
    throw error;
  }
}

export async function startRun(db: Database, trigger: BackupTrigger, slot: string | null = null): Promise<number> {
  const run = await db.backupRun.create({ data: { trigger, slot, hostname: os.hostname() }, select: { id: true } });
  return run.id;
}

/** Removes the oldest archives of ours beyond `keep`, and temporary files of dead runs. */
export async function applyRetention(directory: string, keep: number): Promise<string[]> {
  const names = (await readdir(directory)).filter((name) => ARCHIVE_PATTERN.test(name)).sort();
  const removed = names.slice(0, Math.max(0, names.length - keep));
  for (const name of removed) await rm(path.join(directory, name), { force: true });
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const name of await readdir(directory)) {
    if (!/^\.ban-tin-cchc-.*\.tmp$/.test(name)) continue;
    const info = await stat(path.join(directory, name)).catch(() => null);
    if (info && info.mtimeMs < dayAgo) await rm(path.join(directory, name), { force: true });
  }
  return removed;
}

async function backupInto(directory: string, now: Date): Promise<BackupResult> {
  const env = getEnv();
  // Two runs in the same minute (a manual one after the scheduled one) get distinct names.
  for (let attempt = 0; ; attempt++) {
    try {
      return await createBackup({
        databaseUrl: env.DATABASE_URL,
        mediaRoot: env.mediaRoot,
        out: path.join(directory, archiveName(now, attempt ? `-${attempt}` : '')),
      });
    } catch (error) {
      if (attempt < 5 && error instanceof ArchiveExistsError) continue;
      throw error;
    }
  }
}

async function runAndRetain(runId: number, label: string): Promise<void> {
  const db = getDb();
  const settings = await readBackupSettings();
  try {
    const result = await recordRun(db, runId, () => backupInto(settings.directory, new Date()));
    const removed = await applyRetention(settings.directory, settings.keepCount);
    log.info(`${label}: xong`, { file: result.file, bytes: result.size, removedOld: removed.length });
  } catch (error) {
    log.error(`${label}: thất bại`, { error, directory: settings.directory });
  }
}

// The run in progress in this process, so the job runner does not wait for it (a backup may
// take minutes; publishing must not) and a stop can.
const inFlight = globalThis as unknown as { bantinBackupRun?: Promise<void> };

function launch(work: Promise<void>): void {
  const running = work.finally(() => {
    if (inFlight.bantinBackupRun === running) inFlight.bantinBackupRun = undefined;
  });
  inFlight.bantinBackupRun = running;
}

/** Waits for this process's backup in progress, if any (tests, shutdown). */
export async function waitForBackupInProgress(): Promise<void> {
  await inFlight.bantinBackupRun;
}

/**
 * The job runner's step: when today's time has come and no server has taken today's slot,
 * takes it and starts the backup in the background. Returns whether it started one.
 */
export async function startScheduledBackupIfDue(now = new Date()): Promise<boolean> {
  const db = getDb();
  await db.backupRun.updateMany({
    where: { status: 'RUNNING', startedAt: { lt: new Date(now.getTime() - STALE_RUN_MS) } },
    data: { status: 'FAILED', finishedAt: now, error: 'Bị gián đoạn (tiến trình dừng giữa chừng).' },
  });
  const settings = await readBackupSettings();
  const slot = settings.isEnabled ? dueSlot(settings.dailyTime, now) : null;
  if (!slot || inFlight.bantinBackupRun) return false;
  const claimed = await db.$executeRaw`
    INSERT INTO "BackupRun" (trigger, slot, hostname, "startedAt") VALUES ('SCHEDULED', ${slot}, ${os.hostname()}, now())
    ON CONFLICT (slot) DO NOTHING`;
  if (claimed === 0) return false;
  const run = await db.backupRun.findUniqueOrThrow({ where: { slot }, select: { id: true } });
  launch(runAndRetain(run.id, `Sao lưu định kỳ ${slot}`));
  return true;
}

/** "Sao lưu ngay": refused while another backup is running anywhere. */
export async function startManualBackup(actor: PermissionActor): Promise<number> {
  assertCan(actor, 'system.manage');
  const db = getDb();
  const running = await db.backupRun.findFirst({
    where: { status: 'RUNNING', startedAt: { gte: new Date(Date.now() - STALE_RUN_MS) } },
    select: { id: true },
  });
  if (running || inFlight.bantinBackupRun) throw new ConflictError('Đang có một bản sao lưu chạy; hãy chờ nó xong.');
  const runId = await startRun(db, 'MANUAL');
  await recordAudit(db, { actorId: actor.id, action: 'backup.started', entityType: 'backup', entityId: runId });
  launch(runAndRetain(runId, 'Sao lưu theo yêu cầu'));
  return runId;
}

function toView(row: Awaited<ReturnType<Database['backupRun']['findMany']>>[number]): BackupRunView {
  return {
    id: row.id,
    trigger: row.trigger,
    status: row.status,
    file: row.file,
    byteSize: row.byteSize === null ? null : Number(row.byteSize),
    error: row.error,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

export async function listBackupRuns(actor: PermissionActor, take = 20): Promise<BackupRunView[]> {
  assertCan(actor, 'system.manage');
  return (await getDb().backupRun.findMany({ orderBy: { id: 'desc' }, take })).map(toView);
}

/** The last finished run and the last successful one (dashboard, health, doctor). */
export async function readBackupStatus(db: Database = getDb()): Promise<{ last: BackupRunView | null; lastSuccess: BackupRunView | null }> {
  const [last, lastSuccess] = await Promise.all([
    db.backupRun.findFirst({ where: { status: { not: 'RUNNING' } }, orderBy: { finishedAt: 'desc' } }),
    db.backupRun.findFirst({ where: { status: 'SUCCEEDED' }, orderBy: { finishedAt: 'desc' } }),
  ]);
  return { last: last && toView(last), lastSuccess: lastSuccess && toView(lastSuccess) };
}

/** The dashboard's line: whether scheduled backups are on, the last result and the last success. */
export async function getBackupSummary(actor: PermissionActor) {
  assertCan(actor, 'system.manage');
  const [settings, status] = await Promise.all([readBackupSettings(), readBackupStatus()]);
  return { isEnabled: settings.isEnabled, dailyTime: settings.dailyTime, ...status };
}
