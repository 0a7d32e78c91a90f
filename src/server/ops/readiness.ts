import 'server-only';
import { existsSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import path from 'node:path';
import { readBackupStatus } from '../backup/runs';
import { readBackupSettings } from '../backup/settings';
import { getDb } from '../db/client';
import type { MigrationStatus } from '../db/migration-status';
import { getEnv } from '../env';
import { MAX_OUTBOX_ATTEMPTS } from '../publishing/outbox';
import { getJobRunnerStatus, readMigrationStatus, type JobRunnerStatus } from './instance';

// What an admin (or a monitoring probe signed in as one) sees of this server's state beyond
// "the database answers": schema level, the job runner, backups, free disk. The anonymous
// health answer stays minimal (src/app/api/health/route.ts).

/** A scheduled issue still not marked published this long after its time: the job is stuck. */
const OVERDUE_MS = 2 * 60_000;

export type DiskSpace = { path: string; freeBytes: number; totalBytes: number };

export type Readiness = {
  migrations: MigrationStatus;
  jobRunner: JobRunnerStatus & { outboxBacklog: number; outboxFailed: number; overdueIssues: number };
  backup: {
    isEnabled: boolean;
    directory: string;
    lastAt: Date | null;
    lastStatus: string | null;
    lastError: string | null;
    lastSuccessAt: Date | null;
    lastSuccessBytes: number | null;
  };
  disk: DiskSpace[];
};

/** Free space of the file system holding `target` (its nearest existing ancestor). */
export async function diskSpace(target: string): Promise<DiskSpace> {
  let existing = path.resolve(target);
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  const stats = await statfs(existing);
  return { path: target, freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
}

export async function getReadiness(now = new Date()): Promise<Readiness> {
  const db = getDb();
  const [migrations, outboxBacklog, outboxFailed, overdueIssues, settings, backups] = await Promise.all([
    readMigrationStatus(),
    db.publishOutbox.count({ where: { processedAt: null, attempts: { lt: MAX_OUTBOX_ATTEMPTS } } }),
    db.publishOutbox.count({ where: { processedAt: null, attempts: { gte: MAX_OUTBOX_ATTEMPTS } } }),
    db.issue.count({ where: { status: 'SCHEDULED', publishAt: { lt: new Date(now.getTime() - OVERDUE_MS) } } }),
    readBackupSettings(),
    readBackupStatus(db),
  ]);
  const mediaRoot = getEnv().mediaRoot;
  const directories = [...new Set([mediaRoot, settings.directory])];
  return {
    migrations,
    jobRunner: { ...getJobRunnerStatus(), outboxBacklog, outboxFailed, overdueIssues },
    backup: {
      isEnabled: settings.isEnabled,
      directory: settings.directory,
      lastAt: backups.last?.finishedAt ?? null,
      lastStatus: backups.last?.status ?? null,
      lastError: backups.last?.error ?? null,
      lastSuccessAt: backups.lastSuccess?.finishedAt ?? null,
      lastSuccessBytes: backups.lastSuccess?.byteSize ?? null,
    },
    disk: await Promise.all(directories.map(diskSpace)),
  };
}
