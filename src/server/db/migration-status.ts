import 'server-only';
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';

// Which migrations this code has (the folders of prisma/migrations) against those the database
// ran: the check behind start-up refusals, restore, health and doctor. No schema engine here,
// so the app server can ask it cheaply.

export type MigrationStatus = {
  /** The latest migration the database ran, or null for an empty database. */
  current: string | null;
  /** The code's migrations the database has not run. */
  pending: string[];
  /** Migrations the database ran that this code does not have: the code is older. */
  unknown: string[];
  isUpToDate: boolean;
};

/** The code's migrations, oldest first (the app runs from the project folder). */
export async function codeMigrations(directory = path.join(process.cwd(), 'prisma/migrations')): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function compareMigrations(applied: readonly string[], code: readonly string[]): MigrationStatus {
  const ran = new Set(applied);
  const known = new Set(code);
  const pending = code.filter((name) => !ran.has(name));
  const unknown = applied.filter((name) => !known.has(name));
  return { current: [...applied].sort().at(-1) ?? null, pending, unknown, isUpToDate: pending.length === 0 && unknown.length === 0 };
}

/** The query reading applied migrations; `[]` when the table does not exist yet. */
export const APPLIED_MIGRATIONS_SQL = `SELECT migration_name AS name FROM _prisma_migrations
  WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`;

export type OtherLevelServer = { hostname: string; pid: number; migration: string };

/**
 * When this code has migrations to apply and another app server at another level reported
 * in during the last 90 seconds (AppInstance, refreshed by every job-runner round) and, on
 * this machine, still runs: those servers and the pending migrations. Null when migrating is
 * safe.
 */
export async function findOtherLevelServers(
  client: pg.Client,
  code: readonly string[],
): Promise<{ servers: OtherLevelServer[]; pending: string[] } | null> {
  const tables = await client.query(`SELECT to_regclass('public._prisma_migrations') AS m, to_regclass('public."AppInstance"') AS a`);
  if (!tables.rows[0]?.m || !tables.rows[0]?.a) return null;
  const applied = (await client.query<{ name: string }>(APPLIED_MIGRATIONS_SQL)).rows.map((row) => row.name);
  const { pending } = compareMigrations(applied, code);
  if (pending.length === 0) return null;
  const { rows } = await client.query<OtherLevelServer>(
    `SELECT hostname, pid, migration FROM "AppInstance" WHERE "lastSeenAt" > now() - interval '90 seconds' AND migration <> $1 ORDER BY hostname, pid`,
    [code.at(-1)],
  );
  // A server of this machine whose process is gone stopped (or crashed) without removing its
  // row: restarting after `systemctl stop` must not wait for the row to age.
  const servers = rows.filter((row) => row.hostname !== os.hostname() || isProcessAlive(row.pid));
  return servers.length ? { servers, pending } : null;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
