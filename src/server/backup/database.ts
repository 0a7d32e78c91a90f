import 'server-only';
import { spawn } from 'node:child_process';
import pg from 'pg';
import { BackupError } from './errors';

// What backup and restore ask the database directly (node-pg, not Prisma: they run before
// the schema exists, and inside one exported snapshot), and how pg_dump/pg_restore are run.

/** Query parameters libpq understands; others (Prisma's, pg's) would make it refuse the URL. */
const LIBPQ_PARAMS = new Set([
  'sslmode',
  'sslrootcert',
  'sslcert',
  'sslkey',
  'connect_timeout',
  'application_name',
  'options',
  'host',
  'port',
]);

/**
 * The URL for libpq without its password, which goes in PGPASSWORD instead: arguments are
 * visible to every local user in `ps`.
 */
export function libpqTarget(url: string): { url: string; env: Record<string, string> } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  for (const key of [...parsed.searchParams.keys()]) if (!LIBPQ_PARAMS.has(key)) parsed.searchParams.delete(key);
  return { url: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`Không kết nối được cơ sở dữ liệu: ${(error as Error).message}. Kiểm tra DATABASE_URL.`);
  }
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function serverMajor(client: pg.Client): Promise<{ major: number; version: string }> {
  const { rows } = await client.query<{ num: string; version: string }>(
    `SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version`,
  );
  return { major: Math.floor(Number(rows[0]!.num) / 10000), version: rows[0]!.version.split(' ')[0]! };
}

export type DatabaseStats = {
  /** Rows per table of the public schema, by name. */
  tables: Record<string, number>;
  /** Applied migrations, oldest first. */
  migrations: string[];
  /** Storage keys of the Media rows. */
  mediaKeys: string[];
};

/** Counts every table of the public schema exactly, in the client's current snapshot. */
export async function readStats(client: pg.Client): Promise<DatabaseStats> {
  const { rows: tableRows } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const tables: Record<string, number> = {};
  for (const { name } of tableRows) {
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) AS count FROM public.${client.escapeIdentifier(name)}`);
    tables[name] = Number(rows[0]!.count);
  }
  const migrations =
    '_prisma_migrations' in tables
      ? (
          await client.query<{ name: string }>(
            `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
          )
        ).rows.map((row) => row.name)
      : [];
  const mediaKeys =
    'Media' in tables ? (await client.query<{ key: string }>(`SELECT "storageKey" AS key FROM "Media"`)).rows.map((r) => r.key) : [];
  return { tables, migrations, mediaKeys };
}

/** Tables in the public schema: zero means an empty database, ready for a restore. */
export async function countTables(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ count: string }>(`SELECT count(*) AS count FROM pg_tables WHERE schemaname = 'public'`);
  return Number(rows[0]!.count);
}

/** App servers that reported in during the last two job-runner rounds. */
export async function liveAppServers(client: pg.Client): Promise<string[]> {
  const exists = await client.query(`SELECT to_regclass('public."AppInstance"') AS name`);
  if (!exists.rows[0]?.name) return [];
  const { rows } = await client.query<{ hostname: string; pid: number }>(
    `SELECT hostname, pid FROM "AppInstance" WHERE "lastSeenAt" > now() - interval '90 seconds' ORDER BY hostname, pid`,
  );
  return rows.map((row) => `${row.hostname} (tiến trình ${row.pid})`);
}

/** Runs a PostgreSQL client tool; rejects with its last lines of stderr. */
export function runTool(binary: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new ToolError(stderr.trim() || `thoát với mã ${code ?? signal}`));
    });
  });
}

export class ToolError extends Error {
  constructor(readonly stderr: string) {
    super(stderr);
    this.name = 'ToolError';
  }
}
