import 'server-only';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

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
