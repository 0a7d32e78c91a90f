import 'server-only';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { getDb } from '../db/client';
import { APPLIED_MIGRATIONS_SQL, codeMigrations, compareMigrations, type MigrationStatus } from '../db/migration-status';
import { log } from '../logger';

// This app server as the others see it: a row in AppInstance refreshed by every job-runner
// round (a server about to migrate refuses while one at another level is alive; a restore
// refuses while any is), and what the last round did, for the readiness view.

export type JobRunnerStatus = { lastRunAt: Date | null; lastRunOk: boolean | null; failedSteps: string[] };

type State = { id: string; job: JobRunnerStatus; lastReportedUnknown: string };

const globalState = globalThis as unknown as { bantinInstance?: State };

function state(): State {
  globalState.bantinInstance ??= {
    id: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    job: { lastRunAt: null, lastRunOk: null, failedSteps: [] },
    lastReportedUnknown: '',
  };
  return globalState.bantinInstance;
}

export function noteJobRun(failedSteps: string[]): void {
  state().job = { lastRunAt: new Date(), lastRunOk: failedSteps.length === 0, failedSteps };
}

export function getJobRunnerStatus(): JobRunnerStatus {
  return state().job;
}

export async function readMigrationStatus(): Promise<MigrationStatus> {
  const applied = await getDb().$queryRawUnsafe<{ name: string }[]>(APPLIED_MIGRATIONS_SQL);
  return compareMigrations(
    applied.map((row) => row.name),
    await codeMigrations(),
  );
}

/**
 * Refreshes this server's row. When the database has moved past this code (another server
 * migrated it), says so once per change: this server must be updated and restarted.
 */
export async function reportAlive(): Promise<void> {
  const self = state();
  const status = await readMigrationStatus();
  const code = await codeMigrations();
  const migration = code.at(-1) ?? '';
  await getDb().appInstance.upsert({
    where: { id: self.id },
    create: { id: self.id, hostname: os.hostname(), pid: process.pid, migration, lastSeenAt: new Date() },
    update: { lastSeenAt: new Date(), migration },
  });
  const unknown = status.unknown.join(', ');
  if (unknown && unknown !== self.lastReportedUnknown) {
    log.error(
      'Cơ sở dữ liệu đã chạy migration mà mã nguồn của máy chủ này không có: hãy cập nhật mã nguồn rồi khởi động lại máy chủ này.',
      {
        unknownMigrations: unknown,
      },
    );
  }
  self.lastReportedUnknown = unknown;
}

/** On a clean stop: the others need not wait for the row to age. */
export async function removeSelf(): Promise<void> {
  await getDb()
    .appInstance.deleteMany({ where: { id: state().id } })
    .catch(() => undefined);
}
