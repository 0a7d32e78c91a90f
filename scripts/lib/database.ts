// Shared by the start, migrate, seed and test scripts: where the database is, and the checks
// that turn low-level failures into one line a person can act on.
import path from 'node:path';
import pg from 'pg';
import { getScriptEnv, type ScriptEnv } from '../../src/server/env.ts';
import { StartupError, runningEmbeddedUrl, startEmbeddedPostgres, type EmbeddedServer } from './embedded-postgres.ts';

export { StartupError };

export const projectRoot = path.resolve(import.meta.dirname, '../..');
export const embeddedDataDir = path.join(projectRoot, '.data/postgres');
const APP_DATABASE = 'bantin';

export type DatabaseHandle = { url: string; embedded: EmbeddedServer | null };

function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return '(chuỗi không đọc được)';
  }
}

/** Connects once to prove the server answers; throws StartupError saying what to do. */
export async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new StartupError(
      `Không kết nối được PostgreSQL tại ${describeUrl(url)}: ${(error as Error).message}. ` +
        'Kiểm tra DATABASE_URL (máy chủ, cổng, tài khoản, tên cơ sở dữ liệu), hoặc bỏ DATABASE_URL để dùng PostgreSQL nhúng.',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** The commands' environment, checked; a bad value stops with the variable's name. */
export function scriptEnv(): ScriptEnv {
  try {
    return getScriptEnv();
  } catch (error) {
    throw new StartupError((error as Error).message);
  }
}

/**
 * DATABASE_URL when set; otherwise the embedded server with its data under .data/: the one
 * already running when `shareRunning` (an `npm start` elsewhere), else started here.
 */
export async function openDatabase(options: { log?: (line: string) => void; shareRunning?: boolean } = {}): Promise<DatabaseHandle> {
  const env = scriptEnv();
  if (env.DATABASE_URL) {
    await checkReachable(env.DATABASE_URL);
    return { url: env.DATABASE_URL, embedded: null };
  }
  const running = options.shareRunning ? runningEmbeddedUrl(embeddedDataDir, APP_DATABASE) : null;
  if (running) {
    await checkReachable(running);
    return { url: running, embedded: null };
  }
  const embedded = await startEmbeddedPostgres(embeddedDataDir, { port: env.EMBEDDED_PG_PORT, log: options.log });
  try {
    await createDatabaseIfMissing(embedded.adminUrl('postgres'), APP_DATABASE);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: embedded.adminUrl(APP_DATABASE), embedded };
}

export function describeMigrationError(error: unknown): string {
  const message = error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error);
  return (
    `Không áp dụng được migration: ${message}. ` +
    'Cơ sở dữ liệu không bị thay đổi thêm. Kiểm tra thư mục prisma/migrations có đủ các migration đã chạy trên cơ sở dữ liệu này (bảng _prisma_migrations).'
  );
}
